package io.combot.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.combot.domain.error.SessionBusyException;
import io.combot.domain.model.SessionId;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class SessionLocksTest {
    private final SessionLocks locks = new SessionLocks(Duration.ofMillis(100));

    @Test
    void entriesAreDroppedWhenNobodyHoldsThem() {
        for (int i = 0; i < 1_000; i++) {
            locks.withLock(SessionId.random(), () -> "done");
        }

        assertThat(locks.sessionsInUse()).isZero();
    }

    @Test
    void differentSessionsDoNotWaitForEachOther() throws Exception {
        SessionId first = SessionId.random();
        CountDownLatch holding = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<String> holder = CompletableFuture.supplyAsync(() -> locks.withLock(first, () -> {
            holding.countDown();
            await(release);
            return "held";
        }));
        holding.await(5, TimeUnit.SECONDS);

        assertThat(locks.withLock(SessionId.random(), () -> "other session")).isEqualTo("other session");
        assertThatThrownBy(() -> locks.withLock(first, () -> "same session"))
                .isInstanceOf(SessionBusyException.class);

        release.countDown();
        assertThat(holder.get(5, TimeUnit.SECONDS)).isEqualTo("held");
        assertThat(locks.sessionsInUse()).isZero();
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
