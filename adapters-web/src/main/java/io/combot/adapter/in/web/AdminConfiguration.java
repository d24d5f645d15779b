package io.combot.adapter.in.web;

import io.combot.domain.port.in.PurgeExpiredSessionsUseCase;
import io.combot.domain.port.in.ReloadBotUseCase;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * The operator's API under {@code /admin}, in the same Spring MVC context as {@link WebConfiguration}. Every handler
 * under {@code /admin/**} is behind the admin token, so an admin endpoint is a controller mapped there and a bean
 * here; its unknown-action 404 lists it by itself. Its use cases and the process's reports come from the parent
 * context that bootstrap builds.
 */
@Configuration(proxyBeanMethods = false)
public class AdminConfiguration implements WebMvcConfigurer {
    private final AdminSettings settings;

    public AdminConfiguration(AdminSettings settings) {
        this.settings = settings;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new AdminTokenInterceptor(settings)).addPathPatterns("/admin/**");
    }

    @Bean
    AdminController adminController(PurgeExpiredSessionsUseCase purge, ReloadBotUseCase bots, MemoryReporter memory,
                                    ConfigurationReloader configuration) {
        return new AdminController(purge, bots, memory, configuration);
    }

    @Bean
    AdminActionsController adminActionsController(ObjectProvider<RequestMappingHandlerMapping> mappings) {
        return new AdminActionsController(mappings);
    }
}
