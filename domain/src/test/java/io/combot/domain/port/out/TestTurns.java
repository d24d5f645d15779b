package io.combot.domain.port.out;

import io.combot.domain.model.AssistantMessage;
import io.combot.domain.model.ChatSession;
import io.combot.domain.model.ClientMessageId;
import io.combot.domain.model.Classification;
import io.combot.domain.model.Intent;
import io.combot.domain.model.MessageId;
import io.combot.domain.model.OwnerId;
import io.combot.domain.model.Route;
import io.combot.domain.model.TokenUsage;
import io.combot.domain.model.Turn;
import io.combot.domain.model.UserMessage;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;

/** Builds sessions and turns for the contract tests, with millisecond times as every store must keep them. */
public final class TestTurns {
    public static final Duration IDLE_TIMEOUT = Duration.ofHours(1);
    public static final Instant T0 = Instant.parse("2026-11-26T10:00:00.123Z");

    private TestTurns() {
    }

    public static ChatSession newSession(OwnerId owner) {
        return ChatSession.start(owner, T0, IDLE_TIMEOUT);
    }

    public static Turn turn(ChatSession session, String content, String clientMessageId) {
        return turn(session, content, clientMessageId, Intent.of("question"));
    }

    /** A turn whose message was classified as {@code intent} ({@link Intent#UNKNOWN}: below the threshold). */
    public static Turn turn(ChatSession session, String content, String clientMessageId, Intent intent) {
        long sequence = session.nextSequence();
        Instant at = T0.plus(sequence, ChronoUnit.SECONDS).truncatedTo(ChronoUnit.MILLIS);
        Map<Intent, Double> scores = new LinkedHashMap<>();
        scores.put(Intent.of("question"), 0.87);
        scores.put(Intent.of("smalltalk"), 0.13);
        Classification classification = new Classification(intent, 0.87, scores, "test-model-1");
        UserMessage user = new UserMessage(MessageId.random(), session.id(), sequence, content, at, classification,
                clientMessageId == null ? null : new ClientMessageId(clientMessageId));
        AssistantMessage reply = new AssistantMessage(MessageId.random(), session.id(), sequence + 1,
                "Reply to " + content, at.plusMillis(250), Route.LLM, false, new TokenUsage(12, 7));
        return new Turn(user, reply);
    }

    /** Stores {@code turn} after {@code session}'s messages and returns the session after it. */
    public static ChatSession append(AppendTurnPort store, ChatSession session, Turn turn) {
        ChatSession after = session.after(turn, IDLE_TIMEOUT);
        store.appendTurn(after, turn);
        return after;
    }
}
