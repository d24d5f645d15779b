package io.combot.adapter.out.persistence;

import io.combot.domain.model.Feedback;
import io.combot.domain.model.Label;
import org.mapstruct.Mapper;
import org.mapstruct.Mapping;

/** Feedback and labels; ratings are stored under their enum names, as roles and routes are. */
@Mapper(config = JpaMappingConfig.class)
interface FeedbackJpaMapper {
    @Mapping(target = "replyId", source = "replyId.value")
    FeedbackJpaEntity toEntity(Feedback feedback);

    Feedback toDomain(FeedbackJpaEntity entity);

    @Mapping(target = "messageId", source = "messageId.value")
    LabelJpaEntity toEntity(Label label);

    Label toDomain(LabelJpaEntity entity);
}
