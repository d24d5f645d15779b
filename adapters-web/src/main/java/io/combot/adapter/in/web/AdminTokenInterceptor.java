package io.combot.adapter.in.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * The one check of the admin token, before every handler under {@code /admin/**} (an unknown action's 404 included,
 * so that a caller without the token learns nothing): with no token configured every call is refused with 403; a
 * missing token is 401, a wrong one 403. The token is held and compared as a digest, through {@link SecretDigests}.
 */
final class AdminTokenInterceptor implements HandlerInterceptor {
    private static final Logger LOG = LoggerFactory.getLogger(AdminTokenInterceptor.class);
    private static final String BEARER = "Bearer ";

    private final byte[] tokenDigest;

    AdminTokenInterceptor(AdminSettings settings) {
        this.tokenDigest = settings.enabled() ? SecretDigests.sha256(settings.token()) : null;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
            throws IOException {
        if (tokenDigest == null) {
            refuse(request, response, HttpStatus.FORBIDDEN,
                    "The admin endpoints are disabled: set COMBOT_ADMIN_TOKEN to enable them");
            return false;
        }
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header == null || !header.startsWith(BEARER)) {
            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"combot-admin\"");
            refuse(request, response, HttpStatus.UNAUTHORIZED, "Send Authorization: Bearer <admin token>");
            return false;
        }
        if (!SecretDigests.matches(tokenDigest, header.substring(BEARER.length()).trim())) {
            LOG.warn("Refused an admin call with a wrong token");
            refuse(request, response, HttpStatus.FORBIDDEN, "The admin token is not valid");
            return false;
        }
        return true;
    }

    private static void refuse(HttpServletRequest request, HttpServletResponse response, HttpStatus status,
                               String detail) throws IOException {
        Problems.write(request, response, Problems.problem(request, status, detail));
    }
}
