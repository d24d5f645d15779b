package io.combot.application;

import static org.assertj.core.api.Assertions.assertThat;

import io.combot.domain.model.ChatSession;
import io.combot.domain.model.OwnerId;
import io.combot.domain.port.in.SendMessageCommand;
import io.combot.domain.port.in.StartSessionCommand;
import io.combot.domain.port.out.EchoReplyGenerator;
import io.combot.domain.port.out.InMemorySessionStore;
import io.combot.domain.port.out.SwappableBot;
import io.combot.domain.port.out.TestBots;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExpiredSessionsServiceTest {
    private static final OwnerId OWNER = new OwnerId("client-a");

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-26T10:00:00Z"));
    private final InMemorySessionStore store = new InMemorySessionStore();
    private final ChatPolicy policy = ShippedPolicy.read();
    private final SessionService sessions = new SessionService(store, store, store, clock, policy);
    private final ExpiredSessionsService expired = new ExpiredSessionsService(store, store, clock, 3);

    @Test
    void aPurgeRunsBatchesUntilEveryExpiredSessionIsGoneAndKeepsTheRest() {
        List<ChatSession> old = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            old.add(sessions.startSession(new StartSessionCommand(OWNER)));
        }
        clock.advance(policy.idleTimeout().minus(Duration.ofMinutes(1)));
        ChatSession kept = sessions.startSession(new StartSessionCommand(OWNER));
        ChatSession talkedTo = old.remove(0);
        new SendMessageService(store, store, store,
                new SwappableBot(TestBots.keywordBot()), new EchoReplyGenerator(), clock, policy)
                .sendMessage(new SendMessageCommand(talkedTo.id(), OWNER, "hello", null));
        clock.advance(Duration.ofMinutes(1));

        assertThat(expired.countActiveSessions()).isEqualTo(2);
        assertThat(expired.purgeExpiredSessions()).isEqualTo(6);

        old.forEach(session -> assertThat(store.findSession(session.id())).isEmpty());
        assertThat(store.findSession(kept.id())).isPresent();
        assertThat(store.findSession(talkedTo.id())).isPresent();
        assertThat(expired.purgeExpiredSessions()).isZero();
        assertThat(expired.countActiveSessions()).isEqualTo(2);
    }
}
