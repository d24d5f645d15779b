package io.combot.bootstrap;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** {@code GET /metrics}: every meter in the Prometheus text format. */
final class MetricsServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    private static final String TEXT_FORMAT = "text/plain; version=0.0.4; charset=utf-8";

    private final transient PrometheusMeterRegistry registry;

    MetricsServlet(PrometheusMeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setContentType(TEXT_FORMAT);
        response.getOutputStream().write(registry.scrape().getBytes(StandardCharsets.UTF_8));
    }

    /** HttpServlet would echo the request, credentials included. */
    @Override
    protected void doTrace(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setHeader("Allow", "GET, HEAD, OPTIONS");
        response.sendError(HttpServletResponse.SC_METHOD_NOT_ALLOWED);
    }
}
