package io.combot.tools.loadtest;

import io.combot.tools.ops.CommandLine;
import io.combot.tools.ops.Durations;
import io.combot.tools.ops.ServiceProbe;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.HdrHistogram.Histogram;

/**
 * {@code loadtest [--users 50] [--duration 30s] [--rounds 5] [--target URL] [--out DIR] [--max-requests N]
 * [--scenario chat|classify] [--verdict full|guard] [--rate R]}: rounds of virtual users against a running service,
 * each sending when its last answer came (closed model) or, with a rate, on a fixed schedule with latencies counted
 * from when each request was due (open model; see {@link VirtualUsers}). During a
 * round the server's RSS and busy database connections are sampled for their peaks; after it, heap after GC, RSS,
 * open files, threads and database connections are read from its {@code /metrics} (after a full GC through
 * {@code POST /admin/gc} when {@code COMBOT_ADMIN_TOKEN} is set). Prints a table, writes {@code loadtest.csv} and
 * {@code loadtest.html} (latency and memory per round) into the out folder; with {@code --verdict}, the soak
 * benchmark's verdicts, and the exit status follows them.
 */
public final class LoadTestCommand {
    /** @param rate requests per second over all users (the open model); 0 runs the closed model */
    record Options(int users, Duration duration, int rounds, URI target, Path out, long maxRequests,
                   VirtualUsers.Scenario scenario, SoakVerdict.Mode verdict, double rate) {
        Options {
            if (users < 1 || rounds < 1 || maxRequests < 1 || duration.isZero() || duration.isNegative()) {
                throw new IllegalArgumentException("users, rounds, max-requests and duration must be positive");
            }
            if (!(rate >= 0) || Double.isInfinite(rate)) {
                throw new IllegalArgumentException("rate is a number of requests per second, 0 or more, not " + rate);
            }
        }
    }

    private LoadTestCommand() {
    }

    public static void main(String[] args) throws Exception {
        Options options = CommandLine.parseOrExit(args, LoadTestCommand::parse,
                "loadtest [--users 50] [--duration 30s] [--rounds 5] [--target URL] "
                        + "[--out DIR] [--max-requests N] [--scenario chat|classify] [--verdict full|guard] [--rate R]");
        List<RoundResult> rounds = run(options, System.getenv("COMBOT_ADMIN_TOKEN"));
        boolean passed;
        if (options.verdict() == null) {
            passed = rounds.stream().mapToLong(RoundResult::errors).sum() == 0;
        } else {
            List<SoakVerdict.Line> verdicts = SoakVerdict.judge(rounds, options.verdict());
            verdicts.forEach(line -> System.out.println(SoakVerdict.describe(line)));
            passed = SoakVerdict.passed(verdicts);
            System.out.println(options.verdict() == SoakVerdict.Mode.FULL
                    ? (passed ? "verdict: every target met" : "verdict: some targets MISSED")
                    : (passed ? "guard: passed (it fails only on errors or RSS growth over 25%)" : "guard: FAILED"));
        }
        System.exit(passed ? 0 : 1);
    }

    static Options parse(String... args) {
        int users = 50;
        Duration duration = Duration.ofSeconds(30);
        int rounds = 5;
        URI target = URI.create("http://127.0.0.1:8080");
        Path out = Path.of("loadtest-results");
        long maxRequests = 1_000_000;
        VirtualUsers.Scenario scenario = VirtualUsers.Scenario.CHAT;
        SoakVerdict.Mode verdict = null;
        double rate = 0;
        for (int i = 0; i < args.length; i += 2) {
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException("The flag " + args[i] + " needs a value");
            }
            String value = args[i + 1];
            switch (args[i]) {
                case "--users" -> users = Integer.parseInt(value);
                case "--duration" -> duration = Durations.parse(value);
                case "--rounds" -> rounds = Integer.parseInt(value);
                case "--target" -> target = URI.create(value);
                case "--out" -> out = Path.of(value);
                case "--max-requests" -> maxRequests = Long.parseLong(value);
                case "--scenario" -> scenario = VirtualUsers.Scenario.valueOf(value.toUpperCase(Locale.ROOT));
                case "--verdict" -> verdict = SoakVerdict.Mode.valueOf(value.toUpperCase(Locale.ROOT));
                case "--rate" -> rate = Double.parseDouble(value);
                default -> throw new IllegalArgumentException("Unknown flag " + args[i]);
            }
        }
        return new Options(users, duration, rounds, target, out, maxRequests, scenario, verdict, rate);
    }

    static List<RoundResult> run(Options options, String adminToken) throws Exception {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        ServiceProbe probe = new ServiceProbe(client, options.target());
        VirtualUsers users = new VirtualUsers(client, options.target(), options.scenario(), options.rate());
        Files.createDirectories(options.out());
        String model = users.openModel()
                ? String.format(Locale.ROOT, "open model, %.1f requests/s; latencies from when each request was due, "
                        + "corrected for coordinated omission", options.rate())
                : "closed model: each user waits for its answer, latencies not corrected for coordinated omission "
                        + "(--rate R runs the open model)";
        System.out.printf(Locale.ROOT, "loadtest: %d users, %d rounds of %s against %s (%s); %s%n", options.users(),
                options.rounds(), options.duration(), options.target(),
                options.scenario().name().toLowerCase(Locale.ROOT), model);
        System.out.println(RoundResult.TABLE_HEADER);
        List<RoundResult> results = new ArrayList<>();
        for (int round = 1; round <= options.rounds(); round++) {
            VirtualUsers.Tally tally = new VirtualUsers.Tally();
            PeakSampler peaks = new PeakSampler(probe);
            long start = System.nanoTime();
            Histogram latencies;
            try {
                latencies = users.run(options.users(), options.duration(), options.maxRequests(), tally);
            } finally {
                peaks.close();
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            probe.collectGarbage(adminToken);
            ServiceProbe.Scrape after = probe.scrape();
            RoundResult result = new RoundResult(round, tally.requests.get(), tally.errors.get(),
                    tally.unavailable.get(), tally.messages.get(), seconds, millis(latencies, 50),
                    millis(latencies, 95), millis(latencies, 99), after.heapAfterGcBytes(), after.residentSetBytes(),
                    peaks.peakResidentSetBytes(), after.openFiles(), after.liveThreads(), after.dbConnections(),
                    peaks.peakDbActive());
            results.add(result);
            System.out.println(result.tableRow());
        }
        Path csv = options.out().resolve("loadtest.csv");
        Path html = options.out().resolve("loadtest.html");
        LoadReport.writeCsv(csv, results);
        LoadReport.writeHtml(html, "Combot load test, " + Instant.now() + ": " + options.users() + " users, "
                + options.duration() + " rounds, " + model, results);
        System.out.println("loadtest: wrote " + csv + " and " + html);
        return results;
    }

    private static double millis(Histogram latencies, double percentile) {
        return latencies.getTotalCount() == 0 ? 0 : latencies.getValueAtPercentile(percentile) / 1000.0;
    }
}
