package io.combot.adapter.in.web;

import io.combot.adapter.in.web.WebDtos.FeedbackRequest;
import io.combot.adapter.in.web.WebDtos.FeedbackResponse;
import io.combot.domain.error.MessageNotFoundException;
import io.combot.domain.model.MessageId;
import io.combot.domain.model.OwnerId;
import io.combot.domain.model.Rating;
import io.combot.domain.port.in.MessageQuery;
import io.combot.domain.port.in.RateReplyCommand;
import io.combot.domain.port.in.RateReplyUseCase;
import io.combot.domain.port.in.SessionQuery;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Ratings of replies, under the same ownership rules as the rest of the chat API. */
@RestController
@RequestMapping(path = "/api/v1/sessions/{sessionId}/messages/{messageId}/feedback",
        produces = MediaType.APPLICATION_JSON_VALUE)
class FeedbackController {
    private static final String OWNER = ClientAccess.OWNER_ATTRIBUTE;
    private final RateReplyUseCase rateReply;
    private final ChatWebMapper mapper;

    FeedbackController(RateReplyUseCase rateReply, ChatWebMapper mapper) {
        this.rateReply = rateReply;
        this.mapper = mapper;
    }

    /** Idempotent: the same body again stores the same rating (with a new time). */
    @PutMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    FeedbackResponse rate(@PathVariable String sessionId, @PathVariable String messageId,
                          @RequestAttribute(OWNER) OwnerId caller, @RequestBody FeedbackRequest request) {
        RateReplyCommand command = new RateReplyCommand(reply(sessionId, messageId, caller),
                Rating.parse(request.rating()), request.comment());
        return mapper.toResponse(rateReply.rate(command).feedback());
    }

    /** 204 whether or not the reply had a rating: afterwards it has none either way. */
    @DeleteMapping
    ResponseEntity<Void> remove(@PathVariable String sessionId, @PathVariable String messageId,
                                @RequestAttribute(OWNER) OwnerId caller) {
        rateReply.removeRating(reply(sessionId, messageId, caller));
        return ResponseEntity.noContent().build();
    }

    /** Text that cannot be a message id names no message: answered as for any unknown message. */
    private static MessageQuery reply(String sessionId, String messageId, OwnerId caller) {
        SessionQuery session = new SessionQuery(ChatController.sessionId(sessionId), caller);
        return new MessageQuery(session, MessageId.parse(messageId).orElseThrow(MessageNotFoundException::new));
    }
}
