package io.combot.tools.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;

class ShippedDefaultsTest {
    @Test
    void everyDurationOfTheFileReadsInTheServicesGrammar() {
        var durations = ShippedDefaults.load(ShippedDefaults.FILE).stringPropertyNames().stream()
                .filter(key -> key.matches(".*_(TIMEOUT|WAIT|INTERVAL|DURATION|LIFETIME|FOR_SLOT|RETRY_AFTER)"))
                .toList();

        assertThat(durations).hasSizeGreaterThan(10)
                .allSatisfy(key -> assertThat(ShippedDefaults.duration(key).isNegative()).as(key).isFalse());
    }

    @Test
    void anEmptyValueIsUnsetAsTheServiceReadsIt() {
        assertThat(ShippedDefaults.load(ShippedDefaults.FILE).getProperty("COMBOT_API_KEYS")).isEmpty();

        assertThat(ShippedDefaults.optional("COMBOT_API_KEYS")).isEmpty();
        assertThatIllegalArgumentException().isThrownBy(() -> ShippedDefaults.string("COMBOT_API_KEYS"))
                .withMessageContaining("COMBOT_API_KEYS has no value");
    }

    @Test
    void aKeyTheFileLacksIsNamed() {
        assertThatIllegalArgumentException().isThrownBy(() -> ShippedDefaults.integer("COMBOT_NO_SUCH_SETTING"))
                .withMessageContaining("COMBOT_NO_SUCH_SETTING");
    }
}
