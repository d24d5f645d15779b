package io.combot.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code combot.jar train DIR --labels FILE_OR_URL} as the command line gives it: the arguments, and
 * COMBOT_ADMIN_TOKEN from the environment on the request for the labels. Neither run gets as far as training.
 */
class TrainCommandLineTest {
    private static final String TOKEN = "admin-token-for-the-command-line";

    @TempDir
    Path dir;

    @Test
    void labelsWithoutAFileOrUrlOrForNewBotAreAUsageError() throws Exception {
        for (List<String> args : List.of(List.of("train", dir.toString(), "--labels"),
                List.of("train", dir.toString(), "--labels", "a.tsv", "--labels", "b.tsv"),
                List.of("new-bot", dir.toString(), "--labels", "a.tsv"))) {
            ServiceProcess run = ServiceProcess.run(Map.of(), args.toArray(String[]::new));

            assertThat(run.exitCode()).as(args + ": " + run.output()).isEqualTo(2);
            assertThat(run.output()).as(args.toString())
                    .isEqualTo("usage: combot.jar [new-bot DIR | train DIR [--force] [--labels FILE_OR_URL]]\n");
        }
    }

    @Test
    void aLabelsUrlIsFetchedWithTheAdminTokenOfTheEnvironment() throws Exception {
        List<String> authorizations = new CopyOnWriteArrayList<>();
        HttpServer export = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        export.createContext("/admin/labels.tsv", exchange -> {
            authorizations.add(exchange.getRequestHeaders().getFirst("Authorization"));
            byte[] body = "export failed".getBytes();
            exchange.sendResponseHeaders(500, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        export.start();
        String url = "http://127.0.0.1:" + export.getAddress().getPort() + "/admin/labels.tsv?since=2026-11-01";
        try {
            ServiceProcess run = ServiceProcess.run(Map.of("COMBOT_ADMIN_TOKEN", TOKEN), "train", dir.toString(),
                    "--labels", url, "--force");

            assertThat(run.exitCode()).as(run.output()).isEqualTo(2);
            assertThat(run.output()).isEqualTo("train: " + url + " answered 500: export failed\n");
            assertThat(authorizations).containsExactly("Bearer " + TOKEN);
        } finally {
            export.stop(0);
        }
    }
}
