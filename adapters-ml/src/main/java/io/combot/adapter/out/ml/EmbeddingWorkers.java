package io.combot.adapter.out.ml;

import ai.djl.inference.Predictor;
import ai.djl.translate.TranslateException;
import io.combot.domain.error.CapacityExceededException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;

/**
 * A bounded queue of texts and a fixed set of worker threads, each owning one predictor for its whole life. A worker
 * takes the first waiting text, then more (up to the batch size, waiting at most the batch wait), tokenizes them and
 * runs them through the model in one call. A full queue refuses a text at once rather than letting callers pile up.
 * Only the workers touch the native tokenizer and model, so closing waits for them and then frees both safely.
 */
final class EmbeddingWorkers implements AutoCloseable {
    /** @param alone run in a batch of its own, so that padding and per-batch quantization cannot move it */
    private record Job(String text, CompletableFuture<float[]> result, boolean alone) {
    }

    private final MiniLmEncoder encoder;
    private final BlockingQueue<Job> queue;
    private final List<Thread> threads = new ArrayList<>();
    private final int batchSize;
    private final long batchWaitNanos;
    private final Duration retryAfter;
    private volatile boolean open = true;

    EmbeddingWorkers(MiniLmEncoder encoder, ClassifierSettings settings) {
        this.encoder = encoder;
        this.queue = new ArrayBlockingQueue<>(settings.queueCapacity());
        this.batchSize = settings.batchSize();
        this.batchWaitNanos = settings.batchWait().toNanos();
        this.retryAfter = settings.retryAfter();
        for (int i = 0; i < settings.workers(); i++) {
            Predictor<TokenBatch, float[][]> predictor = encoder.newPredictor();
            Thread thread = new Thread(() -> work(predictor), "minilm-worker-" + i);
            thread.setDaemon(true);
            threads.add(thread);
        }
        threads.forEach(Thread::start);
    }

    /** The sentence embedding of one text, computed alone or within a batch of queued texts. */
    float[] embed(String text) {
        return submit(new Job(text, new CompletableFuture<>(), false));
    }

    /** The sentence embedding of one text computed alone, as with a batch size of 1. */
    float[] embedAlone(String text) {
        return submit(new Job(text, new CompletableFuture<>(), true));
    }

    /** Whether texts may share a model call, and so get slightly different embeddings than alone. */
    boolean batches() {
        return batchSize > 1;
    }

    private float[] submit(Job job) {
        if (!open || !queue.offer(job)) {
            throw new CapacityExceededException(open ? "The classifier queue is full" : "The classifier is closed",
                    retryAfter);
        }
        // close() may have drained the queue between the check and the offer: nobody would ever take this job.
        if (!open && queue.remove(job)) {
            throw new CapacityExceededException("The classifier is closed", retryAfter);
        }
        try {
            return job.result().join();
        } catch (CancellationException e) {
            throw new CapacityExceededException("The classifier closed before it read the text", retryAfter);
        } catch (CompletionException e) {
            throw new IllegalStateException("The model failed on a text", e.getCause());
        }
    }

    int readsWholeUpTo() {
        return encoder.readsWholeUpTo();
    }

    /** How many texts are embedded at once, one per worker thread. */
    int size() {
        return threads.size();
    }

    boolean isOpen() {
        return open;
    }

    private void work(Predictor<TokenBatch, float[][]> predictor) {
        try (predictor) {
            List<Job> batch = new ArrayList<>(batchSize);
            while (open) {
                batch.clear();
                if (collect(predictor, batch)) {
                    run(predictor, batch);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Blocks for the first job, then gathers more up to the batch size or the batch wait, whichever comes first. A job
     * to be read alone is a batch of its own: run at once when it comes while others are gathered.
     */
    private boolean collect(Predictor<TokenBatch, float[][]> predictor, List<Job> batch) throws InterruptedException {
        Job first = queue.poll(100, TimeUnit.MILLISECONDS);
        if (first == null) {
            return false;
        }
        batch.add(first);
        if (first.alone()) {
            return true;
        }
        long deadline = System.nanoTime() + batchWaitNanos;
        while (batch.size() < batchSize) {
            long left = deadline - System.nanoTime();
            Job next = left > 0 ? queue.poll(left, TimeUnit.NANOSECONDS) : queue.poll();
            if (next == null) {
                break;
            }
            if (next.alone()) {
                run(predictor, List.of(next));
                continue;
            }
            batch.add(next);
        }
        return true;
    }

    private void run(Predictor<TokenBatch, float[][]> predictor, List<Job> batch) {
        try {
            List<long[]> tokens = batch.stream().map(job -> encoder.tokenize(job.text())).toList();
            float[][] embeddings = predictor.predict(TokenBatch.pad(tokens));
            for (int i = 0; i < batch.size(); i++) {
                batch.get(i).result().complete(embeddings[i]);
            }
        } catch (TranslateException | RuntimeException e) {
            batch.forEach(job -> job.result().completeExceptionally(e));
        }
    }

    /** Stops taking texts, cancels those still queued, and waits for the workers to close their predictors. */
    @Override
    public void close() {
        open = false;
        for (Job job = queue.poll(); job != null; job = queue.poll()) {
            job.result().cancel(false);
        }
        for (Thread thread : threads) {
            try {
                thread.join(TimeUnit.SECONDS.toMillis(10));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
