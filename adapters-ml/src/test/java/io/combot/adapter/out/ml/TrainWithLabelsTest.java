package io.combot.adapter.out.ml;

import static io.combot.adapter.out.ml.ShopBot.YAML;
import static io.combot.adapter.out.ml.ShopBot.train;
import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
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
        ShopBot.write(dir, YAML, train(12, 12));
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

    private static long crisisExamples() {
        return SharedBot.SHIPPED.train().stream().filter(example -> example.intent().label().equals("crisis")).count();
    }

    private int trainWith(String labels, String token) {
        return BotCommands.train(dir, false, labels, token, ShippedSettings.classifier(),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String output() {
        return out.toString(StandardCharsets.UTF_8) + err.toString(StandardCharsets.UTF_8);
    }
}
