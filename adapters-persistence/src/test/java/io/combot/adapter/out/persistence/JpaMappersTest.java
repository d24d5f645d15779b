package io.combot.adapter.out.persistence;

import static io.combot.domain.port.out.TestTurns.IDLE_TIMEOUT;
import static io.combot.domain.port.out.TestTurns.newSession;
import static io.combot.domain.port.out.TestTurns.turn;
import static org.assertj.core.api.Assertions.assertThat;

import io.combot.domain.model.AssistantMessage;
import io.combot.domain.model.ChatSession;
import io.combot.domain.model.Classification;
import io.combot.domain.model.Intent;
import io.combot.domain.model.Message;
import io.combot.domain.model.MessageId;
import io.combot.domain.model.OwnerId;
import io.combot.domain.model.Route;
import io.combot.domain.model.TokenUsage;
import io.combot.domain.model.Turn;
import io.combot.domain.model.UserMessage;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mapstruct.factory.Mappers;

/** Entity <-> domain round trips, and the column values the rows get. */
class JpaMappersTest {
    private static final Instant AT = Instant.parse("2026-11-26T10:00:00.123Z");

    private final SessionJpaMapper sessions = Mappers.getMapper(SessionJpaMapper.class);
    private final MessageJpaMapper messages = Mappers.getMapper(MessageJpaMapper.class);

    @Test
    void aSessionRoundTrips() {
        ChatSession fresh = newSession(new OwnerId("owner-1"));
        Turn turn = turn(fresh, "hi", null);
        ChatSession session = fresh.after(turn, IDLE_TIMEOUT);

        SessionJpaEntity row = sessions.toEntity(session);

        assertThat(row.getId()).isEqualTo(session.id().value());
        assertThat(row.getOwnerId()).isEqualTo("owner-1");
        assertThat(row.getCreatedAt()).isEqualTo(session.createdAt().toEpochMilli());
        assertThat(row.getLastActivityAt()).isEqualTo(session.lastActivityAt().toEpochMilli());
        assertThat(row.getExpiresAt()).isEqualTo(session.expiresAt().toEpochMilli());
        assertThat(row.getMessageCount()).isEqualTo(2);
        assertThat(row.getPromptTokens()).isEqualTo(12);
        assertThat(row.getCompletionTokens()).isEqualTo(7);
        assertThat(sessions.toDomain(row)).isEqualTo(session);
    }

    @Test
    void aUserMessageRoundTripsWithItsClassification() {
        Turn turn = turn(newSession(OwnerId.ANONYMOUS), "Where is my order?", "client-7");

        MessageJpaEntity row = messages.toEntity((Message) turn.userMessage());

        assertThat(row.getRole()).isEqualTo("USER");
        assertThat(row.getIntent()).isEqualTo("question");
        assertThat(row.getConfidence()).isEqualTo(0.87);
        assertThat(row.getScores()).isEqualTo("{\"question\":0.87,\"smalltalk\":0.13}");
        assertThat(row.getModelVersion()).isEqualTo("test-model-1");
        assertThat(row.getClientMessageId()).isEqualTo("client-7");
        assertThat(row.getRoute()).isNull();
        assertThat(row.getDegraded()).isNull();
        assertThat(row.getPromptTokens()).isNull();
        assertThat(row.getCompletionTokens()).isNull();
        assertThat(messages.toDomain(row)).isEqualTo(turn.userMessage());
    }

    @Test
    void aUserMessageWithoutClientIdOrScoresRoundTrips() {
        UserMessage message = new UserMessage(MessageId.random(), newSession(OwnerId.ANONYMOUS).id(), 4, "hm",
                AT, new Classification(Intent.UNKNOWN, 0.2, Map.of(), "m-2"), null);

        MessageJpaEntity row = messages.toEntity(message);

        assertThat(row.getClientMessageId()).isNull();
        assertThat(row.getScores()).isEqualTo("{}");
        assertThat(messages.toDomain(row)).isEqualTo(message);
    }

    @Test
    void anAssistantMessageRoundTripsWithItsRouteAndUsage() {
        AssistantMessage reply = new AssistantMessage(MessageId.random(), newSession(OwnerId.ANONYMOUS).id(), 1,
                "Sorry, try again later.", AT, Route.FALLBACK, true, new TokenUsage(30, 0));

        MessageJpaEntity row = messages.toEntity((Message) reply);

        assertThat(row.getRole()).isEqualTo("ASSISTANT");
        assertThat(row.getRoute()).isEqualTo("FALLBACK");
        assertThat(row.getDegraded()).isTrue();
        assertThat(row.getPromptTokens()).isEqualTo(30);
        assertThat(row.getCompletionTokens()).isZero();
        assertThat(row.getCreatedAt()).isEqualTo(AT.toEpochMilli());
        assertThat(row.getIntent()).isNull();
        assertThat(row.getScores()).isNull();
        assertThat(row.getClientMessageId()).isNull();
        assertThat(messages.toDomain(row)).isEqualTo(reply);
    }

    @Test
    void scoresKeepEveryDigitOfTheirDoubles() {
        Map<Intent, Double> scores = Map.of(Intent.of("greeting"), 0.1 + 0.2, Intent.CRISIS, 1.0E-12, Intent.of("help"), 1.0);

        assertThat(StoredValues.scores(StoredValues.scores(scores))).isEqualTo(scores);
    }
}
