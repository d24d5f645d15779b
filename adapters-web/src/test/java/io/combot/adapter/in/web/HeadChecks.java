package io.combot.adapter.in.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * {@link Perimeter#check}, the decision {@link HeadGate} takes in Jetty, as a servlet filter, so that MockMvc tests
 * meet the same key, rate and admin-token checks without a server; {@link PerimeterOverJettyTest} shows the gate in
 * Jetty taking them before any body is read.
 */
final class HeadChecks extends OncePerRequestFilter {
    private final Perimeter perimeter;

    HeadChecks(Perimeter perimeter) {
        this.perimeter = perimeter;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String path = request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
        ClientAccess.Verdict verdict = perimeter.check(path, request.getHeader(HttpHeaders.AUTHORIZATION),
                request.getRemoteAddr());
        Refusal refusal = verdict.refusal();
        if (refusal != null) {
            Problems.Body body = refusal.body(path, request.getRequestURI());
            response.setStatus(refusal.status().value());
            for (Map.Entry<String, String> header : refusal.headers().entrySet()) {
                response.setHeader(header.getKey(), header.getValue());
            }
            response.setContentType(body.contentType());
            response.getOutputStream().write(body.json());
            return;
        }
        if (verdict.owner() != null) {
            request.setAttribute(ClientAccess.OWNER_ATTRIBUTE, verdict.owner());
        }
        chain.doFilter(request, response);
    }
}
