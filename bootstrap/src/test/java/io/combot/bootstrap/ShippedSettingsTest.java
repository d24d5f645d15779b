package io.combot.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import io.combot.adapter.out.ml.ShippedSettings;
import io.combot.adapter.out.persistence.TestDatabase;
import io.combot.application.ShippedPolicy;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What the service builds from its defaults alone. The modules below bootstrap cannot use {@link CombotSettings}, so
 * their tests read the defaults file with a few lines of their own (ShippedPolicy, ShippedSettings, TestDatabase):
 * those lines must build what the service builds, or the tests would check settings production never uses.
 */
class ShippedSettingsTest {
    private final CombotSettings service = CombotSettings.from(Map.of());

    @Test
    void theApplicationsTestsRunWithTheServicesConversationRules() {
        assertThat(ShippedPolicy.read()).isEqualTo(service.chat());
    }

    @Test
    void theClassifiersTestsRunWithTheServicesClassifierSettings() {
        assertThat(ShippedSettings.classifier()).isEqualTo(service.classifier());
    }

    @Test
    void thePersistenceTestsRunWithTheServicesPoolsAndTimeouts() {
        assertThat(TestDatabase.SQLITE.settings(ConfigSource.load(Map.of()).path("COMBOT_DATA_DIR")))
                .isEqualTo(service.persistence());
    }

    @Test
    void outOfTheBoxTheServiceIsOpenOnLoopbackOnlyAndRepliesOffline() {
        assertThat(service.access().open()).isTrue();
        assertThat(service.server().loopbackOnly()).isTrue();
        assertThat(service.llm().hasApiKey()).isFalse();
        assertThat(service.persistence().jdbcUrl()).startsWith("jdbc:sqlite:");
    }
}
