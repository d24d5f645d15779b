package io.combot.domain.port.out;

import static io.combot.domain.port.out.TestTurns.T0;
import static io.combot.domain.port.out.TestTurns.newSession;
import static io.combot.domain.port.out.TestTurns.turn;
import static org.assertj.core.api.Assertions.assertThat;

import io.combot.domain.model.ChatSession;
import io.combot.domain.model.Feedback;
import io.combot.domain.model.MessageId;
import io.combot.domain.model.OwnerId;
import io.combot.domain.model.Rating;
import io.combot.domain.model.Turn;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What every {@link FeedbackStorePort} does, together with the session store that holds the rated replies (feedback
 * goes with its session). Each adapter and the in-memory double extend this once.
 */
public abstract class FeedbackStorePortContract<S extends CreateSessionPort & AppendTurnPort & DeleteSessionPort
        & PurgeExpiredSessionsPort> {
    private ChatSession session;
    private Turn first;
    private Turn second;

    /** The session store beside it: the feedback's replies are stored, deleted and purged there. */
    protected abstract S sessions();

    protected abstract FeedbackStorePort feedback();

    /** Called first by each test: an adapter opens its store in its own @BeforeEach, which runs after ours. */
    private void twoTurns() {
        session = newSession(new OwnerId("client-a"));
        sessions().create(session);
        first = turn(session, "first", null);
        session = TestTurns.append(sessions(), session, first);
        second = turn(session, "second", null);
        session = TestTurns.append(sessions(), session, second);
    }

    @Test
    void feedbackIsStoredAsGivenAndTheLastOneWins() {
        twoTurns();
        Feedback down = new Feedback(first.reply().id(), Rating.DOWN, "Wrong answer, ünïcödé 🙃", T0.plusSeconds(60));
        Feedback up = new Feedback(first.reply().id(), Rating.UP, null, T0.plusSeconds(61));

        assertThat(feedback().saveFeedback(down)).isEmpty();
        assertThat(feedback().findFeedback(List.of(first.reply().id()))).isEqualTo(Map.of(first.reply().id(), down));
        assertThat(feedback().saveFeedback(up)).contains(down);
        assertThat(feedback().saveFeedback(up)).as("the same again").contains(up);
        assertThat(feedback().findFeedback(List.of(first.reply().id(), second.reply().id())))
                .isEqualTo(Map.of(first.reply().id(), up));
    }

    @Test
    void onlyRepliesWithFeedbackAreFound() {
        twoTurns();
        Feedback up = new Feedback(second.reply().id(), Rating.UP, "ok", T0.plusSeconds(60));
        feedback().saveFeedback(up);

        assertThat(feedback().findFeedback(List.of())).isEmpty();
        assertThat(feedback().findFeedback(List.of(first.reply().id(), MessageId.random()))).isEmpty();
        assertThat(feedback().findFeedback(List.of(first.reply().id(), second.reply().id())))
                .containsOnlyKeys(second.reply().id());
    }

    @Test
    void deletedFeedbackIsGone() {
        twoTurns();
        feedback().saveFeedback(new Feedback(first.reply().id(), Rating.UP, null, T0.plusSeconds(60)));

        assertThat(feedback().deleteFeedback(first.reply().id())).isTrue();
        assertThat(feedback().deleteFeedback(first.reply().id())).isFalse();
        assertThat(feedback().findFeedback(List.of(first.reply().id()))).isEmpty();
    }

    @Test
    void feedbackGoesWithItsDeletedSession() {
        twoTurns();
        feedback().saveFeedback(new Feedback(first.reply().id(), Rating.DOWN, "bad", T0.plusSeconds(60)));

        sessions().delete(session.id());

        assertThat(feedback().findFeedback(List.of(first.reply().id()))).isEmpty();
    }

    @Test
    void feedbackGoesWithItsPurgedSession() {
        twoTurns();
        feedback().saveFeedback(new Feedback(second.reply().id(), Rating.DOWN, "bad", T0.plusSeconds(60)));

        assertThat(sessions().purgeExpired(session.expiresAt(), 10)).isEqualTo(1);

        assertThat(feedback().findFeedback(List.of(second.reply().id()))).isEmpty();
    }
}
