package io.combot.adapter.in.web;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletMapping;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.HandlerMapping;

/**
 * Times every request into {@code http.server.requests} (method, endpoint template, status, outcome), counts those
 * in flight (the one count: the {@code http.server.requests.in.flight} gauge and the status endpoint both read it),
 * and writes one access-log line per request. The endpoint is the matched template
 * ({@code /api/v1/sessions/{sessionId}}), never the raw path: raw paths would make a time series per session, and a
 * session id is all a caller needs to read a conversation, so it stays out of logs too. Bodies are never logged.
 */
public class RequestMetricsFilter extends OncePerRequestFilter {
    private static final Logger ACCESS = LoggerFactory.getLogger("io.combot.access");
    static final String UNMATCHED = "UNMATCHED";

    private final MeterRegistry registry;
    private final AtomicInteger inFlight = new AtomicInteger();

    public RequestMetricsFilter(MeterRegistry registry) {
        this.registry = registry;
        registry.gauge("http.server.requests.in.flight", inFlight);
    }

    /** The requests inside this filter right now, the one asking included. */
    public int inFlight() {
        return inFlight.get();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long start = System.nanoTime();
        inFlight.incrementAndGet();
        int status = HttpServletResponse.SC_INTERNAL_SERVER_ERROR;
        try {
            chain.doFilter(request, response);
            status = response.getStatus();
        } finally {
            inFlight.decrementAndGet();
            long nanos = System.nanoTime() - start;
            String endpoint = endpoint(request);
            Timer.builder("http.server.requests")
                    .tag("method", request.getMethod())
                    .tag("uri", endpoint)
                    .tag("status", Integer.toString(status))
                    .tag("outcome", outcome(status))
                    .publishPercentileHistogram()
                    .register(registry)
                    .record(nanos, TimeUnit.NANOSECONDS);
            ACCESS.info("{} {} {} {}ms", request.getMethod(), endpoint, status,
                    TimeUnit.NANOSECONDS.toMillis(nanos));
        }
    }

    /** Spring MVC's matched pattern; else the servlet's own mapping (such as {@code /metrics}); else UNMATCHED. */
    static String endpoint(HttpServletRequest request) {
        Object pattern = request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
        if (pattern != null) {
            return pattern.toString();
        }
        HttpServletMapping mapping = request.getHttpServletMapping();
        String servletPattern = mapping == null ? null : mapping.getPattern();
        return servletPattern == null || servletPattern.equals("/") || servletPattern.isEmpty()
                ? UNMATCHED : servletPattern;
    }

    private static String outcome(int status) {
        return switch (status / 100) {
            case 1 -> "INFORMATIONAL";
            case 2 -> "SUCCESS";
            case 3 -> "REDIRECTION";
            case 4 -> "CLIENT_ERROR";
            default -> "SERVER_ERROR";
        };
    }
}
