package io.combot.adapter.out.persistence;

import io.combot.domain.model.ChatSession;
import io.combot.domain.model.OwnerId;
import io.combot.domain.model.SessionId;
import io.combot.domain.model.TokenUsage;
import java.time.Instant;
import org.mapstruct.Mapper;
import org.mapstruct.Mapping;

/**
 * ChatSession is a class with fluent accessors and a factory, neither of which MapStruct can use on its own: the two
 * default methods only take a session apart and put it together; the field mapping between is generated.
 */
@Mapper(config = JpaMappingConfig.class)
interface SessionJpaMapper {
    default SessionJpaEntity toEntity(ChatSession session) {
        return toEntity(session.id(), session.owner(), session.createdAt(), session.lastActivityAt(),
                session.expiresAt(), session.messageCount(), session.tokenUsage(), session.inQuota());
    }

    default ChatSession toDomain(SessionJpaEntity entity) {
        return ChatSession.reconstitute(StoredValues.sessionId(entity.getId()), new OwnerId(entity.getOwnerId()),
                StoredValues.instant(entity.getCreatedAt()), StoredValues.instant(entity.getLastActivityAt()),
                StoredValues.instant(entity.getExpiresAt()), entity.getMessageCount(), tokenUsage(entity),
                entity.isInQuota());
    }

    @Mapping(target = "id", source = "id.value")
    @Mapping(target = "ownerId", source = "owner.value")
    @Mapping(target = "promptTokens", source = "tokenUsage.promptTokens")
    @Mapping(target = "completionTokens", source = "tokenUsage.completionTokens")
    SessionJpaEntity toEntity(SessionId id, OwnerId owner, Instant createdAt, Instant lastActivityAt,
                              Instant expiresAt, long messageCount, TokenUsage tokenUsage, boolean inQuota);

    /** {@code plus} is TokenUsage's arithmetic, which MapStruct would take for a fluent setter. */
    @Mapping(target = "plus", ignore = true)
    TokenUsage tokenUsage(SessionJpaEntity entity);
}
