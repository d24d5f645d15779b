package io.combot.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;

/**
 * The service's duration grammar, against the table the tools' {@code Durations} is tested with (from the tools'
 * test-jar): the two parsers cannot share code, since the tools never depend on the service, so they share cases.
 */
class DurationGrammarTest {
    @ParameterizedTest(name = "''{0}'' is {1}")
    @CsvFileSource(resources = "/io/combot/tools/ops/duration-grammar.csv", numLinesToSkip = 1)
    void configurationDurations(String text, String expected) {
        if (expected.equals("invalid")) {
            assertThatIllegalArgumentException().isThrownBy(() -> ConfigSource.parseDuration(text));
        } else {
            assertThat(ConfigSource.parseDuration(text)).isEqualTo(Duration.parse(expected));
        }
    }
}
