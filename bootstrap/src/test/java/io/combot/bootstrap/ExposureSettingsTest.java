package io.combot.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Without client keys the API is open, so it may only listen where no other machine reaches it. */
class ExposureSettingsTest {
    private static final String KEYS = "alice:" + "ab".repeat(32);

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "localhost", "::1"})
    void anOpenServiceMayListenOnLoopback(String bind) {
        CombotSettings settings = CombotSettings.from(Map.of("COMBOT_BIND", bind));

        assertThat(settings.access().open()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"0.0.0.0", "::"})
    void anOpenServiceRefusesToListenWhereOthersReachIt(String bind) {
        assertThatThrownBy(() -> CombotSettings.from(Map.of("COMBOT_BIND", bind)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("COMBOT_BIND is " + bind)
                .hasMessageContaining("no COMBOT_API_KEYS");
    }

    @ParameterizedTest
    @ValueSource(strings = {"0.0.0.0", "127.0.0.1"})
    void withKeysAnyAddressIsAllowed(String bind) {
        CombotSettings settings = CombotSettings.from(Map.of("COMBOT_BIND", bind, "COMBOT_API_KEYS", KEYS));

        assertThat(settings.access().open()).isFalse();
        assertThat(settings.toString()).doesNotContain("ab".repeat(32));
    }
}
