package io.combot.adapter.in.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.combot.domain.model.OwnerId;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class RateLimiterTest {
    private static final OwnerId ALICE = new OwnerId("alice");
    private static final OwnerId BOB = new OwnerId("bob");

    private final AtomicLong nanos = new AtomicLong(1_000);
    private final RateLimiter limiter = new RateLimiter(2, 3, nanos::get);

    @Test
    void aFullBucketLetsABurstThroughThenSaysHowLongToWait() {
        spendTheBurst(ALICE);

        assertThat(limiter.acquire(ALICE)).isEqualTo(Duration.ofMillis(500));
    }

    @Test
    void tokensComeBackAtTheRateAndNeverBeyondTheBurst() {
        spendTheBurst(ALICE);
        nanos.addAndGet(Duration.ofMillis(500).toNanos());
        assertThat(limiter.acquire(ALICE)).isZero();
        assertThat(limiter.acquire(ALICE)).isPositive();

        nanos.addAndGet(Duration.ofHours(1).toNanos());
        spendTheBurst(ALICE);
        assertThat(limiter.acquire(ALICE)).isPositive();
    }

    @Test
    void eachOwnerHasItsOwnBucket() {
        spendTheBurst(ALICE);

        assertThat(limiter.acquire(ALICE)).isPositive();
        assertThat(limiter.acquire(BOB)).isZero();
    }

    @Test
    void refusedRequestsTakeNoToken() {
        spendTheBurst(ALICE);
        for (int i = 0; i < 10; i++) {
            limiter.acquire(ALICE);
        }
        nanos.addAndGet(Duration.ofMillis(500).toNanos());

        assertThat(limiter.acquire(ALICE)).isZero();
    }

    private void spendTheBurst(OwnerId owner) {
        for (int i = 0; i < 3; i++) {
            assertThat(limiter.acquire(owner)).isZero();
        }
    }
}
