package io.combot.domain.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.combot.domain.error.InvalidInputException;
import io.combot.domain.error.SessionExpiredException;
import io.combot.domain.error.SessionNotFoundException;
import io.combot.domain.port.out.TestTurns;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ChatSessionTest {
    private static final OwnerId OWNER = new OwnerId("owner");
    private static final Instant NOW = Instant.parse("2026-11-26T10:00:00Z");
    private static final Duration IDLE = Duration.ofHours(1);

    @Test
    void aNewSessionIsEmptyAndExpiresAfterTheIdleTimeout() {
        ChatSession session = ChatSession.start(OWNER, NOW, IDLE);

        assertThat(session.messageCount()).isZero();
        assertThat(session.lastActivityAt()).isEqualTo(NOW);
        assertThat(session.expiresAt()).isEqualTo(NOW.plus(IDLE));
        assertThat(session.tokenUsage()).isEqualTo(TokenUsage.NONE);
    }

    @Test
    void sessionIdsAreRandomVersion4Uuids() {
        SessionId first = ChatSession.start(OWNER, NOW, IDLE).id();
        SessionId second = ChatSession.start(OWNER, NOW, IDLE).id();

        assertThat(first).isNotEqualTo(second);
        assertThat(first.value()).matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
    }

    @Test
    void aTurnMovesActivityExpiryCountAndUsage() {
        ChatSession session = TestTurns.newSession(OWNER);
        Turn turn = TestTurns.turn(session, "hello", null);

        ChatSession after = session.after(turn, IDLE);

        assertThat(after.messageCount()).isEqualTo(2);
        assertThat(after.nextSequence()).isEqualTo(2);
        assertThat(after.lastActivityAt()).isEqualTo(turn.reply().createdAt());
        assertThat(after.expiresAt()).isEqualTo(turn.reply().createdAt().plus(IDLE));
        assertThat(after.tokenUsage()).isEqualTo(turn.reply().usage());
        assertThat(session.messageCount()).as("the original is unchanged").isZero();
    }

    @Test
    void aMovedTurnKeepsItsMessagesAndTakesTheNewPlaceAndTime() {
        ChatSession session = TestTurns.newSession(OWNER);
        Turn turn = TestTurns.turn(session, "hello", "key-1");
        Instant later = NOW.plusSeconds(5);

        Turn moved = turn.movedTo(2, later);

        assertThat(moved.userMessage().sequence()).isEqualTo(2);
        assertThat(moved.reply().sequence()).isEqualTo(3);
        assertThat(moved.userMessage().createdAt()).isEqualTo(later);
        assertThat(moved.reply().createdAt()).isEqualTo(later);
        assertThat(moved.userMessage()).usingRecursiveComparison().ignoringFields("sequence", "createdAt")
                .isEqualTo(turn.userMessage());
        assertThat(moved.reply()).usingRecursiveComparison().ignoringFields("sequence", "createdAt")
                .isEqualTo(turn.reply());
    }

    @Test
    void aTurnOutOfSequenceIsRefused() {
        ChatSession session = TestTurns.newSession(OWNER);
        Turn first = TestTurns.turn(session, "one", null);
        ChatSession after = session.after(first, IDLE);

        assertThatThrownBy(() -> after.after(first, IDLE)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("sequence 2");
    }

    @Test
    void anExpiredSessionIsUnusableAndSaysWhenItExpired() {
        ChatSession session = ChatSession.start(OWNER, NOW, IDLE);

        session.checkUsableBy(OWNER, NOW.plus(IDLE).minusMillis(1));
        assertThatThrownBy(() -> session.checkUsableBy(OWNER, NOW.plus(IDLE)))
                .isInstanceOf(SessionExpiredException.class)
                .hasMessageContaining(NOW.plus(IDLE).toString());
    }

    @Test
    void anotherOwnersSessionLooksMissing() {
        ChatSession session = ChatSession.start(OWNER, NOW, IDLE);

        assertThatThrownBy(() -> session.checkUsableBy(new OwnerId("intruder"), NOW))
                .isInstanceOf(SessionNotFoundException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "not-a-uuid", "../../etc/passwd", "6F9619FF-8B86-4011-B42D-00CF4FC964FF",
            "6f9619ff-8b86-1011-b42d-00cf4fc964ff", "6f9619ff-8b86-4011-b42d-00cf4fc964ff' OR 1=1"})
    void textThatIsNoCanonicalUuidIsNoSessionId(String text) {
        assertThat(SessionId.parse(text)).isEmpty();
        assertThatThrownBy(() -> new SessionId(text)).isInstanceOf(InvalidInputException.class);
    }
}
