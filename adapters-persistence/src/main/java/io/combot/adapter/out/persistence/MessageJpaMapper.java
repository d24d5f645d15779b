package io.combot.adapter.out.persistence;

import io.combot.domain.model.AssistantMessage;
import io.combot.domain.model.Citation;
import io.combot.domain.model.Classification;
import io.combot.domain.model.Message;
import io.combot.domain.model.Role;
import io.combot.domain.model.TokenUsage;
import io.combot.domain.model.UserMessage;
import org.mapstruct.Mapper;
import org.mapstruct.Mapping;

/** Both kinds of message share one table; the role column says which record a row becomes. */
@Mapper(config = JpaMappingConfig.class)
interface MessageJpaMapper {
    default MessageJpaEntity toEntity(Message message) {
        if (message instanceof UserMessage user) {
            return toEntity(user);
        }
        return toEntity((AssistantMessage) message);
    }

    default Message toDomain(MessageJpaEntity entity) {
        return switch (Role.valueOf(entity.getRole())) {
            case USER -> toUserMessage(entity);
            case ASSISTANT -> toAssistantMessage(entity);
        };
    }

    @Mapping(target = "id", source = "id.value")
    @Mapping(target = "sessionId", source = "sessionId.value")
    @Mapping(target = "role", expression = "java(message.role().name())")
    @Mapping(target = "intent", source = "classification.intent")
    @Mapping(target = "confidence", source = "classification.confidence")
    @Mapping(target = "scores", source = "classification.scores")
    @Mapping(target = "modelVersion", source = "classification.modelVersion")
    @Mapping(target = "clientMessageId", source = "clientMessageId.value")
    @Mapping(target = "route", ignore = true)
    @Mapping(target = "degraded", ignore = true)
    @Mapping(target = "promptTokens", ignore = true)
    @Mapping(target = "completionTokens", ignore = true)
    @Mapping(target = "grounded", ignore = true)
    MessageJpaEntity toEntity(UserMessage message);

    @Mapping(target = "id", source = "id.value")
    @Mapping(target = "sessionId", source = "sessionId.value")
    @Mapping(target = "role", expression = "java(message.role().name())")
    @Mapping(target = "promptTokens", source = "usage.promptTokens")
    @Mapping(target = "completionTokens", source = "usage.completionTokens")
    @Mapping(target = "intent", ignore = true)
    @Mapping(target = "confidence", ignore = true)
    @Mapping(target = "scores", ignore = true)
    @Mapping(target = "modelVersion", ignore = true)
    @Mapping(target = "clientMessageId", ignore = true)
    @Mapping(target = "grounded", source = "sources.grounded")
    MessageJpaEntity toEntity(AssistantMessage message);

    @Mapping(target = "classification", source = ".")
    UserMessage toUserMessage(MessageJpaEntity entity);

    /** Without its sources: those are in their own rows, which the store reads for the replies that have them. */
    @Mapping(target = "usage", source = ".")
    @Mapping(target = "sources", ignore = true)
    @Mapping(target = "withSources", ignore = true)
    AssistantMessage toAssistantMessage(MessageJpaEntity entity);

    @Mapping(target = "messageId", ignore = true)
    @Mapping(target = "ordinal", ignore = true)
    CitationJpaEntity toEntity(Citation citation);

    Citation toDomain(CitationJpaEntity entity);

    /** Which part of a message the crisis screening caught is logged when it happens, not stored. */
    @Mapping(target = "crisisPart", ignore = true)
    Classification classification(MessageJpaEntity entity);

    /** {@code plus} is TokenUsage's arithmetic, which MapStruct would take for a fluent setter. */
    @Mapping(target = "plus", ignore = true)
    TokenUsage usage(MessageJpaEntity entity);
}
