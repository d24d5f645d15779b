package io.combot.adapter.out.ml;

import io.combot.domain.port.out.EmbedTextsPort;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The service's one MiniLM encoder as an {@link EmbedTextsPort}, through the same bounded workers the classifier uses:
 * each text waits on the queue and is embedded as it would be to be classified.
 */
final class DjlTextEmbedder implements EmbedTextsPort {
    private final EmbeddingWorkers workers;
    private final String encoderVersion;

    DjlTextEmbedder(EmbeddingWorkers workers, byte[] encoderDigest) {
        this.workers = workers;
        this.encoderVersion = ModelVersion.of(encoderDigest, new byte[0]);
    }

    @Override
    public List<float[]> embed(List<String> texts) {
        if (texts.size() <= 1) {
            return texts.stream().map(workers::embed).toList();
        }
        // One caller per worker keeps every worker busy without overflowing the shared queue.
        ExecutorService callers = Executors.newFixedThreadPool(Math.min(workers.size(), texts.size()));
        try {
            List<Future<float[]>> pending = texts.stream().map(text -> callers.submit(() -> workers.embed(text)))
                    .toList();
            List<float[]> vectors = new ArrayList<>(texts.size());
            for (Future<float[]> each : pending) {
                vectors.add(each.get());
            }
            return vectors;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while embedding texts", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : new IllegalStateException(e.getCause());
        } finally {
            callers.shutdownNow();
        }
    }

    @Override
    public int readsWholeUpTo() {
        return workers.readsWholeUpTo();
    }

    @Override
    public int dimensions() {
        return MiniLmEncoder.DIMENSIONS;
    }

    @Override
    public String encoderVersion() {
        return encoderVersion;
    }
}
