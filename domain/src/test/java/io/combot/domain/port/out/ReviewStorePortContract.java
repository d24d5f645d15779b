package io.combot.domain.port.out;

import static io.combot.domain.port.out.TestTurns.T0;
import static io.combot.domain.port.out.TestTurns.newSession;
import static io.combot.domain.port.out.TestTurns.turn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.combot.domain.error.InvalidInputException;
import io.combot.domain.model.ChatSession;
import io.combot.domain.model.Feedback;
import io.combot.domain.model.Intent;
import io.combot.domain.model.Label;
import io.combot.domain.model.RemovedLabel;
import io.combot.domain.model.MessageId;
import io.combot.domain.model.OwnerId;
import io.combot.domain.model.Rating;
import io.combot.domain.model.ReviewItem;
import io.combot.domain.model.ReviewPage;
import io.combot.domain.model.ReviewReason;
import io.combot.domain.model.Route;
import io.combot.domain.model.Turn;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * What every {@link ReviewStorePort} does, over messages and feedback stored through the same store's other ports.
 * Each adapter and the in-memory double extend this once.
 */
public abstract class ReviewStorePortContract<S extends CreateSessionPort & AppendTurnPort & DeleteSessionPort
        & PurgeExpiredSessionsPort> {
    private ChatSession session;
    private Turn sure;
    private Turn unsure;
    private Turn rated;
    private Turn unsureAndRated;

    /** The session store beside it: the feedback's replies are stored, deleted and purged there. */
    protected abstract S sessions();

    protected abstract FeedbackStorePort feedback();

    protected abstract ReviewStorePort review();

    /** Four turns: one the inbox never shows, one unsure, one rated down, one both. */
    /** Called first by each test: an adapter opens its store in its own @BeforeEach, which runs after ours. */
    private void turns() {
        session = newSession(new OwnerId("client-a"));
        sessions().create(session);
        sure = turn(session, "what is a mortgage", null);
        session = TestTurns.append(sessions(), session, sure);
        unsure = turn(session, "blorp", null, Intent.UNKNOWN);
        session = TestTurns.append(sessions(), session, unsure);
        rated = turn(session, "how do I cancel", null);
        session = TestTurns.append(sessions(), session, rated);
        unsureAndRated = turn(session, "zzz", null, Intent.UNKNOWN);
        session = TestTurns.append(sessions(), session, unsureAndRated);
        feedback().saveFeedback(new Feedback(sure.reply().id(), Rating.UP, null, T0.plusSeconds(60)));
        feedback().saveFeedback(new Feedback(rated.reply().id(), Rating.DOWN, "useless", T0.plusSeconds(60)));
        feedback().saveFeedback(new Feedback(unsureAndRated.reply().id(), Rating.DOWN, null, T0.plusSeconds(61)));
    }

    @Test
    void eachReasonShowsItsMessagesNewestFirstWithTheirReplyFeedbackAndLabel() {
        turns();
        Label label = new Label(rated.userMessage().id(), "how do I cancel", Intent.of("smalltalk"), T0.plusSeconds(90));
        review().saveLabel(label);

        assertThat(ids(review().loadReview(ReviewReason.LOW_CONFIDENCE, 10, Optional.empty())))
                .containsExactly(unsureAndRated.userMessage().id(), unsure.userMessage().id());
        assertThat(ids(review().loadReview(ReviewReason.DOWN_RATED, 10, Optional.empty())))
                .containsExactly(unsureAndRated.userMessage().id(), rated.userMessage().id());
        ReviewPage all = review().loadReview(ReviewReason.ALL, 10, Optional.empty());
        assertThat(ids(all)).containsExactly(unsureAndRated.userMessage().id(), rated.userMessage().id(),
                unsure.userMessage().id());
        assertThat(all.nextBefore()).isNull();

        ReviewItem item = all.items().get(1);
        assertThat(item.message()).isEqualTo(rated.userMessage());
        assertThat(item.replyRoute()).isEqualTo(Route.LLM);
        assertThat(item.feedback()).isEqualTo(new Feedback(rated.reply().id(), Rating.DOWN, "useless",
                T0.plusSeconds(60)));
        assertThat(item.label()).isEqualTo(label);
        assertThat(all.items().get(2).optionalFeedback()).isEmpty();
        assertThat(all.items().get(2).optionalLabel()).isEmpty();
    }

    @Test
    void pagesFollowTheCursorWithoutGapsOrRepeats() {
        turns();
        ReviewPage first = review().loadReview(ReviewReason.ALL, 2, Optional.empty());
        assertThat(first.items()).hasSize(2);
        assertThat(first.nextBefore()).isEqualTo(first.items().get(1).message().id());

        ReviewPage second = review().loadReview(ReviewReason.ALL, 2, first.optionalNextBefore());
        assertThat(ids(second)).containsExactly(unsure.userMessage().id());
        assertThat(second.nextBefore()).isNull();
    }

    @Test
    void aCursorThatNamesNoUserMessageIsRefused() {
        turns();
        assertThatThrownBy(() -> review().loadReview(ReviewReason.ALL, 2, Optional.of(MessageId.random())))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> review().loadReview(ReviewReason.ALL, 2, Optional.of(unsure.reply().id())))
                .isInstanceOf(InvalidInputException.class);
    }

    @Test
    void aLabelIsReplacedRemovedAndSurvivesThePurgeOfItsSession() {
        turns();
        Label first = new Label(unsure.userMessage().id(), "blorp", Intent.of("smalltalk"), T0.plusSeconds(100));
        Label relabelled = new Label(unsure.userMessage().id(), "blorp", Intent.of("question"), T0.plusSeconds(200));
        Label other = new Label(sure.userMessage().id(), "what is a mortgage", Intent.of("question"),
                T0.plusSeconds(150));
        review().saveLabel(first);
        review().saveLabel(other);
        review().saveLabel(relabelled);

        assertThat(review().labelsSince(Optional.empty())).containsExactly(other, relabelled);

        assertThat(sessions().purgeExpired(session.expiresAt(), 10)).isEqualTo(1);
        assertThat(review().loadReview(ReviewReason.ALL, 10, Optional.empty()).items()).isEmpty();
        assertThat(review().labelsSince(Optional.empty())).as("labels outlive their session")
                .containsExactly(other, relabelled);
        assertThat(review().labelsSince(Optional.of(T0.plusSeconds(150)))).containsExactly(other, relabelled);
        assertThat(review().labelsSince(Optional.of(T0.plusSeconds(151)))).containsExactly(relabelled);

        assertThat(review().deleteLabel(unsure.userMessage().id(), T0.plusSeconds(300))).isTrue();
        assertThat(review().deleteLabel(unsure.userMessage().id(), T0.plusSeconds(400))).isFalse();
        assertThat(review().labelsSince(Optional.empty())).containsExactly(other);
    }

    @Test
    void aRemovedLabelIsRememberedUntilTheMessageIsLabelledAgain() {
        turns();
        MessageId first = unsure.userMessage().id();
        MessageId second = sure.userMessage().id();
        review().saveLabel(new Label(first, "blorp", Intent.of("smalltalk"), T0.plusSeconds(100)));
        review().saveLabel(new Label(second, "what is a mortgage", Intent.of("question"), T0.plusSeconds(100)));
        assertThat(review().deleteLabel(second, T0.plusSeconds(200))).isTrue();
        assertThat(review().deleteLabel(first, T0.plusSeconds(300))).isTrue();
        assertThat(review().deleteLabel(first, T0.plusSeconds(400))).as("no label, nothing remembered").isFalse();

        assertThat(review().removedLabelsSince(Optional.empty())).containsExactly(
                new RemovedLabel(second, T0.plusSeconds(200)), new RemovedLabel(first, T0.plusSeconds(300)));
        assertThat(review().removedLabelsSince(Optional.of(T0.plusSeconds(201))))
                .containsExactly(new RemovedLabel(first, T0.plusSeconds(300)));

        Label again = new Label(first, "blorp", Intent.of("question"), T0.plusSeconds(500));
        review().saveLabel(again);
        assertThat(review().removedLabelsSince(Optional.empty()))
                .containsExactly(new RemovedLabel(second, T0.plusSeconds(200)));
        assertThat(review().labelsSince(Optional.empty())).containsExactly(again);
    }

    @Test
    void labelsGivenAtTheSameTimeComeOutInOneOrder() {
        turns();
        List<Label> given = new ArrayList<>();
        for (Turn turn : List.of(sure, unsure, rated, unsureAndRated)) {
            Label label = new Label(turn.userMessage().id(), turn.userMessage().content(), Intent.of("question"),
                    T0.plusSeconds(300));
            given.add(label);
            review().saveLabel(label);
        }
        given.sort(java.util.Comparator.comparing(label -> label.messageId().value()));

        assertThat(review().labelsSince(Optional.empty())).containsExactlyElementsOf(given);
    }

    private static List<MessageId> ids(ReviewPage page) {
        return page.items().stream().map(item -> item.message().id()).toList();
    }
}
