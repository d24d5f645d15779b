package io.combot.adapter.out.ml;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.stats.StatsCounter;
import io.combot.domain.model.Classification;
import io.combot.domain.port.out.ClassifyMessagePort;
import java.util.function.UnaryOperator;

/**
 * Gives a short text repeated word for word the answer the model gave it before, without running the model: chat
 * repeats "hi", "thanks" and "bye" all day. A cached answer is the model's own answer (the same object), crisis
 * included. One cache per loaded bot, dropped with it, so a reload never answers from the head it replaced; used only
 * without batching, where a text's answer is a function of the text alone.
 */
final class CachingClassifier implements ClassifyMessagePort {
    /**
     * Longer texts go straight to the model: repeats are short openers and thanks, and the cap bounds what one entry
     * holds (a key could otherwise be thousands of characters long).
     */
    static final int MAX_KEY_CHARS = 64;

    private final ClassifyMessagePort model;
    private final UnaryOperator<String> normalise;
    private final Cache<String, Classification> answers;

    /**
     * @param normalise what the model reads of a text: texts equal after it get the same answer, so share an entry
     * @param stats     counts hits and misses; shared by the caches of successive bots, so counts survive a reload
     */
    CachingClassifier(ClassifyMessagePort model, UnaryOperator<String> normalise, int size, StatsCounter stats) {
        this.model = model;
        this.normalise = normalise;
        // Evictions run on the caller's thread: a few pointer moves, and the size holds at once without a pool.
        this.answers = Caffeine.newBuilder().maximumSize(size).executor(Runnable::run).recordStats(() -> stats)
                .build();
    }

    @Override
    public Classification classify(String text) {
        String key = normalise.apply(text);
        if (key.length() > MAX_KEY_CHARS) {
            return model.classify(text);
        }
        Classification cached = answers.getIfPresent(key);
        if (cached != null) {
            return cached;
        }
        // Not answers.get(key, loader): that holds a lock of the map while the text waits for a model worker.
        Classification answer = model.classify(text);
        answers.put(key, answer);
        return answer;
    }

    @Override
    public int readsWholeUpTo() {
        return model.readsWholeUpTo();
    }

    long size() {
        return answers.estimatedSize();
    }
}
