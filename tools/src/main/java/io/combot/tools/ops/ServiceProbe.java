package io.combot.tools.ops;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the running service's own figures from {@code GET /metrics} (Prometheus text), as any scraper would. */
public final class ServiceProbe {
    private static final Pattern SAMPLE = Pattern.compile("(?m)^([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{.*})? (\\S+)$");

    private final HttpClient client;
    private final URI base;

    public ServiceProbe(HttpClient client, URI base) {
        this.client = client;
        this.base = base;
    }

    public Scrape scrape() throws IOException, InterruptedException {
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(base.resolve("/metrics"))
                .timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException("GET /metrics answered " + response.statusCode());
        }
        return new Scrape(response.body());
    }

    /**
     * Asks for a full collection first ({@code POST /admin/gc}) when an admin token is given, so that the heap after
     * GC is measured at the same point every time; without one, the last collection's figure is read.
     */
    public void collectGarbage(String adminToken) throws IOException, InterruptedException {
        if (adminToken == null || adminToken.isBlank()) {
            return;
        }
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(base.resolve("/admin/gc"))
                .header("Authorization", "Bearer " + adminToken).timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException("POST /admin/gc answered " + response.statusCode());
        }
    }

    /** One scrape, queried by metric name and label fragments. */
    public record Scrape(String text) {
        /** The sum of the samples of {@code metric} whose labels contain every fragment; NaN when none. */
        public double sum(String metric, String... labelFragments) {
            double total = 0;
            boolean found = false;
            Matcher sample = SAMPLE.matcher(text);
            while (sample.find()) {
                String labels = sample.group(2) == null ? "" : sample.group(2);
                if (sample.group(1).equals(metric)
                        && java.util.Arrays.stream(labelFragments).allMatch(labels::contains)) {
                    double value = Double.parseDouble(sample.group(3));
                    if (value >= 0) {
                        total += value;
                        found = true;
                    }
                }
            }
            return found ? total : Double.NaN;
        }

        public double heapUsedBytes() {
            return sum("jvm_memory_used_bytes", "area=\"heap\"");
        }

        /** The pools' maxima; G1's young pools report none (-1), which {@link #sum} leaves out. */
        public double heapMaxBytes() {
            return sum("jvm_memory_max_bytes", "area=\"heap\"");
        }

        public double heapAfterGcBytes() {
            return sum("jvm_memory_heap_after_gc_bytes");
        }

        public double residentSetBytes() {
            return sum("process_resident_memory_bytes");
        }

        public double openFiles() {
            return sum("process_files_open_files");
        }

        public double liveThreads() {
            return sum("jvm_threads_live_threads");
        }

        /** Open connections of every database pool (HikariCP's own meters); NaN when the pools report none. */
        public double dbConnections() {
            return sum("hikaricp_connections");
        }

        public double dbActiveConnections() {
            return sum("hikaricp_connections_active");
        }
    }
}
