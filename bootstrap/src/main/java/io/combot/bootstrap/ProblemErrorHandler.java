package io.combot.bootstrap;

import io.combot.adapter.in.web.OpenAiErrors;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;
import tools.jackson.databind.json.JsonMapper;

/**
 * Errors that Jetty answers itself, before Spring MVC sees the request (an ambiguous or malformed URI, oversized
 * headers, a refused request), as RFC 9457 problem+json like every other error, and never with a stack trace; on the
 * OpenAI-compatible paths in OpenAI's error shape. A malformed request line or oversized headers are answered before
 * the path is known, so those stay problem+json.
 */
final class ProblemErrorHandler extends ErrorHandler {
    private static final String PROBLEM_JSON = "application/problem+json";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** Jetty writes an error body only for GET, POST and HEAD by default; a DELETE deserves its problem too. */
    @Override
    public boolean errorPageForMethod(String method) {
        return true;
    }

    @Override
    protected void generateResponse(Request request, Response response, int code, String message, Throwable cause,
                                    Callback callback) throws IOException {
        if (OpenAiErrors.covers(Request.getPathInContext(request))) {
            response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
            response.write(true, ByteBuffer.wrap(OpenAiErrors.json(code, message)), callback);
            return;
        }
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, PROBLEM_JSON);
        response.write(true, body(code, message), callback);
    }

    @Override
    public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
        fields.put(HttpHeader.CONTENT_TYPE, PROBLEM_JSON);
        return body(status, reason);
    }

    private static ByteBuffer body(int status, String message) {
        return ByteBuffer.wrap(problemJson(status, message));
    }

    /** An RFC 9457 problem body for the servlets bootstrap mounts outside Spring MVC, as for Jetty's own errors. */
    static byte[] problemJson(int status, String detail) {
        return problemJson(status, detail, Map.of());
    }

    /** A problem with extension members after the standard ones (RFC 9457, section 3.2). */
    static byte[] problemJson(int status, String detail, Map<String, Object> extensions) {
        String title = HttpStatus.getMessage(status);
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "about:blank");
        problem.put("title", title);
        problem.put("status", status);
        problem.put("detail", detail == null || detail.isBlank() ? title : detail);
        problem.putAll(extensions);
        return JSON.writeValueAsString(problem).getBytes(StandardCharsets.UTF_8);
    }
}
