package io.combot.adapter.in.web;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.ByteBuffer;
import java.util.Map;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Answers a request turned away before the servlets, its body unread (Jetty then drops what has already arrived, and
 * closes a connection whose body is still coming rather than wait for it), and counts it in
 * {@code combot.http.refused} by status: such a request never reaches the metrics filter or the access log.
 */
final class Refusals {
    private final MeterRegistry registry;

    Refusals(MeterRegistry registry) {
        this.registry = registry;
    }

    void answer(Request request, Response response, Callback callback, Refusal refusal) {
        Counter.builder("combot.http.refused").tag("status", Integer.toString(refusal.status().value()))
                .description("Requests refused from their head or for want of body memory, before any servlet")
                .register(registry).increment();
        Problems.Body body = refusal.body(Request.getPathInContext(request), request.getHttpURI().getPath());
        response.setStatus(refusal.status().value());
        HttpFields.Mutable headers = response.getHeaders();
        for (Map.Entry<String, String> header : refusal.headers().entrySet()) {
            headers.put(header.getKey(), header.getValue());
        }
        headers.put(HttpHeader.CONTENT_TYPE, body.contentType());
        response.write(true, ByteBuffer.wrap(body.json()), callback);
    }
}
