package io.combot.domain.port.out;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

/** What every {@link EmbedTextsPort} does; each adapter and the in-memory double extend this once. */
public abstract class EmbedTextsPortContract {
    protected abstract EmbedTextsPort embedder();

    @Test
    void everyTextGetsAUnitVectorInOrder() {
        List<String> texts = List.of("How do I reset my password?", "", "🙂", "broken \uD800 surrogate");
        List<float[]> vectors = embedder().embed(texts);
        assertThat(vectors).hasSize(texts.size());
        for (float[] vector : vectors) {
            assertThat(vector).hasSize(embedder().dimensions());
            assertThat(norm(vector)).isCloseTo(1.0, within(1e-3));
        }
    }

    @Test
    void aTextGetsTheSameVectorAloneAndAmongOthers() {
        String text = "Where is my parcel?";
        float[] alone = embedder().embed(List.of(text)).get(0);
        float[] among = embedder().embed(List.of("Hello there", text, "Thanks a lot")).get(1);
        assertThat(dot(alone, among)).isCloseTo(1.0, within(1e-4));
    }

    @Test
    void relatedTextsAreCloserThanUnrelatedOnes() {
        List<float[]> v = embedder().embed(List.of("reset my password", "I forgot my password",
                "the weather is sunny at the beach"));
        assertThat(dot(v.get(0), v.get(1))).isGreaterThan(dot(v.get(0), v.get(2)));
    }

    @Test
    void noTextsGiveNoVectors() {
        assertThat(embedder().embed(List.of())).isEmpty();
    }

    @Test
    void theEncoderIsNamed() {
        assertThat(embedder().encoderVersion()).isNotBlank();
    }

    private static double norm(float[] v) {
        return Math.sqrt(dot(v, v));
    }

    private static double dot(float[] a, float[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += a[i] * b[i];
        }
        return sum;
    }
}
