package io.combot.adapter.out.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class LlmSettingsTest {
    @Test
    void theDefaultsAreOfflineWithTheIssuesLimits() {
        LlmSettings defaults = LlmSettings.defaults();

        assertThat(defaults.hasApiKey()).isFalse();
        assertThat(defaults.maxConcurrentCalls()).isEqualTo(16);
        assertThat(defaults.maxRetries()).isEqualTo(2);
        assertThat(defaults.toString()).contains("apiKey=(none)");
    }

    @Test
    void toStringMasksTheKey() {
        LlmSettings settings = withKey("sk-live-abcdef123456");

        assertThat(settings.hasApiKey()).isTrue();
        assertThat(settings.toString()).contains("apiKey=****").doesNotContain("sk-live").doesNotContain("123456");
    }

    @Test
    void aBlankKeyMeansOffline() {
        assertThat(withKey("  ").hasApiKey()).isFalse();
    }

    @Test
    void refusesNonsense() {
        LlmSettings d = LlmSettings.defaults();
        assertThatThrownBy(() -> new LlmSettings(null, d.baseUrl(), d.model(), d.temperature(), 0,
                d.connectTimeout(), d.requestTimeout(), d.maxConcurrentCalls(), d.maxWaitForSlot(), d.maxRetries(),
                d.contextBudgetChars(), d.circuitOpenDuration()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("max output tokens");
        assertThatThrownBy(() -> new LlmSettings(null, d.baseUrl(), d.model(), d.temperature(), 1,
                d.connectTimeout(), Duration.ZERO, d.maxConcurrentCalls(), d.maxWaitForSlot(), d.maxRetries(),
                d.contextBudgetChars(), d.circuitOpenDuration()))
                .hasMessageContaining("request timeout");
    }

    private static LlmSettings withKey(String key) {
        LlmSettings d = LlmSettings.defaults();
        return new LlmSettings(key, d.baseUrl(), d.model(), d.temperature(), d.maxOutputTokens(),
                d.connectTimeout(), d.requestTimeout(), d.maxConcurrentCalls(), d.maxWaitForSlot(), d.maxRetries(),
                d.contextBudgetChars(), d.circuitOpenDuration());
    }
}
