package io.combot.application;

import io.combot.domain.error.InvalidInputException;
import io.combot.domain.error.MessageNotFoundException;
import io.combot.domain.model.Feedback;
import io.combot.domain.model.RatedReply;
import io.combot.domain.model.Turn;
import io.combot.domain.port.in.MessageQuery;
import io.combot.domain.port.in.RateReplyCommand;
import io.combot.domain.port.in.RateReplyUseCase;
import io.combot.domain.port.out.FeedbackStorePort;
import io.combot.domain.port.out.FindTurnOfMessagePort;
import io.combot.domain.port.out.LoadSessionPort;
import java.time.Clock;
import java.util.Optional;

public class FeedbackService implements RateReplyUseCase {
    private final FindTurnOfMessagePort turns;
    private final FeedbackStorePort feedback;
    private final Sessions sessions;

    public FeedbackService(LoadSessionPort loader, FindTurnOfMessagePort turns, FeedbackStorePort feedback,
                           Clock clock) {
        this.turns = turns;
        this.feedback = feedback;
        this.sessions = new Sessions(loader, clock);
    }

    @Override
    public RatedReply rate(RateReplyCommand command) {
        Turn turn = replyTurn(command.reply());
        Feedback given = new Feedback(turn.reply().id(), command.rating(), command.comment(), sessions.now());
        Optional<Feedback> replaced = feedback.saveFeedback(given);
        return new RatedReply(turn, given, replaced.map(Feedback::rating).filter(given.rating()::equals).isEmpty());
    }

    @Override
    public void removeRating(MessageQuery reply) {
        feedback.deleteFeedback(replyTurn(reply).reply().id());
    }

    /** The same checks as every session call, then a message of that session (404 otherwise) that is a reply. */
    private Turn replyTurn(MessageQuery query) {
        sessions.usable(query.session());
        Turn turn = turns.findTurnOf(query.messageId())
                .filter(found -> found.sessionId().equals(query.session().sessionId()))
                .orElseThrow(MessageNotFoundException::new);
        InvalidInputException.require(turn.reply().id().equals(query.messageId()),
                "Feedback rates a reply; message " + query.messageId() + " is a user message");
        return turn;
    }
}
