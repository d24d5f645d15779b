package io.combot.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bin/combot train DIR --labels FILE_OR_URL} on a small bot with the real model: labels from a file, and from
 * a URL served on loopback as the service's admin export is, behind its bearer token.
 */
class TrainWithLabelsTest {
    private static final String TOKEN = "admin-token-for-the-labels-test";
    /** A small bot that trains in seconds: two intents of a shop, and the shipped crisis examples. */
    private static final String YAML = """
            name: shop
            fallback_reply: The shop's own fallback.
            intents:
              - name: order_status
                route: reply
                replies: ["It is on its way."]
              - name: cancel_account
                route: llm
            """;
    private static final String LABELS = """
            # exported labels, oldest first
            order_status\twhere is my parcel, it has not come
            cancel_account\tplease close my account for good
            order_status\tWhere is my order 2
            refund\tI want my money back
            """;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final List<String> authorizations = new CopyOnWriteArrayList<>();
    private HttpServer export;
    private String url;

    @TempDir
    Path dir;

    @BeforeEach
    void writeTheBotAndServeItsLabels() throws IOException {
        Files.writeString(dir.resolve("bot.yaml"), YAML);
        Files.writeString(dir.resolve("train.tsv"), train(12, 12));
        export = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        export.createContext("/admin/labels.tsv", exchange -> {
            String authorization = exchange.getRequestHeaders().getFirst("Authorization");
            authorizations.add(String.valueOf(authorization));
            int status = authorization == null ? 401 : authorization.equals("Bearer " + TOKEN) ? 200 : 403;
            byte[] body = (status == 200 ? LABELS : "{\"status\": " + status + "}").getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        export.start();
        url = "http://127.0.0.1:" + export.getAddress().getPort() + "/admin/labels.tsv";
    }

    @AfterEach
    void stopTheExport() {
        export.stop(0);
    }

    @Test
    void labelsFromAFileAreMergedTrainedOnAndWrittenIntoTrainTsvWithTheModel() throws IOException {
        Path labels = Files.writeString(dir.resolve("labels.tsv"), LABELS);

        assertThat(trainWith(labels.toString(), null)).as(output()).isZero();

        assertTrainedWithTheLabels(labels.toAbsolutePath().toString());
    }

    @Test
    void labelsFromAUrlAreFetchedWithTheAdminToken() throws IOException {
        assertThat(trainWith(url, TOKEN)).as(output()).isZero();

        assertThat(authorizations).containsExactly("Bearer " + TOKEN);
        assertTrainedWithTheLabels(url);
    }

    @Test
    void aUrlThatWantsTheTokenIsExplainedInOneLineAndNothingIsTrained() throws IOException {
        byte[] trainTsv = Files.readAllBytes(dir.resolve("train.tsv"));

        assertThat(trainWith(url, null)).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).isEqualTo("train: " + url + " answered 401 Unauthorized: "
                + "set COMBOT_ADMIN_TOKEN to the service's admin token\n");

        assertThat(trainWith(url, "not-the-admin-token-of-it")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).endsWith("train: " + url + " answered 403 Forbidden: the "
                + "service refused COMBOT_ADMIN_TOKEN (not its admin token, or its admin endpoints are off)\n");

        export.stop(0);
        assertThat(trainWith(url, TOKEN)).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).endsWith("train: cannot connect to " + url
                + " (connection refused): is the service running there?\n").hasLineCount(3);

        assertThat(authorizations).containsExactly("null", "Bearer not-the-admin-token-of-it");
        assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
        assertThat(dir.resolve("model")).doesNotExist();
        assertThat(dir.resolve("train.tsv")).hasBinaryContent(trainTsv);
    }

    @Test
    void theWrittenFilesKeepTheirModeAndNewOnesAreReadableByAll() throws IOException {
        Path trainTsv = dir.resolve("train.tsv");
        Files.setPosixFilePermissions(trainTsv, PosixFilePermissions.fromString("rw-r-----"));
        Path labels = Files.writeString(dir.resolve("labels.tsv"), LABELS);

        assertThat(trainWith(labels.toString(), null)).as(output()).isZero();

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(trainTsv))).isEqualTo("rw-r-----");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("model/head.txt"))))
                .isEqualTo("rw-r--r--");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("model/report.txt"))))
                .isEqualTo("rw-r--r--");
        try (Stream<Path> left = Files.list(dir.resolve("model"))) {
            assertThat(left.map(path -> path.getFileName().toString())).containsExactlyInAnyOrder("head.txt",
                    "report.txt");
        }
    }

    @Test
    void plainHttpToAnotherMachineIsRefusedBeforeTheTokenIsSent() throws IOException {
        String elsewhere = "http://192.0.2.1:8080/admin/labels.tsv";

        assertThat(trainWith(elsewhere, TOKEN)).isEqualTo(2);

        assertThat(err.toString(StandardCharsets.UTF_8)).isEqualTo("train: the labels URL " + elsewhere + " is plain "
                + "http to another machine, which would send COMBOT_ADMIN_TOKEN in clear: use https, or http to "
                + "127.0.0.1 or localhost only\n");
        assertThat(dir.resolve("model")).doesNotExist();
    }

    @Test
    void anAnswerLargerThanAnyExportIsRefusedInOneLine() throws IOException {
        export.createContext("/huge.tsv", exchange -> {
            exchange.sendResponseHeaders(200, 0);
            byte[] line = "order_status\twhere is my parcel\n".getBytes(StandardCharsets.UTF_8);
            try (OutputStream body = exchange.getResponseBody()) {
                for (long sent = 0; sent <= 65L * 1024 * 1024; sent += line.length) {
                    body.write(line);
                }
            } catch (IOException e) {
                // the client stopped reading past its cap
            }
        });
        String huge = url.replace("/admin/labels.tsv", "/huge.tsv");

        assertThat(trainWith(huge, TOKEN)).isEqualTo(2);

        assertThat(err.toString(StandardCharsets.UTF_8)).isEqualTo("train: " + huge + " answered more than 64 MB, "
                + "which is no export of labels\n");
        assertThat(dir.resolve("model")).doesNotExist();
    }

    private void assertTrainedWithTheLabels(String from) throws IOException {
        assertThat(output()).contains("labels from " + from + ": 4 read, 2 merged, 1 dropped as duplicates, "
                        + "1 left out\n"
                        + "  labels line 5: 'I want my money back' under refund left out: intent refund is not "
                        + "defined in bot.yaml\n",
                "bot shop: 3 intents, " + (24 + 2 + crisisExamples()) + " training texts",
                "promotion gate passed", "wrote " + dir.resolve("train.tsv") + " with 2 labels merged");
        assertThat(Files.readString(dir.resolve("train.tsv"))).startsWith(train(12, 12))
                .contains("# 2 labels merged by bin/combot train --labels " + from + " on ")
                .endsWith("order_status\twhere is my parcel, it has not come\n"
                        + "cancel_account\tplease close my account for good\n");
        assertThat(Files.readString(dir.resolve("model/head.txt")))
                .contains("from train.tsv (" + (24 + 2 + crisisExamples()) + " texts)");
        assertThat(Files.readString(dir.resolve("model/report.txt"))).startsWith("labels from " + from + ": 4 read");
    }

    /** The shipped bot's crisis examples, which a bot without its own trains on. */
    private static long crisisExamples() throws IOException {
        try (InputStream shipped = TrainWithLabelsTest.class.getResourceAsStream("/bot/train.tsv")) {
            return new String(shipped.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(line -> line.startsWith("crisis\t")).count();
        }
    }

    /** {@code orders} lines of order_status, then {@code cancels} of cancel_account. */
    private static String train(int orders, int cancels) {
        return numbered("order_status", "Where is my order", orders)
                + numbered("cancel_account", "Please cancel my account", cancels);
    }

    private static String numbered(String intent, String text, int count) {
        return IntStream.rangeClosed(1, count).mapToObj(i -> intent + "\t" + text + " " + i + "\n")
                .collect(Collectors.joining());
    }

    private int trainWith(String labels, String token) {
        return BotCommands.train(dir, false, labels, token, CombotSettings.from(Map.of()).classifier(),
                CombotSettings.from(Map.of()).knowledge(),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String output() {
        return out.toString(StandardCharsets.UTF_8) + err.toString(StandardCharsets.UTF_8);
    }
}
