package io.combot.adapter.out.persistence;

import org.mapstruct.MapperConfig;
import org.mapstruct.NullValueCheckStrategy;
import org.mapstruct.ReportingPolicy;

/** Shared by the mappers: every target field must be mapped, and nulls (the other kind's fields) pass through. */
@MapperConfig(
        uses = StoredValues.class,
        unmappedTargetPolicy = ReportingPolicy.ERROR,
        nullValueCheckStrategy = NullValueCheckStrategy.ALWAYS)
interface JpaMappingConfig {
}
