package io.combot.domain.model;

import io.combot.domain.error.InvalidInputException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A page of a session's messages, oldest first, with the feedback on its replies. {@code nextBefore} is the cursor
 * for the page of older messages, null when there are none.
 */
public record HistoryPage(List<Message> items, MessageId nextBefore, Map<MessageId, Feedback> feedback) {
    public static final int MAX_LIMIT = 200;

    public HistoryPage {
        InvalidInputException.require(items != null, "A page has a list of items");
        InvalidInputException.require(feedback != null, "A page has its feedback (it may be empty)");
        items = List.copyOf(items);
        feedback = Map.copyOf(feedback);
    }

    /** A page as a session store reads it, before feedback is added. */
    public HistoryPage(List<Message> items, MessageId nextBefore) {
        this(items, nextBefore, Map.of());
    }

    public Optional<MessageId> optionalNextBefore() {
        return Optional.ofNullable(nextBefore);
    }

    public Optional<Feedback> feedbackOn(MessageId replyId) {
        return Optional.ofNullable(feedback.get(replyId));
    }

    /** The ids of the page's replies, which are what feedback rates. */
    public List<MessageId> replyIds() {
        return items.stream().filter(AssistantMessage.class::isInstance).map(Message::id).toList();
    }

    public HistoryPage withFeedback(Map<MessageId, Feedback> feedback) {
        return new HistoryPage(items, nextBefore, feedback);
    }
}
