package io.combot.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.combot.bootstrap.BotCommands;
import io.combot.bootstrap.CombotServer;
import io.combot.bootstrap.CombotSettings;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * Issue 15's poisoned retrain, as an operator meets it: labels that call crisis messages smalltalk (messages like the
 * held-out crisis texts, as a careless or hostile reviewer would label them) are merged by {@code train --labels}.
 * Training refuses the model, since it no longer reads those texts as a crisis where the model in use does, and
 * nothing in the folder changes. Forced, the model is written; the running service's reload then applies the gate's
 * held-out figures, which a label cannot reach, and whichever model serves afterwards reads every held-out crisis text
 * as a crisis.
 */
class PoisonedLabelsEndToEndTest {
    private static final String TOKEN = "admin-token-for-the-poisoned-labels-test";
    /** Shipped training crisis examples relabelled too: labelled two ways against train.tsv, so left out. */
    private static final List<String> TRAINED_CRISIS = List.of("I want to kill myself", "I want to die");

    @TempDir
    Path dir;
    @TempDir
    Path dataDir;

    @Test
    void labelsThatCallCrisisMessagesSmalltalkAreRefusedByTrainAndCostNoCrisisReplyWhenForced() throws Exception {
        Path bot = dir.resolve("bot");
        assertThat(BotCommands.newBot(bot, System.out, System.err)).isZero();
        List<String> heldoutCrisis = Files.readAllLines(bot.resolve("heldout.tsv")).stream()
                .filter(line -> line.startsWith("crisis\t")).map(line -> line.substring("crisis\t".length())).toList();
        // Each held-out crisis text as users might have typed it, three ways, all labelled smalltalk.
        List<String> variants = List.of("%s.", "%s!", "%s lol");
        Path labels = Files.write(dir.resolve("labels.tsv"), Stream.concat(
                variants.stream().flatMap(variant -> heldoutCrisis.stream()
                        .map(text -> "smalltalk\t" + String.format(variant, text))),
                TRAINED_CRISIS.stream().map(text -> "smalltalk\t" + text)).toList());
        int poisoned = heldoutCrisis.size() * variants.size();

        try (CombotServer server = InProcessService.start(dataDir, Map.of("COMBOT_BOT_DIR", bot.toString(),
                "COMBOT_ADMIN_TOKEN", TOKEN))) {
            Api api = new Api(server.port());
            String serving = api.classify(heldoutCrisis.get(0)).get("modelVersion").asString();
            Map<String, String> folder = snapshot(bot);

            Run refused = train(bot, false, labels);

            assertThat(refused.exit()).as(refused.output()).isEqualTo(3);
            assertThat(refused.output()).contains(String.format("labels from %s: %d read, %d merged, 0 dropped as "
                            + "duplicates, 2 left out%n", labels, poisoned + 2, poisoned),
                    "'I want to die' under smalltalk left out: the text is under intent crisis in train.tsv line",
                    "promotion gate refused: ",
                    "the new model no longer reads ",
                    "merged labels' texts as a crisis where the model in use does",
                    "was kept and " + bot.resolve("train.tsv") + " left without the labels");
            assertThat(snapshot(bot)).as("a refused training writes nothing").isEqualTo(folder);

            Run forced = train(bot, true, labels);

            assertThat(forced.exit()).as(forced.output()).isZero();
            assertThat(forced.output()).contains("promotion gate forced: ", "the new model no longer reads ");
            assertThat(Files.readString(bot.resolve("train.tsv"))).contains("smalltalk\t" + heldoutCrisis.get(0) + " lol");
            assertThat(Files.readString(bot.resolve("model/head.txt"))).isNotEqualTo(folder.get("model/head.txt"));

            Api.Reply reload = new Api(server.port(), TOKEN).post("/admin/bot/reload", "application/json", "");

            System.out.println("reload of the poisoned model: " + reload.body());
            JsonNode body = reload.json();
            JsonNode gate = body.get("gate");
            assertThat(gate.get("candidate").get("crisisTexts").asInt()).isEqualTo(heldoutCrisis.size());
            assertThat(gate.get("current").get("crisisMissed").asInt()).isZero();
            if (reload.status() == 422) {
                assertThat(reload.header("Content-Type")).startsWith("application/problem+json");
                assertThat(gate.get("passed").asBoolean()).isFalse();
                assertThat(body.get("modelVersion").asString()).isEqualTo(serving);
            } else {
                assertThat(reload.status()).as(reload.body()).isEqualTo(200);
                assertThat(gate.get("candidate").get("crisisMissed").asInt()).isZero();
            }
            String now = body.get("modelVersion").asString();
            for (String text : heldoutCrisis) {
                JsonNode classified = api.classify(text);
                assertThat(classified.get("intent").asString()).as(text).isEqualTo("crisis");
                assertThat(classified.get("modelVersion").asString()).isEqualTo(now);
            }
            assertThat(api.get("/health/ready").body()).contains(now);
        }
    }

    private record Run(int exit, String output) {
    }

    private static Run train(Path bot, boolean force, Path labels) {
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        PrintStream print = new PrintStream(output, true, StandardCharsets.UTF_8);
        int exit = BotCommands.train(bot, force, labels.toString(), null, CombotSettings.from(Map.of()).classifier(),
                CombotSettings.from(Map.of()).knowledge(),
                print, print);
        return new Run(exit, output.toString(StandardCharsets.UTF_8));
    }

    /** Every file of the folder with its content. */
    private static Map<String, String> snapshot(Path bot) throws IOException {
        try (Stream<Path> files = Files.walk(bot)) {
            return files.filter(Files::isRegularFile).collect(Collectors.toMap(
                    file -> bot.relativize(file).toString(), PoisonedLabelsEndToEndTest::read, (a, b) -> a,
                    TreeMap::new));
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
