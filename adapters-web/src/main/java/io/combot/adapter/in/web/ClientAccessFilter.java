package io.combot.adapter.in.web;

import io.combot.domain.model.OwnerId;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The API's door: resolves the caller's client key ({@code Authorization: Bearer …}) to the owner of the sessions it
 * creates, answers 401 for a missing or unknown key, and 429 with {@code Retry-After} when the key's rate limit is
 * spent. With no keys configured every caller is {@link OwnerId#ANONYMOUS} and nothing is limited. Nothing here logs;
 * the presented secret is hashed and dropped. It guards every path but the open ones bootstrap names (the health
 * probes; endpoints with a credential of their own). It must run before the body is read, so bootstrap installs it
 * first.
 */
public class ClientAccessFilter extends OncePerRequestFilter {
    /** The request attribute holding the caller's {@link OwnerId} for the controllers. */
    static final String OWNER_ATTRIBUTE = "io.combot.owner";
    private static final String BEARER = "bearer ";

    private final AccessSettings settings;
    private final ClientKeys keys;
    private final RateLimiter limiter;
    private final Set<String> openPaths;

    /**
     * @param openPaths paths that need no client key: an entry ending in {@code /} opens every path under it, any
     *                  other entry, and {@code /} itself (the home page, not the whole tree), exactly that path
     */
    public ClientAccessFilter(AccessSettings settings, Set<String> openPaths) {
        this.settings = settings;
        this.openPaths = Set.copyOf(openPaths);
        this.keys = new ClientKeys(settings.keys());
        this.limiter = new RateLimiter(settings.requestsPerSecond(), settings.burst(), System::nanoTime);
    }

    /**
     * The path tested is the container's decoded and normalised one, the one requests are mapped by, so that
     * {@code /%61pi/…}, {@code /api;x=1/…} or {@code /health/../api/…} cannot slip past as they would past a test of
     * the raw URI.
     */
    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
        return openPaths.stream().anyMatch(open -> path.equals(open)
                || open.length() > 1 && open.endsWith("/") && path.startsWith(open));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (settings.open()) {
            request.setAttribute(OWNER_ATTRIBUTE, OwnerId.ANONYMOUS);
            chain.doFilter(request, response);
            return;
        }
        Optional<OwnerId> owner = bearerSecret(request).flatMap(keys::ownerOf);
        if (owner.isEmpty()) {
            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"combot\"");
            Problems.write(request, response, Problems.problem(request, HttpStatus.UNAUTHORIZED,
                    "A valid client key is required: send it as 'Authorization: Bearer <key>'"));
            return;
        }
        Duration wait = limiter.acquire(owner.get());
        if (!wait.isZero()) {
            long seconds = Problems.retryAfterSeconds(wait);
            ProblemDetail problem = Problems.problem(request, HttpStatus.TOO_MANY_REQUESTS,
                    "This key sent more than " + settings.requestsPerSecond() + " requests a second (bursts of "
                            + settings.burst() + "); retry after " + seconds + " s");
            problem.setProperty("retryAfterSeconds", seconds);
            response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
            Problems.write(request, response, problem);
            return;
        }
        request.setAttribute(OWNER_ATTRIBUTE, owner.get());
        chain.doFilter(request, response);
    }

    private static Optional<String> bearerSecret(HttpServletRequest request) {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header == null || header.length() <= BEARER.length()
                || !header.substring(0, BEARER.length()).toLowerCase(Locale.ROOT).equals(BEARER)) {
            return Optional.empty();
        }
        String secret = header.substring(BEARER.length()).trim();
        return secret.isEmpty() ? Optional.empty() : Optional.of(secret);
    }
}
