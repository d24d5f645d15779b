package io.combot.adapter.in.web;

import io.combot.domain.model.OwnerId;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.HttpStatus;

/**
 * Who is calling the API, from the request head alone: resolves the client key ({@code Authorization: Bearer …}) to
 * the owner of the sessions it creates, refuses a missing or unknown key (401) and a key whose rate limit is spent
 * (429 with {@code Retry-After}). With no keys configured every caller is {@link OwnerId#ANONYMOUS} and nothing is
 * limited. Nothing here logs; the presented secret is hashed and dropped. {@link Perimeter} decides which paths it
 * guards and runs it before any byte of a body is read.
 */
final class ClientAccess {
    /** The request attribute holding the caller's {@link OwnerId} for the controllers. */
    static final String OWNER_ATTRIBUTE = "io.combot.owner";
    static final String REFUSAL = "A valid client key is required: send it as 'Authorization: Bearer <key>'";

    private final AccessSettings settings;
    private final ClientKeys keys;
    private final RateLimiter limiter;

    ClientAccess(AccessSettings settings) {
        this.settings = settings;
        this.keys = new ClientKeys(settings.keys());
        this.limiter = new RateLimiter(settings.requestsPerSecond(), settings.burst(), System::nanoTime);
    }

    /** The caller's owner, or why it may not call now. */
    Verdict check(String authorization) {
        if (settings.open()) {
            return new Verdict(OwnerId.ANONYMOUS, null);
        }
        Optional<OwnerId> owner = SecretDigests.bearer(authorization).flatMap(keys::ownerOf);
        if (owner.isEmpty()) {
            return new Verdict(null, new Refusal(HttpStatus.UNAUTHORIZED, REFUSAL,
                    Map.of("WWW-Authenticate", "Bearer realm=\"combot\""), 0));
        }
        Duration wait = limiter.acquire(owner.get());
        if (!wait.isZero()) {
            long seconds = Problems.retryAfterSeconds(wait);
            return new Verdict(null, Refusal.retryLater(HttpStatus.TOO_MANY_REQUESTS,
                    "This key sent more than " + settings.requestsPerSecond() + " requests a second (bursts of "
                            + settings.burst() + "); retry after " + seconds + " s", seconds));
        }
        return new Verdict(owner.get(), null);
    }

    /** Exactly one of the two is set. */
    record Verdict(OwnerId owner, Refusal refusal) {
    }
}
