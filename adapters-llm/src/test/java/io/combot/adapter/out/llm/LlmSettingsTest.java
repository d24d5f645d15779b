package io.combot.adapter.out.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class LlmSettingsTest {
    @Test
    void withoutAKeyTheSettingsSayOffline() {
        LlmSettings offline = TestSettings.withKey(null, TestSettings.NO_SERVER);

        assertThat(offline.hasApiKey()).isFalse();
        assertThat(offline.toString()).contains("apiKey=(none)");
    }

    @Test
    void toStringMasksTheKey() {
        LlmSettings settings = TestSettings.withKey("sk-live-abcdef123456", TestSettings.NO_SERVER);

        assertThat(settings.hasApiKey()).isTrue();
        assertThat(settings.toString()).contains("apiKey=****").doesNotContain("sk-live").doesNotContain("123456");
    }

    @Test
    void aBlankKeyMeansOffline() {
        assertThat(TestSettings.withKey("  ", TestSettings.NO_SERVER).hasApiKey()).isFalse();
    }

    @Test
    void refusesNonsense() {
        LlmSettings d = TestSettings.withKey(null, TestSettings.NO_SERVER);
        assertThatThrownBy(() -> new LlmSettings(null, d.baseUrl(), d.model(), d.temperature(), 0,
                d.connectTimeout(), d.requestTimeout(), d.maxConcurrentCalls(), d.maxWaitForSlot(), d.maxRetries(),
                d.contextBudgetChars(), d.circuitOpenDuration()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("max output tokens");
        assertThatThrownBy(() -> new LlmSettings(null, d.baseUrl(), d.model(), d.temperature(), 1,
                d.connectTimeout(), Duration.ZERO, d.maxConcurrentCalls(), d.maxWaitForSlot(), d.maxRetries(),
                d.contextBudgetChars(), d.circuitOpenDuration()))
                .hasMessageContaining("request timeout");
    }
}
