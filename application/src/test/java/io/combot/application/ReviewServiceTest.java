package io.combot.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.combot.domain.error.InvalidInputException;
import io.combot.domain.error.MessageNotFoundException;
import io.combot.domain.model.ChatSession;
import io.combot.domain.model.Intent;
import io.combot.domain.model.Label;
import io.combot.domain.model.RemovedLabel;
import io.combot.domain.model.MessageId;
import io.combot.domain.model.OwnerId;
import io.combot.domain.model.Rating;
import io.combot.domain.model.ReviewItem;
import io.combot.domain.model.ReviewPage;
import io.combot.domain.model.ReviewReason;
import io.combot.domain.model.Turn;
import io.combot.domain.port.in.LabelMessageCommand;
import io.combot.domain.port.in.MessageQuery;
import io.combot.domain.port.in.RateReplyCommand;
import io.combot.domain.port.in.ReviewQuery;
import io.combot.domain.port.in.SendMessageCommand;
import io.combot.domain.port.in.SessionQuery;
import io.combot.domain.port.in.StartSessionCommand;
import io.combot.domain.port.out.EchoReplyGenerator;
import io.combot.domain.port.out.InMemorySessionStore;
import io.combot.domain.port.out.SwappableBot;
import io.combot.domain.port.out.TestBots;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ReviewServiceTest {
    private static final OwnerId OWNER = new OwnerId("client-a");

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-26T10:00:00Z"));
    private final InMemorySessionStore store = new InMemorySessionStore();
    private final ChatPolicy policy = ShippedPolicy.read();
    private final SessionService sessions = new SessionService(store, store, store, clock, policy);
    private final SendMessageService send = new SendMessageService(store, store, store,
            new SwappableBot(TestBots.keywordBot()), new EchoReplyGenerator(), clock, policy);
    private final FeedbackService feedback = new FeedbackService(store, store, store, clock);
    private final ReviewService review = new ReviewService(store, store, new SwappableBot(TestBots.keywordBot()),
            clock);
    private final ExpiredSessionsService purge = new ExpiredSessionsService(store, store, clock, 100);

    private ChatSession session;
    private Turn sure;
    private Turn unsure;

    @BeforeEach
    void twoTurns() {
        session = sessions.startSession(new StartSessionCommand(OWNER));
        sure = send.sendMessage(new SendMessageCommand(session.id(), OWNER, "hello", null));
        clock.advance(java.time.Duration.ofSeconds(1));
        unsure = send.sendMessage(new SendMessageCommand(session.id(), OWNER, "blorp zork", null));
    }

    @Test
    void aMessageBelowTheThresholdAndADownRatedOneAreInTheInbox() {
        assertThat(unsure.userMessage().classification().intent()).isEqualTo(Intent.UNKNOWN);
        feedback.rate(new RateReplyCommand(new MessageQuery(new SessionQuery(session.id(), OWNER),
                sure.reply().id()), Rating.DOWN, "that was rude"));

        ReviewPage all = review.review(new ReviewQuery(ReviewReason.ALL, 10, null));

        assertThat(all.items()).extracting(item -> item.message().id())
                .containsExactly(unsure.userMessage().id(), sure.userMessage().id());
        assertThat(all.items()).extracting(ReviewItem::lowConfidence).containsExactly(true, false);
        assertThat(all.items()).extracting(ReviewItem::downRated).containsExactly(false, true);
        assertThat(review.review(new ReviewQuery(ReviewReason.DOWN_RATED, 10, null)).items()).hasSize(1);
    }

    @Test
    void aLabelKeepsTheTextAndOutlivesThePurgeOfItsSession() {
        Label label = review.label(new LabelMessageCommand(unsure.userMessage().id(), Intent.of("smalltalk")));

        assertThat(label.text()).isEqualTo("blorp zork");
        assertThat(review.review(new ReviewQuery(ReviewReason.LOW_CONFIDENCE, 10, null)).items().get(0).label())
                .isEqualTo(label);
        clock.advance(policy.idleTimeout());
        assertThat(purge.purgeExpiredSessions()).isEqualTo(1);

        assertThat(review.labelsSince(Optional.empty())).containsExactly(label);
        review.unlabel(unsure.userMessage().id());
        assertThat(review.labelsSince(Optional.empty())).isEmpty();
        assertThat(review.removedLabelsSince(Optional.empty())).as("for the export, at the clock's time")
                .containsExactly(new RemovedLabel(unsure.userMessage().id(), clock.instant()));
        assertThatThrownBy(() -> review.unlabel(unsure.userMessage().id()))
                .as("neither label nor message").isInstanceOf(MessageNotFoundException.class);
    }

    @Test
    void aLabelNamesAnIntentOfTheServingBotAndAUserMessage() {
        assertThatThrownBy(() -> review.label(new LabelMessageCommand(unsure.userMessage().id(), Intent.of("weather"))))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("The serving bot test-bot has no intent weather; its intents are greeting, ");
        assertThatThrownBy(() -> review.label(new LabelMessageCommand(unsure.reply().id(), Intent.of("greeting"))))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("is a reply");
        assertThatThrownBy(() -> review.label(new LabelMessageCommand(MessageId.random(), Intent.of("greeting"))))
                .isInstanceOf(MessageNotFoundException.class);
        assertThat(review.labelsSince(Optional.empty())).isEmpty();
    }
}
