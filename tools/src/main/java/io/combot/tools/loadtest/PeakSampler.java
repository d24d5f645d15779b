package io.combot.tools.loadtest;

import io.combot.tools.ops.ServiceProbe;
import java.io.IOException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Scrapes the server once a second while a round runs and keeps the peaks: the figures read after a round (and a GC)
 * show what is retained, these show what the load itself took. One daemon thread, stopped by {@link #close()}.
 */
final class PeakSampler implements AutoCloseable {
    private static final long INTERVAL_MILLIS = 1000;

    private final ServiceProbe probe;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "loadtest-peak-sampler");
        thread.setDaemon(true);
        return thread;
    });
    private double peakResidentSetBytes = Double.NaN;
    private double peakDbActive = Double.NaN;

    PeakSampler(ServiceProbe probe) {
        this.probe = probe;
        timer.scheduleWithFixedDelay(this::sample, 0, INTERVAL_MILLIS, TimeUnit.MILLISECONDS);
    }

    private void sample() {
        try {
            ServiceProbe.Scrape scrape = probe.scrape();
            synchronized (this) {
                peakResidentSetBytes = max(peakResidentSetBytes, scrape.residentSetBytes());
                peakDbActive = max(peakDbActive, scrape.dbActiveConnections());
            }
        } catch (IOException e) {
            // A scrape that fails under load is a missing sample, not a failed round.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Stops sampling, then takes one last sample so that a round shorter than the interval still has peaks. A running
     * scrape is let finish: interrupting it could leave the shared HttpClient's connect thread interrupted, which
     * closes the next connection it opens.
     */
    @Override
    public void close() throws InterruptedException {
        timer.shutdown();
        timer.awaitTermination(15, TimeUnit.SECONDS);
        sample();
    }

    synchronized double peakResidentSetBytes() {
        return peakResidentSetBytes;
    }

    synchronized double peakDbActive() {
        return peakDbActive;
    }

    private static double max(double peak, double value) {
        return Double.isNaN(peak) || value > peak ? value : peak;
    }
}
