package io.combot.adapter.in.web;

import java.util.Map;
import org.springframework.http.HttpStatus;

/**
 * A request turned away from its head, before any of its body is read: the status, what the caller is told, and the
 * headers that go with it ({@code WWW-Authenticate}, {@code Retry-After}). {@code retryAfterSeconds}, when positive,
 * is also a member of the problem, as on every other answer that asks a client to come back.
 */
record Refusal(HttpStatus status, String detail, Map<String, String> headers, long retryAfterSeconds) {
    Refusal {
        headers = Map.copyOf(headers);
    }

    static Refusal of(HttpStatus status, String detail) {
        return new Refusal(status, detail, Map.of(), 0);
    }

    static Refusal retryLater(HttpStatus status, String detail, long retryAfterSeconds) {
        return new Refusal(status, detail, Map.of("Retry-After", Long.toString(retryAfterSeconds)), retryAfterSeconds);
    }

    /** The body for this refusal of a request for {@code path} ({@code rawPath} as sent), in that path's shape. */
    Problems.Body body(String path, String rawPath) {
        return Problems.forRefusal(path, rawPath, status.value(), detail, retryAfterSeconds);
    }
}
