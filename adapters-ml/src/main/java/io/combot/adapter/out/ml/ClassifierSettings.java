package io.combot.adapter.out.ml;

import java.nio.file.Path;
import java.time.Duration;
import java.util.OptionalDouble;

/**
 * How the intent classifier runs.
 *
 * @param workers         threads that run the model, each with its own predictor (DJL predictors are not thread-safe)
 * @param intraOpThreads  ONNX Runtime threads inside one model call; 1 is best when the workers fill the cores
 * @param batchSize       most texts one model call takes; 1 turns micro-batching off
 * @param batchWait       how long a worker waits for more texts to fill a batch; zero takes only what is queued
 * @param queueCapacity   texts that may wait for a worker; past that a call fails with a retry-after at once
 * @param retryAfter      the delay a caller is told to wait when the queue is full
 * @param maxTokens       tokens the model sees, the start of a longer text (MiniLM was trained on 256)
 * @param cacheSize       answers kept for short texts repeated word for word; 0 turns the cache off, and so does
 *                        batching, under which a text's answer may depend on its neighbours
 * @param crisisThreshold p(crisis) from which a text is a crisis whatever else scores higher; empty takes the
 *                        threshold tuned together with the bot's head weights
 * @param botDir          the folder of the bot to serve; null serves the bot shipped in the jar
 */
public record ClassifierSettings(int workers, int intraOpThreads, int batchSize, Duration batchWait,
                                 int queueCapacity, Duration retryAfter, int maxTokens, int cacheSize,
                                 OptionalDouble crisisThreshold, Path botDir) {
    public ClassifierSettings {
        require(workers >= 1, "workers must be at least 1, not " + workers);
        require(intraOpThreads >= 1, "intraOpThreads must be at least 1, not " + intraOpThreads);
        require(batchSize >= 1, "batchSize must be at least 1, not " + batchSize);
        require(batchWait != null && !batchWait.isNegative(), "batchWait must be zero or positive");
        require(queueCapacity >= 1, "queueCapacity must be at least 1, not " + queueCapacity);
        require(retryAfter != null && !retryAfter.isNegative(), "retryAfter must be zero or positive");
        require(maxTokens >= 8 && maxTokens <= 512, "maxTokens lies between 8 and 512 (the model's positions), not "
                + maxTokens);
        require(cacheSize >= 0, "cacheSize must be 0 (no cache) or more, not " + cacheSize);
        require(crisisThreshold != null, "crisisThreshold is a value or empty, not null");
        crisisThreshold.ifPresent(t -> require(t > 0.0 && t <= 1.0, "crisisThreshold lies in (0, 1], not " + t));
    }

    public ClassifierSettings withBatchSize(int size) {
        return new ClassifierSettings(workers, intraOpThreads, size, batchWait, queueCapacity, retryAfter, maxTokens,
                cacheSize, crisisThreshold, botDir);
    }

    public ClassifierSettings withCacheSize(int size) {
        return new ClassifierSettings(workers, intraOpThreads, batchSize, batchWait, queueCapacity, retryAfter,
                maxTokens, size, crisisThreshold, botDir);
    }

    /** Only without batching is a text's answer a function of the text alone, so only then may it be reused. */
    boolean cachesRepeats() {
        return cacheSize > 0 && batchSize == 1;
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }
}
