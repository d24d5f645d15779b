package io.combot.adapter.in.web;

import io.combot.adapter.in.web.WebDtos.LabelResponse;
import io.combot.adapter.in.web.WebDtos.ReviewItemResponse;
import io.combot.adapter.in.web.WebDtos.ReviewPageResponse;
import io.combot.domain.model.Label;
import io.combot.domain.model.ReviewItem;
import io.combot.domain.model.ReviewPage;
import org.mapstruct.Mapper;
import org.mapstruct.Mapping;
import org.mapstruct.ReportingPolicy;

/** The review inbox and labels; ids, intents, routes and feedback are written as the chat API writes them. */
@Mapper(uses = ChatWebMapper.class, unmappedTargetPolicy = ReportingPolicy.ERROR)
interface ReviewWebMapper {
    ReviewPageResponse toResponse(ReviewPage page);

    @Mapping(target = "messageId", source = "message.id")
    @Mapping(target = "sessionId", source = "message.sessionId")
    @Mapping(target = "text", source = "message.content")
    @Mapping(target = "intent", source = "message.classification.intent")
    @Mapping(target = "confidence", source = "message.classification.confidence")
    @Mapping(target = "route", source = "replyRoute")
    @Mapping(target = "createdAt", source = "message.createdAt")
    ReviewItemResponse toResponse(ReviewItem item);

    LabelResponse toResponse(Label label);
}
