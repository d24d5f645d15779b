package io.combot.adapter.in.web;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;

/** {@link AdminToken}: its answers, and a log that guessing cannot fill. */
class AdminTokenTest {
    private static final long SECOND = 1_000_000_000L;

    private final AtomicLong now = new AtomicLong(42 * SECOND);
    private final AdminToken token = new AdminToken(new AdminSettings("the-admin-token"), now::get);
    private final ListAppender<ILoggingEvent> log = new ListAppender<>();
    private final Logger logger = (Logger) LoggerFactory.getLogger(AdminToken.class);

    @BeforeEach
    void listen() {
        log.start();
        logger.addAppender(log);
    }

    @AfterEach
    void stopListening() {
        logger.detachAppender(log);
    }

    @Test
    void theSchemeIsReadInAnyCaseAndAWrongOrMissingTokenIsRefused() {
        assertThat(token.check("Bearer the-admin-token", "a")).isEmpty();
        assertThat(token.check("bearer the-admin-token", "a")).isEmpty();
        assertThat(token.check("BEARER the-admin-token", "a")).isEmpty();
        assertThat(token.check("Bearer wrong", "a")).hasValueSatisfying(
                refusal -> assertThat(refusal.status()).isEqualTo(HttpStatus.FORBIDDEN));
        assertThat(token.check("Basic dGhlLWFkbWluLXRva2Vu", "a")).hasValueSatisfying(
                refusal -> assertThat(refusal.status()).isEqualTo(HttpStatus.UNAUTHORIZED));
        assertThat(token.check(null, "a")).hasValueSatisfying(
                refusal -> assertThat(refusal.status()).isEqualTo(HttpStatus.UNAUTHORIZED));
    }

    @Test
    void wrongTokensAreLoggedOnceAMinutePerSourceWithTheirCount() {
        for (int i = 0; i < 100; i++) {
            token.check("Bearer guess-" + i, "203.0.113.9");
            now.addAndGet(SECOND / 10);
        }
        token.check("Bearer guess", "198.51.100.7");
        now.addAndGet(60 * SECOND);
        token.check("Bearer guess-again", "203.0.113.9");

        assertThat(log.list).extracting(ILoggingEvent::getFormattedMessage).containsExactly(
                "Refused 1 admin call(s) with a wrong token from 203.0.113.9 in the last minute",
                "Refused 1 admin call(s) with a wrong token from 198.51.100.7 in the last minute",
                "Refused 100 admin call(s) with a wrong token from 203.0.113.9 in the last minute");
    }
}
