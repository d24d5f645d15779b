package io.combot.application;

import io.combot.domain.error.InvalidInputException;
import io.combot.domain.error.MessageNotFoundException;
import io.combot.domain.model.BotDefinition;
import io.combot.domain.model.Intent;
import io.combot.domain.model.Label;
import io.combot.domain.model.MessageId;
import io.combot.domain.model.RemovedLabel;
import io.combot.domain.model.ReviewPage;
import io.combot.domain.model.Turn;
import io.combot.domain.port.in.ExportLabelsUseCase;
import io.combot.domain.port.in.LabelMessageCommand;
import io.combot.domain.port.in.LabelMessageUseCase;
import io.combot.domain.port.in.ReviewInboxUseCase;
import io.combot.domain.port.in.ReviewQuery;
import io.combot.domain.port.out.CurrentBotPort;
import io.combot.domain.port.out.FindTurnOfMessagePort;
import io.combot.domain.port.out.ReviewStorePort;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** The review inbox and labels: an admin's work, over every session. */
public class ReviewService implements ReviewInboxUseCase, LabelMessageUseCase, ExportLabelsUseCase {
    private final FindTurnOfMessagePort turns;
    private final ReviewStorePort review;
    private final CurrentBotPort bots;
    private final Clock clock;

    public ReviewService(FindTurnOfMessagePort turns, ReviewStorePort review, CurrentBotPort bots, Clock clock) {
        this.turns = turns;
        this.review = review;
        this.bots = bots;
        this.clock = clock;
    }

    @Override
    public ReviewPage review(ReviewQuery query) {
        return review.loadReview(query.reason(), query.limit(), query.optionalBefore());
    }

    /** A label is checked against the bot serving now: it is training data for that bot. */
    @Override
    public Label label(LabelMessageCommand command) {
        Turn turn = turns.findTurnOf(command.messageId()).orElseThrow(MessageNotFoundException::new);
        InvalidInputException.require(turn.userMessage().id().equals(command.messageId()),
                "Only a user message can be labelled; message " + command.messageId() + " is a reply");
        BotDefinition bot = bots.current().definition();
        InvalidInputException.require(bot.intentNames().contains(command.intent()),
                "The serving bot " + bot.name() + " has no intent " + command.intent() + "; its intents are "
                        + bot.intentNames().stream().map(Intent::label).collect(Collectors.joining(", ")));
        Label label = new Label(command.messageId(), turn.userMessage().content(), command.intent(),
                Sessions.now(clock));
        review.saveLabel(label);
        return label;
    }

    /** A label whose message was purged can still be removed: that is when labels matter most. */
    @Override
    public void unlabel(MessageId messageId) {
        if (!review.deleteLabel(messageId, Sessions.now(clock)) && turns.findTurnOf(messageId).isEmpty()) {
            throw new MessageNotFoundException();
        }
    }

    @Override
    public List<Label> labelsSince(Optional<Instant> since) {
        return review.labelsSince(since);
    }

    @Override
    public List<RemovedLabel> removedLabelsSince(Optional<Instant> since) {
        return review.removedLabelsSince(since);
    }
}
