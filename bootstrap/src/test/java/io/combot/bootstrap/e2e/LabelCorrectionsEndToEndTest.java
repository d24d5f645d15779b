package io.combot.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.combot.bootstrap.BotCommands;
import io.combot.bootstrap.CombotServer;
import io.combot.bootstrap.CombotSettings;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 28 item 4, as an operator meets it: an admin labels a message, {@code train --labels URL} merges the service's
 * export into a bot's train.tsv; the admin then relabels it, and later unlabels it, and each next merge replaces,
 * then takes out, the line the first one wrote. Lines written by hand are never touched.
 */
class LabelCorrectionsEndToEndTest {
    private static final String TOKEN = "admin-token-for-the-label-corrections-test";
    /** A small bot that trains in seconds, with two intents of the serving bot, so that its labels fit both. */
    private static final String YAML = """
            name: small
            fallback_reply: The small bot's fallback.
            intents:
              - name: greeting
                route: reply
                replies: ["Hello."]
              - name: smalltalk
                route: llm
            """;
    private static final String BY_HAND = numbered("greeting", "good morning friend") + "# written by hand\n"
            + numbered("smalltalk", "what a lovely day for a walk");

    @TempDir
    Path dataDir;
    @TempDir
    Path bot;

    @Test
    void aRelabelReplacesTheMergedLineAndAnUnlabelTakesItOut() throws Exception {
        Files.writeString(bot.resolve("bot.yaml"), YAML);
        Files.writeString(bot.resolve("train.tsv"), BY_HAND);
        try (CombotServer server = InProcessService.start(dataDir, Map.of("COMBOT_ADMIN_TOKEN", TOKEN))) {
            Api client = new Api(server.port());
            Api admin = new Api(server.port(), TOKEN);
            String url = "http://127.0.0.1:" + server.port() + "/admin/labels.tsv";
            String session = client.post("/api/v1/sessions", "application/json", "").json().get("id").asString();
            Api.Reply sent = client.postJson("/api/v1/sessions/" + session + "/messages",
                    "{\"content\": \"qzx vlorp 7 brrr\"}");
            assertThat(sent.status()).as(sent.body()).isEqualTo(200);
            String message = sent.json().get("userMessage").get("id").asString();

            label(admin, message, "smalltalk");
            String merged = train(url);
            assertThat(merged).startsWith(BY_HAND).contains("\nsmalltalk\tqzx vlorp 7 brrr\t# message " + message + "\n");

            label(admin, message, "greeting");
            String relabelled = train(url);
            assertThat(relabelled).startsWith(BY_HAND)
                    .contains("\ngreeting\tqzx vlorp 7 brrr\t# message " + message + "\n")
                    .doesNotContain("smalltalk\tqzx vlorp");

            assertThat(admin.delete("/admin/review/" + message).status()).isEqualTo(204);
            assertThat(admin.get("/admin/labels.tsv").body().lines()).contains("# unlabelled " + message);
            String unlabelled = train(url);
            assertThat(unlabelled).startsWith(BY_HAND).doesNotContain("qzx vlorp").doesNotContain(message);
        }
    }

    private static void label(Api admin, String message, String intent) {
        Api.Reply labelled = admin.send("PUT", "/admin/review/" + message, "application/json",
                ("{\"intent\": \"" + intent + "\"}").getBytes(StandardCharsets.UTF_8));
        assertThat(labelled.status()).as(labelled.body()).isEqualTo(200);
    }

    /** Trains the small bot with the service's labels (forced: the gate is not what this tests); its train.tsv. */
    private String train(String url) throws Exception {
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        PrintStream print = new PrintStream(output, true, StandardCharsets.UTF_8);
        int exit = BotCommands.train(bot, true, url, TOKEN, CombotSettings.from(Map.of()).classifier(),
                CombotSettings.from(Map.of()).knowledge(), print, print);
        assertThat(exit).as(output.toString(StandardCharsets.UTF_8)).isZero();
        return Files.readString(bot.resolve("train.tsv"));
    }

    private static String numbered(String intent, String text) {
        return IntStream.rangeClosed(1, 12).mapToObj(i -> intent + "\t" + text + " " + i + "\n")
                .collect(Collectors.joining());
    }
}
