package io.combot.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.combot.domain.error.InvalidInputException;
import io.combot.domain.error.MessageNotFoundException;
import io.combot.domain.error.SessionExpiredException;
import io.combot.domain.error.SessionNotFoundException;
import io.combot.domain.model.ChatSession;
import io.combot.domain.model.Feedback;
import io.combot.domain.model.HistoryPage;
import io.combot.domain.model.MessageId;
import io.combot.domain.model.OwnerId;
import io.combot.domain.model.RatedReply;
import io.combot.domain.model.Rating;
import io.combot.domain.model.Turn;
import io.combot.domain.port.in.MessageQuery;
import io.combot.domain.port.in.RateReplyCommand;
import io.combot.domain.port.in.ReadHistoryQuery;
import io.combot.domain.port.in.SendMessageCommand;
import io.combot.domain.port.in.SessionQuery;
import io.combot.domain.port.in.StartSessionCommand;
import io.combot.domain.port.out.EchoReplyGenerator;
import io.combot.domain.port.out.InMemorySessionStore;
import io.combot.domain.port.out.SwappableBot;
import io.combot.domain.port.out.TestBots;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class FeedbackServiceTest {
    private static final OwnerId OWNER = new OwnerId("client-a");

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-26T10:00:00Z"));
    private final InMemorySessionStore store = new InMemorySessionStore();
    private final ChatPolicy policy = ShippedPolicy.read();
    private final SessionService sessions = new SessionService(store, store, store, clock, policy);
    private final SendMessageService send = new SendMessageService(store, store, store,
            new SwappableBot(TestBots.keywordBot()), new EchoReplyGenerator(), clock, policy);
    private final FeedbackService feedback = new FeedbackService(store, store, store, clock);
    private final HistoryService history = new HistoryService(store, store, store, clock);

    private ChatSession session;
    private Turn turn;

    @BeforeEach
    void aTurn() {
        session = sessions.startSession(new StartSessionCommand(OWNER));
        turn = send.sendMessage(new SendMessageCommand(session.id(), OWNER, "hello", null));
    }

    @Test
    void theLastRatingWinsAndOnlyAChangeCounts() {
        RatedReply down = feedback.rate(rate(turn.reply().id(), Rating.DOWN, "not helpful"));
        RatedReply again = feedback.rate(rate(turn.reply().id(), Rating.DOWN, "still not"));
        clock.advance(java.time.Duration.ofSeconds(5));
        RatedReply up = feedback.rate(rate(turn.reply().id(), Rating.UP, null));

        assertThat(down.changed()).isTrue();
        assertThat(down.turn()).isEqualTo(turn);
        assertThat(down.feedback()).isEqualTo(new Feedback(turn.reply().id(), Rating.DOWN, "not helpful",
                clock.instant().minusSeconds(5)));
        assertThat(again.changed()).as("the same rating again").isFalse();
        assertThat(up.changed()).isTrue();
        HistoryPage page = history.readHistory(new ReadHistoryQuery(query(), 50, null));
        assertThat(page.feedbackOn(turn.reply().id())).contains(up.feedback());
        assertThat(page.feedbackOn(turn.userMessage().id())).isEmpty();
    }

    @Test
    void removingARatingLeavesTheReplyUnrated() {
        feedback.rate(rate(turn.reply().id(), Rating.UP, null));

        feedback.removeRating(new MessageQuery(query(), turn.reply().id()));
        feedback.removeRating(new MessageQuery(query(), turn.reply().id()));

        assertThat(store.findFeedback(List.of(turn.reply().id()))).isEmpty();
    }

    @Test
    void aUserMessageCannotBeRated() {
        assertThatThrownBy(() -> feedback.rate(rate(turn.userMessage().id(), Rating.UP, null)))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("Feedback rates a reply; message " + turn.userMessage().id() + " is a user message");
    }

    @Test
    void anUnknownMessageOrOneOfAnotherSessionIsNotFound() {
        ChatSession other = sessions.startSession(new StartSessionCommand(OWNER));
        Turn elsewhere = send.sendMessage(new SendMessageCommand(other.id(), OWNER, "hello", null));

        assertThatThrownBy(() -> feedback.rate(rate(MessageId.random(), Rating.UP, null)))
                .isInstanceOf(MessageNotFoundException.class);
        assertThatThrownBy(() -> feedback.rate(rate(elsewhere.reply().id(), Rating.UP, null)))
                .isInstanceOf(MessageNotFoundException.class);
        assertThat(store.findFeedback(List.of(elsewhere.reply().id()))).isEmpty();
    }

    @Test
    void anotherOwnersSessionIsNotFoundAndAnExpiredOneIsGone() {
        MessageQuery stranger = new MessageQuery(new SessionQuery(session.id(), new OwnerId("client-b")),
                turn.reply().id());
        assertThatThrownBy(() -> feedback.rate(new RateReplyCommand(stranger, Rating.UP, null)))
                .isInstanceOf(SessionNotFoundException.class);

        clock.advance(policy.idleTimeout());
        assertThatThrownBy(() -> feedback.rate(rate(turn.reply().id(), Rating.UP, null)))
                .isInstanceOf(SessionExpiredException.class);
    }

    private RateReplyCommand rate(MessageId id, Rating rating, String comment) {
        return new RateReplyCommand(new MessageQuery(query(), id), rating, comment);
    }

    private SessionQuery query() {
        return new SessionQuery(session.id(), OWNER);
    }
}
