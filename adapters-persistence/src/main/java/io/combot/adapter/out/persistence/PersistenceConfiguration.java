package io.combot.adapter.out.persistence;

import io.combot.domain.port.out.FeedbackStorePort;
import io.combot.domain.port.out.HealthCheckPort;
import io.combot.domain.port.out.ReviewStorePort;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The session store, the feedback and review store, and the database health check, for a context that holds a
 * {@link PersistenceSettings} bean.
 * Opening migrates the schema and runs a turn's statements once, storing nothing; closing the context closes the SessionFactories and the pools. When the context
 * holds a {@link MeterRegistry}, the pools report to it.
 */
@Configuration(proxyBeanMethods = false)
public class PersistenceConfiguration {
    @Bean(destroyMethod = "close")
    JpaPersistence jpaPersistence(PersistenceSettings settings, ObjectProvider<MeterRegistry> registry) {
        JpaPersistence persistence = JpaPersistence.open(settings);
        persistence.warmUp();
        registry.ifAvailable(meters -> {
            persistence.pools().trackMetrics(meters);
            persistence.faults().trackMetrics(meters);
        });
        return persistence;
    }

    /**
     * One bean behind all of the session store's ports ({@code LoadSessionPort}, {@code AppendTurnPort} …), each
     * injected by its port's type. Not one bean per port: Spring matches a created bean by its object's class, so
     * beans sharing one object would each match every port.
     */
    @Bean
    JpaSessionStoreAdapter sessionStore(JpaPersistence persistence) {
        return persistence.sessionStore();
    }

    @Bean
    FeedbackStorePort feedbackStore(JpaPersistence persistence) {
        return persistence.feedbackStore();
    }

    @Bean
    ReviewStorePort reviewStore(JpaPersistence persistence) {
        return persistence.reviewStore();
    }

    @Bean
    HealthCheckPort databaseHealth(JpaPersistence persistence) {
        return persistence.healthCheck();
    }
}
