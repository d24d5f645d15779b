package io.combot.adapter.in.web;

import io.combot.domain.port.in.ExportLabelsUseCase;
import io.combot.domain.port.in.LabelMessageUseCase;
import io.combot.domain.port.in.PurgeExpiredSessionsUseCase;
import io.combot.domain.port.in.ReloadBotUseCase;
import io.combot.domain.port.in.ReviewInboxUseCase;
import org.mapstruct.factory.Mappers;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The operator's API under {@code /admin}, in the same Spring MVC context as {@link WebConfiguration}. An admin
 * endpoint is a controller mapped under {@code /admin/...} and a bean here: {@link AdminToken} guards every path
 * there, and the 404 for an unknown action ({@link AdminActions}) lists it by itself. Its use cases and the process's
 * reports come from the parent context that bootstrap builds.
 */
@Configuration(proxyBeanMethods = false)
public class AdminConfiguration {
    @Bean
    AdminController adminController(PurgeExpiredSessionsUseCase purge, ReloadBotUseCase bots, MemoryReporter memory,
                                    ConfigurationReloader configuration) {
        return new AdminController(purge, bots, memory, configuration);
    }

    @Bean
    ReviewController reviewController(ReviewInboxUseCase inbox, LabelMessageUseCase labels,
                                      ExportLabelsUseCase export) {
        return new ReviewController(inbox, labels, export, Mappers.getMapper(ReviewWebMapper.class));
    }
}
