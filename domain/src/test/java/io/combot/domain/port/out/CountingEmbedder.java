package io.combot.domain.port.out;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;

/**
 * A {@link HashingEmbedder} that counts the texts it embeds and tells each call's size to a listener, so that a test
 * sees which passages a build reused and how it batched the rest.
 */
public final class CountingEmbedder implements EmbedTextsPort {
    private final HashingEmbedder embedder = new HashingEmbedder();
    private final AtomicInteger texts = new AtomicInteger();
    private final IntConsumer calls;

    public CountingEmbedder() {
        this(size -> { });
    }

    /** {@code calls}: told the number of texts of each call, before they are embedded. */
    public CountingEmbedder(IntConsumer calls) {
        this.calls = calls;
    }

    @Override
    public List<float[]> embed(List<String> batch) {
        calls.accept(batch.size());
        texts.addAndGet(batch.size());
        return embedder.embed(batch);
    }

    /** The texts embedded since this double was made or last reset. */
    public int texts() {
        return texts.get();
    }

    public void reset() {
        texts.set(0);
    }

    @Override
    public int dimensions() {
        return embedder.dimensions();
    }

    @Override
    public String encoderVersion() {
        return embedder.encoderVersion();
    }
}
