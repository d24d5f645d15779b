package io.combot.adapter.in.web;

import io.combot.adapter.in.web.OpenAiDtos.ErrorBody;
import io.combot.adapter.in.web.OpenAiDtos.ErrorResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.MediaType;
import tools.jackson.databind.json.JsonMapper;

/**
 * Errors on the OpenAI-compatible paths ({@code /v1/…}) in OpenAI's shape, {@code {"error": {"message", "type",
 * "param", "code"}}}, so that OpenAI clients raise their typed errors; every other path answers problem+json. The one
 * source of that shape: the controllers' handler and {@link Problems} (for the servlet filters and Jetty's error
 * handler) write it here.
 */
public final class OpenAiErrors {
    /** The prefix of the paths that answer in OpenAI's shape. */
    public static final String PATH_PREFIX = "/v1/";
    private static final JsonMapper JSON = WebConfiguration.strictJsonMapper();

    private OpenAiErrors() {
    }

    /** Whether {@code path}, decoded and normalised as requests are routed by, answers errors in OpenAI's shape. */
    public static boolean covers(String path) {
        return path != null && path.startsWith(PATH_PREFIX);
    }

    static boolean covers(HttpServletRequest request) {
        return covers(request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo()));
    }

    /** The error body for {@code status} with the code OpenAI gives that status, as JSON bytes. */
    public static byte[] json(int status, String message) {
        return JSON.writeValueAsBytes(body(status, message, null, null));
    }

    /** Writes the error for {@code status}; headers such as {@code Retry-After} are the caller's. */
    static void write(HttpServletResponse response, int status, String message) throws IOException {
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.getOutputStream().write(json(status, message));
    }

    /** {@code param} and {@code code} may be null; a null code is the one OpenAI gives the status, if any. */
    static ErrorResponse body(int status, String message, String param, String code) {
        return new ErrorResponse(new ErrorBody(message, type(status), param, code == null ? code(status) : code));
    }

    private static String type(int status) {
        if (status == 429) {
            return "requests";
        }
        return status >= 500 ? "server_error" : "invalid_request_error";
    }

    private static String code(int status) {
        return switch (status) {
            case 401 -> "invalid_api_key";
            case 408 -> "request_timeout";
            case 409 -> "session_busy";
            case 410 -> "session_expired";
            case 413 -> "request_too_large";
            case 429 -> "rate_limit_exceeded";
            case 503 -> "overloaded";
            default -> null;
        };
    }
}
