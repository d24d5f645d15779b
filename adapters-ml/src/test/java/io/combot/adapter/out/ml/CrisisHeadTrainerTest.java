package io.combot.adapter.out.ml;

import static org.assertj.core.api.Assertions.assertThat;

import io.combot.domain.model.Intent;
import io.combot.domain.model.LabelledText;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class CrisisHeadTrainerTest {
    private static final SyntheticEmbeddings CLUSTERS =
            SyntheticEmbeddings.clusters(300, 2, MiniLmEncoder.DIMENSIONS, 1.0, 1.0, 5);

    @Test
    void scoresEachExampleOutOfFoldInTheExamplesOrder() {
        List<LabelledText> examples = new ArrayList<>();
        List<float[]> embedded = new ArrayList<>();
        for (int i = 0; i < CLUSTERS.y().length; i++) {
            // Texts that say nothing of their class: the scores come from the embeddings, as the labels are dealt.
            examples.add(new LabelledText(CLUSTERS.y()[i] == 0 ? Intent.CRISIS : Intent.of("other"),
                    "message number " + i, i + 1));
            embedded.add(CLUSTERS.x()[i]);
        }
        examples.add(new LabelledText(Intent.of("other"), "MESSAGE NUMBER 1", examples.size() + 1));
        embedded.add(CLUSTERS.x()[1]);

        CrisisHeadTrainer.Result result = CrisisHeadTrainer.train(examples, embedded.toArray(float[][]::new),
                List.of(), texts -> new float[texts.size()][], 512, line -> { });

        double[] scores = result.outOfFoldScores();
        assertThat(scores).hasSize(examples.size());
        double[] crisis = IntStream.range(0, CLUSTERS.y().length).filter(i -> CLUSTERS.y()[i] == 0)
                .mapToDouble(i -> scores[i]).toArray();
        double[] other = IntStream.range(0, CLUSTERS.y().length).filter(i -> CLUSTERS.y()[i] == 1)
                .mapToDouble(i -> scores[i]).toArray();
        assertThat(Arrays.stream(crisis).filter(score -> score >= 0.5).count()).isGreaterThan(crisis.length * 9 / 10);
        assertThat(Arrays.stream(other).filter(score -> score < 0.5).count()).isGreaterThan(other.length * 9 / 10);
        assertThat(scores[examples.size() - 1]).as("a text differing only in case shares its row")
                .isEqualTo(scores[1]);
    }
}
