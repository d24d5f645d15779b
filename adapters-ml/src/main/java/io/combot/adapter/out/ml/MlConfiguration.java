package io.combot.adapter.out.ml;

import io.combot.domain.port.out.ClassifyMessagePort;
import io.combot.domain.port.out.HealthCheckPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The intent classifier, a {@link ClassifyMessagePort}, and its {@link HealthCheckPort} named {@code modelHealth}.
 * Needs a {@link ClassifierSettings} bean. The model loads while the context starts, so the service is not ready
 * before it can classify; it is closed with the context.
 */
@Configuration
public class MlConfiguration {
    @Bean(destroyMethod = "close")
    DjlIntentClassifierAdapter intentClassifier(ClassifierSettings settings) {
        return new DjlIntentClassifierAdapter(settings);
    }

    @Bean
    HealthCheckPort modelHealth(DjlIntentClassifierAdapter intentClassifier) {
        return new ModelHealthAdapter(intentClassifier);
    }
}
