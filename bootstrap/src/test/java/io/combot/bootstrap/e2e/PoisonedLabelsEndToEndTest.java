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
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * Issue 15's poisoned retrain, as an operator meets it: labels that call crisis messages smalltalk (messages like the
 * held-out crisis texts, as a careless or hostile reviewer would label them) are merged by {@code train --labels}.
 * The gate refuses the model and nothing in the folder changes; forced, the model is written, and the running
 * service's reload refuses it with the gate's figures while the model it serves stays.
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
    void aHeadTrainedOnCrisisTextsLabelledSmalltalkIsRefusedByTrainAndByTheReload() throws Exception {
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
                    "was kept and " + bot.resolve("train.tsv") + " left without the labels");
            assertThat(snapshot(bot)).as("a refused training writes nothing").isEqualTo(folder);

            Run forced = train(bot, true, labels);

            assertThat(forced.exit()).as(forced.output()).isZero();
            Matcher forcedPast = Pattern.compile("promotion gate forced: (.+)").matcher(forced.output());
            assertThat(forcedPast.find()).as(forced.output()).isTrue();
            assertThat(Files.readString(bot.resolve("train.tsv"))).contains("smalltalk\t" + heldoutCrisis.get(0) + " lol");
            assertThat(Files.readString(bot.resolve("model/head.txt"))).isNotEqualTo(folder.get("model/head.txt"));

            Api.Reply reload = new Api(server.port(), TOKEN).post("/admin/bot/reload", "application/json", "");

            System.out.println("reload of the poisoned model: " + reload.body());
            assertThat(reload.status()).as(reload.body()).isEqualTo(422);
            assertThat(reload.header("Content-Type")).startsWith("application/problem+json");
            JsonNode body = reload.json();
            assertThat(body.get("detail").asString()).contains(forcedPast.group(1), "keeps serving");
            assertThat(body.get("modelVersion").asString()).isEqualTo(serving);
            assertThat(body.get("previousModelVersion").asString()).isEqualTo(serving);
            assertThat(body.get("candidateModelVersion").asString()).isNotEqualTo(serving);
            // The service's gate, on the same held-out texts, refuses for the reason training was forced past.
            JsonNode gate = body.get("gate");
            assertThat(gate.get("passed").asBoolean()).isFalse();
            assertThat(gate.get("reason").asString()).isEqualTo("refused: " + forcedPast.group(1));
            JsonNode candidate = gate.get("candidate");
            JsonNode current = gate.get("current");
            assertThat(candidate.get("basis").asString()).isEqualTo("heldout");
            assertThat(candidate.get("crisisTexts").asInt()).isEqualTo(heldoutCrisis.size());
            assertThat(current.get("crisisMissed").asInt()).isZero();
            assertThat(candidate.get("crisisMissed").asInt() > 0
                    || candidate.get("macroF1").asDouble() < current.get("macroF1").asDouble() - 0.02)
                    .as("the candidate misses a crisis text or falls more than 0.02 macro-F1 behind: " + gate).isTrue();
            for (String text : heldoutCrisis) {
                JsonNode classified = api.classify(text);
                assertThat(classified.get("intent").asString()).as(text).isEqualTo("crisis");
                assertThat(classified.get("modelVersion").asString()).isEqualTo(serving);
            }
            assertThat(api.get("/health/ready").body()).contains(serving);
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
