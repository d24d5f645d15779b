package io.combot.adapter.in.web;

import io.combot.domain.model.OwnerId;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * One token bucket per owner: {@code burst} tokens at most, refilled at {@code requestsPerSecond}; each request takes
 * one. Owners are the configured keys, so the map stays as small as the configuration.
 */
final class RateLimiter {
    private final double tokensPerNano;
    private final double capacity;
    private final LongSupplier nanoClock;
    private final ConcurrentHashMap<OwnerId, Bucket> buckets = new ConcurrentHashMap<>();

    RateLimiter(double requestsPerSecond, int burst, LongSupplier nanoClock) {
        this.tokensPerNano = requestsPerSecond / 1e9;
        this.capacity = burst;
        this.nanoClock = nanoClock;
    }

    /** Zero when the owner may go now (a token is taken), otherwise how long until a token is free. */
    Duration acquire(OwnerId owner) {
        return buckets.computeIfAbsent(owner, o -> new Bucket(nanoClock.getAsLong())).take(nanoClock.getAsLong());
    }

    private final class Bucket {
        private double tokens = capacity;
        private long refilledAt;

        Bucket(long now) {
            this.refilledAt = now;
        }

        synchronized Duration take(long now) {
            tokens = Math.min(capacity, tokens + Math.max(0, now - refilledAt) * tokensPerNano);
            refilledAt = Math.max(refilledAt, now);
            if (tokens >= 1) {
                tokens -= 1;
                return Duration.ZERO;
            }
            return Duration.ofNanos((long) Math.ceil((1 - tokens) / tokensPerNano));
        }
    }
}
