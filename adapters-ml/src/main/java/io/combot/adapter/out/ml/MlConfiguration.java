package io.combot.adapter.out.ml;

import io.combot.domain.port.out.CurrentBotPort;
import io.combot.domain.port.out.HealthCheckPort;
import io.combot.domain.port.out.ReloadBotPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The bot: a {@link CurrentBotPort} (its definition and intent classifier), a {@link ReloadBotPort}, and a
 * {@link HealthCheckPort} named {@code modelHealth}. Needs a {@link ClassifierSettings} bean. The model and the bot
 * load while the context starts, so the service is not ready before it can classify; they close with the context.
 */
@Configuration
public class MlConfiguration {
    @Bean(destroyMethod = "close")
    DjlBotAdapter botAdapter(ClassifierSettings settings) {
        return new DjlBotAdapter(settings);
    }

    @Bean
    HealthCheckPort modelHealth(DjlBotAdapter botAdapter) {
        return new ModelHealthAdapter(botAdapter);
    }
}
