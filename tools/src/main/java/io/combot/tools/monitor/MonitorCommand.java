package io.combot.tools.monitor;

import io.combot.tools.ops.CommandLine;
import io.combot.tools.ops.Durations;
import io.combot.tools.ops.ServiceProbe;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code monitor [--target URL] [--interval 5s] [--heap-alert 80%] [--rss-alert 1g] [--count N] [--exit-on-alert]}:
 * polls the running service's {@code /metrics} and prints a line per interval (heap used/max, heap after GC, RSS,
 * GC time, threads, requests in flight). Past a threshold it prints an ALERT line, and with {@code --exit-on-alert}
 * exits with status 3. {@code --count} stops after that many lines.
 */
public final class MonitorCommand {
    static final int ALERT_EXIT = 3;

    record Options(URI target, Duration interval, double heapAlertPercent, long rssAlertBytes, long count,
                   boolean exitOnAlert) {
    }

    private MonitorCommand() {
    }

    public static void main(String[] args) throws Exception {
        Options options = CommandLine.parseOrExit(args, MonitorCommand::parse,
                "monitor [--target URL] [--interval 5s] [--heap-alert 80%] [--rss-alert 1g] "
                        + "[--count N] [--exit-on-alert]");
        ServiceProbe probe = new ServiceProbe(HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build(),
                options.target());
        System.out.println(String.format(Locale.ROOT, "%-8s %19s %10s %10s %10s %8s %9s", "time", "heap used/max",
                "after GC", "RSS", "GC time", "threads", "in flight"));
        for (long line = 0; line < options.count(); line++) {
            if (line > 0) {
                Thread.sleep(options.interval().toMillis());
            }
            ServiceProbe.Scrape scrape;
            try {
                scrape = probe.scrape();
            } catch (java.io.IOException e) {
                System.out.println(LocalTime.now().truncatedTo(ChronoUnit.SECONDS) + " unreachable: " + e);
                continue;
            }
            System.out.println(line(scrape));
            List<String> alerts = alerts(scrape, options);
            alerts.forEach(alert -> System.out.println("ALERT " + alert));
            if (!alerts.isEmpty() && options.exitOnAlert()) {
                System.exit(ALERT_EXIT);
            }
        }
    }

    static Options parse(String... args) {
        URI target = URI.create("http://127.0.0.1:8080");
        Duration interval = Duration.ofSeconds(5);
        double heapAlert = Double.NaN;
        long rssAlert = -1;
        long count = Long.MAX_VALUE;
        boolean exitOnAlert = false;
        for (int i = 0; i < args.length; i++) {
            String flag = args[i];
            if (flag.equals("--exit-on-alert")) {
                exitOnAlert = true;
                continue;
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException("The flag " + flag + " needs a value");
            }
            String value = args[++i];
            switch (flag) {
                case "--target" -> target = URI.create(value);
                case "--interval" -> interval = Durations.parse(value);
                case "--heap-alert" -> heapAlert = Double.parseDouble(value.replace("%", ""));
                case "--rss-alert" -> rssAlert = Durations.bytes(value);
                case "--count" -> count = Long.parseLong(value);
                default -> throw new IllegalArgumentException("Unknown flag " + flag);
            }
        }
        return new Options(target, interval, heapAlert, rssAlert, count, exitOnAlert);
    }

    static String line(ServiceProbe.Scrape scrape) {
        return String.format(Locale.ROOT, "%-8s %8.1f/%7.1f MB %7.1f MB %7.1f MB %8.2f s %8.0f %9.0f",
                LocalTime.now().truncatedTo(ChronoUnit.SECONDS), mb(scrape.heapUsedBytes()), mb(scrape.heapMaxBytes()),
                mb(scrape.heapAfterGcBytes()), mb(scrape.residentSetBytes()), scrape.sum("jvm_gc_pause_seconds_sum"),
                scrape.sum("jvm_threads_live_threads"), scrape.sum("http_server_requests_in_flight"));
    }

    static List<String> alerts(ServiceProbe.Scrape scrape, Options options) {
        List<String> alerts = new ArrayList<>();
        double heapPercent = 100 * scrape.heapUsedBytes() / scrape.heapMaxBytes();
        if (!Double.isNaN(options.heapAlertPercent()) && heapPercent >= options.heapAlertPercent()) {
            alerts.add(String.format(Locale.ROOT, "heap at %.1f%% of max, threshold %.1f%%", heapPercent,
                    options.heapAlertPercent()));
        }
        if (options.rssAlertBytes() >= 0 && scrape.residentSetBytes() >= options.rssAlertBytes()) {
            alerts.add(String.format(Locale.ROOT, "RSS %.1f MB, threshold %.1f MB", mb(scrape.residentSetBytes()),
                    mb(options.rssAlertBytes())));
        }
        return alerts;
    }

    private static double mb(double bytes) {
        return bytes / (1 << 20);
    }
}
