package io.combot.tools.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;

/** The tools read durations as the service does: the same table runs against bootstrap's ConfigSource. */
class DurationsTest {
    /** Shared with bootstrap's DurationGrammarTest through this module's test-jar. */
    static final String GRAMMAR = "/io/combot/tools/ops/duration-grammar.csv";

    @ParameterizedTest(name = "''{0}'' is {1}")
    @CsvFileSource(resources = GRAMMAR, numLinesToSkip = 1)
    void theServicesDurationGrammar(String text, String expected) {
        if (expected.equals("invalid")) {
            assertThatIllegalArgumentException().isThrownBy(() -> Durations.parse(text));
        } else {
            assertThat(Durations.parse(text)).isEqualTo(Duration.parse(expected));
        }
    }
}
