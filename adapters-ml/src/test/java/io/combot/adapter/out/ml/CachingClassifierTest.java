package io.combot.adapter.out.ml;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.benmanes.caffeine.cache.stats.ConcurrentStatsCounter;
import io.combot.domain.model.Classification;
import io.combot.domain.model.Intent;
import io.combot.domain.port.out.ClassifyMessagePort;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The cache alone, in front of a model that counts its calls; the key is the real encoder's cleaning. */
class CachingClassifierTest {
    private final List<String> modelCalls = new ArrayList<>();
    private final ClassifyMessagePort model = text -> {
        modelCalls.add(text);
        return new Classification(Intent.of("greeting"), 0.9, Map.of(Intent.of("greeting"), 0.9), "v-" + text);
    };
    private final ConcurrentStatsCounter stats = new ConcurrentStatsCounter();

    private CachingClassifier cache(int size) {
        return new CachingClassifier(model, SharedEncoder.get()::clean, size, stats);
    }

    @Test
    void aRepeatGetsTheFirstAnswerWithoutTheModel() {
        CachingClassifier cache = cache(100);

        Classification first = cache.classify("hi");
        Classification again = cache.classify("hi");

        assertThat(again).isSameAs(first);
        assertThat(modelCalls).containsExactly("hi");
        assertThat(stats.snapshot().hitCount()).isEqualTo(1);
        assertThat(stats.snapshot().missCount()).isEqualTo(1);
        assertThat(cache.size()).isEqualTo(1);
    }

    @Test
    void textsTheModelReadsAlikeShareAnEntryAndOthersDoNot() {
        CachingClassifier cache = cache(100);

        // a control character reaches the tokenizer as a space; case is the tokenizer's business, not the cache's
        Classification spaced = cache.classify("hi ");
        assertThat(cache.classify("hi\u0007")).isSameAs(spaced);
        assertThat(cache.classify("Hi ")).isNotSameAs(spaced);
        assertThat(cache.classify(null)).isSameAs(cache.classify(""));

        assertThat(modelCalls).containsExactly("hi ", "Hi ", null);
    }

    @Test
    void aLongTextGoesToTheModelEveryTime() {
        CachingClassifier cache = cache(100);
        String longest = "x".repeat(CachingClassifier.MAX_KEY_CHARS);
        String tooLong = longest + "y";

        cache.classify(longest);
        cache.classify(longest);
        cache.classify(tooLong);
        cache.classify(tooLong);

        assertThat(modelCalls).containsExactly(longest, tooLong, tooLong);
        assertThat(cache.size()).isEqualTo(1);
    }

    @Test
    void itHoldsNoMoreThanItsSize() {
        CachingClassifier cache = cache(2);

        for (String text : List.of("hi", "hello", "hey", "thanks", "bye")) {
            cache.classify(text);
        }

        assertThat(cache.size()).isEqualTo(2);
        assertThat(stats.snapshot().evictionCount()).isEqualTo(3);
    }
}
