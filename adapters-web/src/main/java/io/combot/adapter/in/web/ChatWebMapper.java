package io.combot.adapter.in.web;

import io.combot.adapter.in.web.WebDtos.CitationResponse;
import io.combot.adapter.in.web.WebDtos.ClassificationResponse;
import io.combot.adapter.in.web.WebDtos.CreatedSessionResponse;
import io.combot.adapter.in.web.WebDtos.FeedbackResponse;
import io.combot.adapter.in.web.WebDtos.HistoryResponse;
import io.combot.adapter.in.web.WebDtos.MessageResponse;
import io.combot.adapter.in.web.WebDtos.PassageResponse;
import io.combot.adapter.in.web.WebDtos.SessionResponse;
import io.combot.adapter.in.web.WebDtos.TurnResponse;
import io.combot.domain.model.AssistantMessage;
import io.combot.domain.model.ChatSession;
import io.combot.domain.model.Citation;
import io.combot.domain.model.Classification;
import io.combot.domain.model.Feedback;
import io.combot.domain.model.HistoryPage;
import io.combot.domain.model.Intent;
import io.combot.domain.model.Message;
import io.combot.domain.model.MessageId;
import io.combot.domain.model.Rating;
import io.combot.domain.model.Role;
import io.combot.domain.model.Route;
import io.combot.domain.model.ScoredPassage;
import io.combot.domain.model.SessionId;
import io.combot.domain.model.Turn;
import io.combot.domain.model.UserMessage;
import java.util.LinkedHashMap;
import java.util.Map;
import org.mapstruct.Mapper;
import org.mapstruct.Mapping;
import org.mapstruct.ReportingPolicy;

@Mapper(unmappedTargetPolicy = ReportingPolicy.ERROR)
interface ChatWebMapper {
    /** ChatSession is a class with record-style accessors, which MapStruct does not see as properties. */
    default CreatedSessionResponse toCreated(ChatSession session) {
        return new CreatedSessionResponse(text(session.id()), session.createdAt(), session.expiresAt());
    }

    default SessionResponse toResponse(ChatSession session) {
        return new SessionResponse(text(session.id()), session.createdAt(), session.lastActivityAt(),
                session.expiresAt(), session.messageCount());
    }

    TurnResponse toResponse(Turn turn);

    /** Each reply with the feedback it has. */
    default HistoryResponse toResponse(HistoryPage page) {
        return new HistoryResponse(page.items().stream().map(message -> message instanceof AssistantMessage reply
                ? toResponse(reply, page.feedbackOn(reply.id()).orElse(null))
                : toResponse(message)).toList(), text(page.nextBefore()));
    }

    FeedbackResponse toResponse(Feedback feedback);

    ClassificationResponse toResponse(Classification classification);

    @Mapping(target = "source", source = "passage.source")
    @Mapping(target = "title", source = "passage.title")
    @Mapping(target = "section", source = "passage.section")
    @Mapping(target = "text", source = "passage.text")
    PassageResponse toResponse(ScoredPassage found);

    @Mapping(target = "role", expression = "java(text(message.role()))")
    @Mapping(target = "intent", source = "classification.intent")
    @Mapping(target = "confidence", source = "classification.confidence")
    @Mapping(target = "route", ignore = true)
    @Mapping(target = "degraded", ignore = true)
    @Mapping(target = "feedback", ignore = true)
    @Mapping(target = "grounded", ignore = true)
    @Mapping(target = "citations", ignore = true)
    MessageResponse toResponse(UserMessage message);

    /** A reply as a turn returns it: nobody has rated it yet. */
    default MessageResponse toResponse(AssistantMessage message) {
        return toResponse(message, null);
    }

    @Mapping(target = "role", expression = "java(text(message.role()))")
    @Mapping(target = "intent", ignore = true)
    @Mapping(target = "confidence", ignore = true)
    @Mapping(target = "feedback", source = "feedback")
    @Mapping(target = "grounded", source = "message.sources.grounded")
    @Mapping(target = "citations", source = "message.sources.citations")
    MessageResponse toResponse(AssistantMessage message, Feedback feedback);

    CitationResponse toResponse(Citation citation);

    default MessageResponse toResponse(Message message) {
        return message instanceof UserMessage user ? toResponse(user) : toResponse((AssistantMessage) message);
    }

    default String text(SessionId id) {
        return id.value();
    }

    default String text(MessageId id) {
        return id == null ? null : id.value();
    }

    default String text(Intent intent) {
        return intent.label();
    }

    default String text(Route route) {
        return route.label();
    }

    default String text(Rating rating) {
        return rating.label();
    }

    default String text(Role role) {
        return role.label();
    }

    /** Scores keyed by intent label, in the model's order. */
    default Map<String, Double> scores(Map<Intent, Double> scores) {
        Map<String, Double> byLabel = new LinkedHashMap<>();
        scores.forEach((intent, score) -> byLabel.put(intent.label(), score));
        return byLabel;
    }
}
