package io.combot.adapter.out.persistence;

import static io.combot.domain.port.out.TestTurns.newSession;
import static org.assertj.core.api.Assertions.assertThat;

import io.combot.domain.model.ChatSession;
import io.combot.domain.model.ComponentHealth;
import io.combot.domain.model.OwnerId;
import io.combot.domain.port.out.HealthCheckPort;
import io.combot.domain.port.out.CreateSessionPort;
import io.combot.domain.port.out.LoadSessionPort;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;

/** The beans the lead wires: a working store, a database health check, and everything closed with the context. */
class PersistenceConfigurationTest {
    @TempDir
    Path dataDir;

    @Test
    void theContextExposesTheStoreAndHealthAndClosesThePoolsWithIt() {
        HealthCheckPort health;
        try (AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext()) {
            context.registerBean(PersistenceSettings.class, () -> TestDatabase.SQLITE.settings(dataDir));
            context.register(PersistenceConfiguration.class);
            context.refresh();

            ChatSession session = newSession(new OwnerId("spring"));
            context.getBean(CreateSessionPort.class).create(session);
            assertThat(context.getBean(LoadSessionPort.class).findSession(session.id())).contains(session);

            health = context.getBean("databaseHealth", HealthCheckPort.class);
            ComponentHealth up = health.check();
            assertThat(up.name()).isEqualTo("database");
            assertThat(up.up()).isTrue();
            assertThat(up.detail()).startsWith("SQLite answered in");
        }

        ComponentHealth afterClose = health.check();
        assertThat(afterClose.up()).isFalse();
        assertThat(afterClose.detail()).contains("closed");
    }
}
