package io.combot.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.combot.domain.error.InvalidInputException;
import io.combot.domain.error.SessionExpiredException;
import io.combot.domain.error.SessionLimitException;
import io.combot.domain.error.SessionNotFoundException;
import io.combot.domain.model.ChatSession;
import io.combot.domain.model.ComponentHealth;
import io.combot.domain.model.HistoryPage;
import io.combot.domain.model.Intent;
import io.combot.domain.model.OwnerId;
import io.combot.domain.port.in.ReadHistoryQuery;
import io.combot.domain.port.in.SendMessageCommand;
import io.combot.domain.port.in.SessionQuery;
import io.combot.domain.port.in.StartSessionCommand;
import io.combot.domain.port.out.EchoReplyGenerator;
import io.combot.domain.port.out.HealthCheckPort;
import io.combot.domain.port.out.InMemorySessionStore;
import io.combot.domain.port.out.SwappableBot;
import io.combot.domain.port.out.TestBots;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReadServicesTest {
    private static final OwnerId OWNER = new OwnerId("client-a");

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-26T10:00:00Z"));
    private final InMemorySessionStore store = new InMemorySessionStore();
    private final ChatPolicy policy = ShippedPolicy.read();
    private final SessionService sessions = new SessionService(store, store, store, clock, policy);
    private final HistoryService history = new HistoryService(store, store, store, clock);

    @Test
    void readingASessionAndItsHistoryNeverWrites() {
        ChatSession session = sessions.startSession(new StartSessionCommand(OWNER));
        new SendMessageService(store, store, store,
                new SwappableBot(TestBots.keywordBot()), new EchoReplyGenerator(), clock, policy)
                .sendMessage(new SendMessageCommand(session.id(), OWNER, "hello", null));
        int writes = store.writeCount();
        SessionQuery query = new SessionQuery(session.id(), OWNER);

        ChatSession read = sessions.getSession(query);
        HistoryPage page = history.readHistory(new ReadHistoryQuery(query, 50, null));

        assertThat(read.messageCount()).isEqualTo(2);
        assertThat(page.items()).hasSize(2);
        assertThat(store.writeCount()).isEqualTo(writes);
    }

    @Test
    void anExpiredSessionCannotBeReadButCanBeDeleted() {
        ChatSession session = sessions.startSession(new StartSessionCommand(OWNER));
        SessionQuery query = new SessionQuery(session.id(), OWNER);
        clock.advance(policy.idleTimeout());

        assertThatThrownBy(() -> sessions.getSession(query)).isInstanceOf(SessionExpiredException.class);
        assertThatThrownBy(() -> history.readHistory(new ReadHistoryQuery(query, 10, null)))
                .isInstanceOf(SessionExpiredException.class);
        sessions.endSession(query);
        assertThatThrownBy(() -> sessions.getSession(query)).isInstanceOf(SessionNotFoundException.class);
    }

    @Test
    void anOwnerHoldsAtMostItsQuotaOfUnexpiredSessions() {
        ChatPolicy two = new ChatPolicy(policy.maxContentChars(), policy.idleTimeout(), policy.minConfidence(),
                policy.contextMessages(), policy.turnWait(), 2);
        SessionService limited = new SessionService(store, store, store, clock, two);
        ChatSession first = limited.startSession(new StartSessionCommand(OWNER));
        limited.startSession(new StartSessionCommand(OWNER));

        assertThatThrownBy(() -> limited.startSession(new StartSessionCommand(OWNER)))
                .isInstanceOf(SessionLimitException.class).hasMessageContaining("2 unexpired sessions");
        assertThat(store.countLiveSessions(OWNER, clock.instant())).isEqualTo(2);
        assertThat(limited.startSession(new StartSessionCommand(new OwnerId("client-b")))).isNotNull();

        limited.endSession(new SessionQuery(first.id(), OWNER));
        assertThat(limited.startSession(new StartSessionCommand(OWNER))).isNotNull();
        clock.advance(policy.idleTimeout());
        assertThat(limited.startSession(new StartSessionCommand(OWNER))).as("expired sessions free the quota")
                .isNotNull();
    }

    @Test
    void withoutClientKeysTheAnonymousOwnerHasNoQuotaSinceItStandsForEveryCaller() {
        ChatPolicy two = new ChatPolicy(policy.maxContentChars(), policy.idleTimeout(), policy.minConfidence(),
                policy.contextMessages(), policy.turnWait(), 2);
        SessionService limited = new SessionService(store, store, store, clock, two);

        for (int i = 0; i < 5; i++) {
            limited.startSession(new StartSessionCommand(OwnerId.ANONYMOUS));
        }

        assertThat(store.countLiveSessions(OwnerId.ANONYMOUS, clock.instant())).isEqualTo(5);
    }

    @Test
    void onlyTheOwnerMayDelete() {
        ChatSession session = sessions.startSession(new StartSessionCommand(OWNER));

        assertThatThrownBy(() -> sessions.endSession(new SessionQuery(session.id(), new OwnerId("client-b"))))
                .isInstanceOf(SessionNotFoundException.class);
        assertThat(store.findSession(session.id())).isPresent();
    }

    @Test
    void theClassifierAloneAppliesTheSamePolicy() {
        ClassifyTextService classify = new ClassifyTextService(new SwappableBot(TestBots.keywordBot()), policy);

        assertThat(classify.classify("hello there").intent()).isEqualTo(Intent.of("greeting"));
        assertThat(classify.classify("lorem ipsum").intent()).isEqualTo(Intent.UNKNOWN);
        assertThatThrownBy(() -> classify.classify(" ")).isInstanceOf(InvalidInputException.class)
                .hasMessage("text must not be blank");
    }

    @Test
    void aThrowingHealthCheckIsAComponentDown() {
        HealthCheckPort up = () -> ComponentHealth.up("database", "ok");
        HealthCheckPort broken = () -> {
            throw new IllegalStateException("boom");
        };

        HealthService health = new HealthService(List.of(up, broken));

        assertThat(health.readiness().ready()).isFalse();
        assertThat(health.readiness().components()).extracting(ComponentHealth::up).containsExactly(true, false);
        assertThat(new HealthService(List.of(up)).readiness().ready()).isTrue();
    }

    @Test
    void anOptionalComponentDownIsReportedButLeavesTheServiceReady() {
        HealthCheckPort up = () -> ComponentHealth.up("database", "ok");
        HealthCheckPort circuitOpen = () -> ComponentHealth.optional("llm", false, "circuit open");

        HealthService health = new HealthService(List.of(up, circuitOpen));

        assertThat(health.readiness().ready()).isTrue();
        assertThat(health.readiness().components()).extracting(ComponentHealth::up).containsExactly(true, false);
    }
}
