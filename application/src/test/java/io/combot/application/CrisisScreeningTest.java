package io.combot.application;

import static org.assertj.core.api.Assertions.assertThat;

import io.combot.domain.model.Classification;
import io.combot.domain.model.CrisisPart;
import io.combot.domain.model.Intent;
import io.combot.domain.port.out.ClassifyMessagePort;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CrisisScreeningTest {
    /** Calls crisis any text that says "die", and counts the texts it was given. */
    private static final class WordClassifier implements ClassifyMessagePort {
        final List<String> seen = new ArrayList<>();

        @Override
        public Classification classify(String text) {
            seen.add(text);
            boolean crisis = text.contains("die") && text.length() < 60;
            return new Classification(crisis ? Intent.CRISIS : Intent.of("thanks"), crisis ? 0.9 : 0.8,
                    Map.of(Intent.of("thanks"), 0.8, Intent.CRISIS, 0.1), "test-1");
        }

        @Override
        public int readsWholeUpTo() {
            return 100;
        }
    }

    private final WordClassifier classifier = new WordClassifier();

    @Test
    void aMessageOfOneSentenceIsClassifiedOnce() {
        Classification result = CrisisScreening.classify(classifier, "Thanks, the reset worked");

        assertThat(classifier.seen).containsExactly("Thanks, the reset worked");
        assertThat(result.intent()).isEqualTo(Intent.of("thanks"));
        assertThat(result.crisisPart()).isNull();
    }

    @Test
    void aCrisisSentenceAmongOrdinaryOnesMakesTheMessageACrisisAndNamesThePart() {
        String text = "Thanks for the help earlier, the password reset worked fine for me. I want to die. Bye.";

        Classification result = CrisisScreening.classify(classifier, text);

        assertThat(result.intent()).isEqualTo(Intent.CRISIS);
        assertThat(result.confidence()).isEqualTo(0.9);
        assertThat(result.crisisPart()).isEqualTo(new CrisisPart(1, 3, 0.9));
        assertThat(result.scores()).containsEntry(Intent.of("thanks"), 0.8);
        assertThat(classifier.seen).containsExactly(text, "Thanks for the help earlier, the password reset worked "
                + "fine for me.", "I want to die.");
    }

    @Test
    void anOrdinaryMessageOfSeveralSentencesKeepsTheWholeMessagesIntent() {
        Classification result = CrisisScreening.classify(classifier, "Thanks. That worked. Bye.");

        assertThat(result.intent()).isEqualTo(Intent.of("thanks"));
        assertThat(result.crisisPart()).isNull();
        assertThat(classifier.seen).hasSize(4);
    }

    @Test
    void aWholeMessageThatIsACrisisIsNotSplit() {
        CrisisScreening.classify(classifier, "Bye. I want to die.");

        assertThat(classifier.seen).containsExactly("Bye. I want to die.");
    }
}
