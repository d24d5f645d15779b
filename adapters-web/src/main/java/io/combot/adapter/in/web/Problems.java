package io.combot.adapter.in.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one writer of error bodies outside Spring MVC, in the form Spring MVC writes them (a {@link ProblemDetail}
 * through the API's JSON mapper): the servlet filters, the Jetty error handler and the admin token check all
 * come here, and on the paths {@link OpenAiErrors} covers this hands over to it, so a client sees one dialect
 * whichever layer refused its request. Inside Spring MVC, {@link ProblemHandler} builds the same {@link ProblemDetail}
 * and the message converter writes it with the same mapper.
 */
public final class Problems {
    /** RFC 9457's media type. */
    public static final String MEDIA_TYPE = MediaType.APPLICATION_PROBLEM_JSON_VALUE;

    /** A wait as the whole seconds of {@code Retry-After}, rounded up and at least one, so a client never comes early. */
    public static long retryAfterSeconds(Duration wait) {
        return Math.max(1, (wait.toMillis() + 999) / 1_000);
    }
    private static final JsonMapper JSON = WebConfiguration.strictJsonMapper();

    private Problems() {
    }

    /** An error body and its content type. */
    public record Body(String contentType, byte[] json) {
    }

    /** The body for an error on {@code path}: OpenAI's shape on the OpenAI-compatible paths, else problem+json. */
    public static Body forPath(String path, int status, String detail) {
        if (OpenAiErrors.covers(path)) {
            return new Body(MediaType.APPLICATION_JSON_VALUE, OpenAiErrors.json(status, detail));
        }
        return new Body(MEDIA_TYPE, json(status, detail));
    }

    /**
     * The body for a request refused on {@code path} before Spring MVC saw it: OpenAI's shape on the OpenAI-compatible
     * paths, else problem+json naming the request's raw path as its instance and, when positive,
     * {@code retryAfterSeconds}.
     */
    static Body forRefusal(String path, String rawPath, int status, String detail, long retryAfterSeconds) {
        if (OpenAiErrors.covers(path)) {
            return new Body(MediaType.APPLICATION_JSON_VALUE, OpenAiErrors.json(status, detail));
        }
        ProblemDetail problem = problem(status, detail);
        try {
            problem.setInstance(new URI(rawPath));
        } catch (URISyntaxException notAUri) {
            // Jetty let through a character a URI may not hold: the problem goes without its instance.
        }
        if (retryAfterSeconds > 0) {
            problem.setProperty("retryAfterSeconds", retryAfterSeconds);
        }
        return new Body(MEDIA_TYPE, json(problem));
    }

    /** A problem+json body; a missing detail is the status's title, so every problem says something. */
    public static byte[] json(int status, String detail) {
        return json(problem(status, detail));
    }

    static byte[] json(ProblemDetail problem) {
        return JSON.writeValueAsBytes(problem);
    }

    static ProblemDetail problem(int status, String detail) {
        ProblemDetail problem = ProblemDetail.forStatus(HttpStatusCode.valueOf(status));
        if (problem.getTitle() == null) {
            problem.setTitle(Integer.toString(status));
        }
        problem.setDetail(detail == null || detail.isBlank() ? problem.getTitle() : detail);
        return problem;
    }

    /** A problem for a request a servlet filter refuses, naming the request's path as its instance. */
    static ProblemDetail problem(HttpServletRequest request, HttpStatus status, String detail) {
        ProblemDetail problem = problem(status.value(), detail);
        problem.setInstance(URI.create(request.getRequestURI()));
        return problem;
    }

    /** Writes a filter's refusal; headers such as {@code Retry-After} are the caller's. */
    static void write(HttpServletRequest request, HttpServletResponse response, ProblemDetail problem)
            throws IOException {
        if (OpenAiErrors.covers(request)) {
            OpenAiErrors.write(response, problem.getStatus(), problem.getDetail());
            return;
        }
        response.setStatus(problem.getStatus());
        response.setContentType(MEDIA_TYPE);
        response.getOutputStream().write(json(problem));
    }
}
