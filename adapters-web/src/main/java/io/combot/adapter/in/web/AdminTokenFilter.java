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
 * The one check of the admin token, {@code Authorization: Bearer <COMBOT_ADMIN_TOKEN>}, for every path it is
 * installed on (bootstrap installs it on {@code /admin/*}, whichever servlet then serves the path). With no token
 * configured every call is refused with 403; a missing token is 401, a wrong one 403. Digests are compared through
 * {@link SecretDigests}, in constant time whatever the offered token's length.
 */
public class AdminTokenFilter extends OncePerRequestFilter {
    private static final Logger LOG = LoggerFactory.getLogger(AdminTokenFilter.class);
    private static final String BEARER = "Bearer ";

    private final byte[] tokenDigest;

    /** {@code token}: null when the admin endpoints are disabled. */
    public AdminTokenFilter(String token) {
        this.tokenDigest = token == null ? null : SecretDigests.sha256(token);
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
