package io.combot.adapter.in.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The one check of the admin token, in front of every path under {@code /admin} whether a controller maps it or not
 * (so that a caller without the token learns nothing, not even which actions exist): with no token configured every
 * call is refused with 403; a missing token is 401, a wrong one 403. The token is held and compared as a digest,
 * through {@link SecretDigests}. Every other path passes untouched; bootstrap installs it after the body limit.
 */
public class AdminTokenFilter extends OncePerRequestFilter {
    private static final Logger LOG = LoggerFactory.getLogger(AdminTokenFilter.class);
    private static final String BEARER = "Bearer ";

    private final byte[] tokenDigest;

    public AdminTokenFilter(AdminSettings settings) {
        this.tokenDigest = settings.enabled() ? SecretDigests.sha256(settings.token()) : null;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !AdminActions.covers(request);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (tokenDigest == null) {
            refuse(request, response, HttpStatus.FORBIDDEN,
                    "The admin endpoints are disabled: set COMBOT_ADMIN_TOKEN to enable them");
            return;
        }
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header == null || !header.startsWith(BEARER)) {
            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"combot-admin\"");
            refuse(request, response, HttpStatus.UNAUTHORIZED, "Send Authorization: Bearer <admin token>");
            return;
        }
        if (!SecretDigests.matches(tokenDigest, header.substring(BEARER.length()).trim())) {
            LOG.warn("Refused an admin call with a wrong token");
            refuse(request, response, HttpStatus.FORBIDDEN, "The admin token is not valid");
            return;
        }
        chain.doFilter(request, response);
    }

    private static void refuse(HttpServletRequest request, HttpServletResponse response, HttpStatus status,
                               String detail) throws IOException {
        Problems.write(request, response, Problems.problem(request, status, detail));
    }
}
