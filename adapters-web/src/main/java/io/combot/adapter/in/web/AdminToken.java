package io.combot.adapter.in.web;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;

/**
 * The one check of the admin token, from the request head, for every path under {@code /admin} whether a controller
 * maps it or not (so that a caller without the token learns nothing, not even which actions exist): with no token
 * configured every call is refused with 403; a missing token is 401, a wrong one 403. The token is held and compared
 * as a digest, through {@link SecretDigests}. A wrong token is logged once a minute per source, with the count since
 * the last line, so that guessing cannot fill the log.
 */
final class AdminToken {
    private static final Logger LOG = LoggerFactory.getLogger(AdminToken.class);
    private static final long LOG_INTERVAL_NANOS = 60_000_000_000L;
    /** Sources remembered for the log's rate limit; past it the memory starts again, at worst a few more lines. */
    private static final int MAX_SOURCES = 1_024;

    private final byte[] tokenDigest;
    private final LongSupplier nanoClock;
    private final Map<String, Window> wrongTokens = new ConcurrentHashMap<>();

    AdminToken(AdminSettings settings, LongSupplier nanoClock) {
        this.tokenDigest = settings.enabled() ? SecretDigests.sha256(settings.token()) : null;
        this.nanoClock = nanoClock;
    }

    /** Why a call from {@code source} with this {@code Authorization} header may not pass; empty when it may. */
    Optional<Refusal> check(String authorization, String source) {
        if (tokenDigest == null) {
            return Optional.of(Refusal.of(HttpStatus.FORBIDDEN,
                    "The admin endpoints are disabled: set COMBOT_ADMIN_TOKEN to enable them"));
        }
        Optional<String> token = SecretDigests.bearer(authorization);
        if (token.isEmpty()) {
            return Optional.of(new Refusal(HttpStatus.UNAUTHORIZED, "Send Authorization: Bearer <admin token>",
                    Map.of("WWW-Authenticate", "Bearer realm=\"combot-admin\""), 0));
        }
        if (!SecretDigests.matches(tokenDigest, token.get())) {
            logWrongToken(source);
            return Optional.of(Refusal.of(HttpStatus.FORBIDDEN, "The admin token is not valid"));
        }
        return Optional.empty();
    }

    private void logWrongToken(String source) {
        long now = nanoClock.getAsLong();
        if (wrongTokens.size() >= MAX_SOURCES && !wrongTokens.containsKey(source)) {
            wrongTokens.clear();
        }
        Window window = wrongTokens.computeIfAbsent(source, s -> new Window(now - LOG_INTERVAL_NANOS));
        long refused = window.countAndReset(now);
        if (refused > 0) {
            LOG.warn("Refused {} admin call(s) with a wrong token from {} in the last minute", refused, source);
        }
    }

    /** Wrong tokens from one source since its last log line. */
    private static final class Window {
        private long loggedAt;
        private long count;

        Window(long loggedAt) {
            this.loggedAt = loggedAt;
        }

        /** Counts one more; the count to log when a minute has passed since the last line, else 0. */
        synchronized long countAndReset(long now) {
            count++;
            if (now - loggedAt < LOG_INTERVAL_NANOS) {
                return 0;
            }
            long logged = count;
            count = 0;
            loggedAt = now;
            return logged;
        }
    }
}
