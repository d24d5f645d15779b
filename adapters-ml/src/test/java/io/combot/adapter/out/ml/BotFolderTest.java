package io.combot.adapter.out.ml;

import static io.combot.adapter.out.ml.ShopBot.YAML;
import static io.combot.adapter.out.ml.ShopBot.numbered;
import static io.combot.adapter.out.ml.ShopBot.train;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.argumentSet;

import io.combot.domain.error.InvalidBotException;
import io.combot.domain.model.BotDefinition;
import io.combot.domain.model.Intent;
import io.combot.domain.model.IntentDefinition;
import io.combot.domain.model.IntentRoute;
import io.combot.domain.model.KnowledgeReplies;
import io.combot.domain.model.LabelledText;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** A bot folder on disk: what a valid one reads as, and the one-line refusal of each way it can be wrong. */
class BotFolderTest {
    private static final Intent ORDER_STATUS = Intent.of("order_status");
    private static final Intent CANCEL_ACCOUNT = Intent.of("cancel_account");
    private static final BotFolder SHIPPED = BotFolder.read(BotSource.shipped());

    @TempDir
    Path dir;

    @Test
    void anIntentMayTakeTheKnowledgeRouteWithTheBotsNoAnswerReplyAndThreshold() throws IOException {
        writeBot(YAML.replace("route: llm", "route: knowledge") + """
                knowledge:
                  no_answer: Our documents do not say; ask a person at the desk.
                  min_similarity: 0.42
                """, train(12, 12));

        BotDefinition definition = BotFolder.read(BotSource.folder(dir)).definition();

        assertThat(definition.definitionOf(CANCEL_ACCOUNT).route()).isEqualTo(IntentRoute.KNOWLEDGE);
        assertThat(definition.knowledge().noAnswer()).isEqualTo("Our documents do not say; ask a person at the desk.");
        assertThat(definition.knowledge().grounding().minSimilarity()).isEqualTo(0.42);
        assertThat(SHIPPED.definition().knowledge()).isEqualTo(KnowledgeReplies.DEFAULT);
    }

    @Test
    void aValidFolderReadsWithTheShippedCrisisAndTheShippedDefaults() throws IOException {
        writeBot(YAML, train(12, 12));

        BotFolder bot = BotFolder.read(BotSource.folder(dir));

        BotDefinition definition = bot.definition();
        BotDefinition shipped = SHIPPED.definition();
        assertThat(definition.name()).isEqualTo("shop");
        assertThat(definition.intentNames()).containsExactly(ORDER_STATUS, CANCEL_ACCOUNT, Intent.CRISIS);
        assertThat(definition.definitionOf(ORDER_STATUS).replies()).containsExactly("It is on its way.");
        assertThat(definition.definitionOf(CANCEL_ACCOUNT).route()).isEqualTo(IntentRoute.LLM);
        IntentDefinition crisis = definition.definitionOf(Intent.CRISIS);
        assertThat(crisis.route()).isEqualTo(IntentRoute.SAFETY);
        assertThat(crisis).isEqualTo(shipped.definitionOf(Intent.CRISIS));
        // keys the file leaves out come from the shipped bot.yaml; the one it gives is its own
        assertThat(definition.systemPrompt()).isEqualTo(shipped.systemPrompt()).isNotBlank();
        assertThat(definition.safetyReply()).isEqualTo(shipped.safetyReply()).isNotBlank();
        assertThat(definition.offlineReply()).isEqualTo(shipped.offlineReply()).isNotBlank();
        assertThat(definition.unknown()).isEqualTo(shipped.unknown());
        assertThat(definition.fallbackReply()).isEqualTo("The shop's own fallback.")
                .isNotEqualTo(shipped.fallbackReply());

        List<String> shippedCrisis = texts(SHIPPED.train(), Intent.CRISIS);
        assertThat(shippedCrisis).hasSizeGreaterThanOrEqualTo(BotFolder.FEW_EXAMPLES);
        assertThat(texts(bot.train(), Intent.CRISIS)).containsExactlyElementsOf(shippedCrisis);
        assertThat(texts(bot.train(), ORDER_STATUS)).hasSize(12).contains("where is my order 1", "where is my order 12");
        assertThat(texts(bot.train(), CANCEL_ACCOUNT)).hasSize(12);
        assertThat(bot.train()).hasSize(24 + shippedCrisis.size());
        assertThat(bot.heldout()).isEmpty();

        assertThat(bot.warnings()).hasSize(2);
        assertThat(bot.warnings()).anySatisfy(warning -> assertThat(warning)
                .contains(dir.resolve("train.tsv").toString(), "order_status", "12"));
        assertThat(bot.warnings()).anySatisfy(warning -> assertThat(warning)
                .contains(dir.resolve("train.tsv").toString(), "cancel_account", "12"));
        assertThat(bot.model()).isEmpty();
    }

    @Test
    void intentsWithThirtyExamplesOrMoreGetNoWarning() throws IOException {
        writeBot(YAML, train(30, 31));

        BotFolder bot = BotFolder.read(BotSource.folder(dir));

        assertThat(bot.warnings()).isEmpty();
        assertThat(bot.train()).hasSize(61 + texts(SHIPPED.train(), Intent.CRISIS).size());
    }

    @Test
    void aTextRepeatedUnderItsOwnIntentIsCountedOnceWithAWarning() throws IOException {
        writeBot(YAML, train(30, 30) + "order_status\twhere is my ORDER 7\n");

        BotFolder bot = BotFolder.read(BotSource.folder(dir));

        assertThat(texts(bot.train(), ORDER_STATUS)).hasSize(30);
        assertThat(bot.warnings()).singleElement().asString()
                .contains(dir.resolve("train.tsv").toString(), "line 61", "line 7");
    }

    @Test
    void ownCrisisExamplesReplaceTheShippedOnes() throws IOException {
        writeBot(YAML + """
                  - name: crisis
                    route: safety
                """, train(12, 12) + numbered("crisis", "i cannot go on any more", 10));

        BotFolder bot = BotFolder.read(BotSource.folder(dir));

        assertThat(bot.definition().intentNames()).containsExactly(ORDER_STATUS, CANCEL_ACCOUNT, Intent.CRISIS);
        assertThat(texts(bot.train(), Intent.CRISIS)).hasSize(10).allMatch(text -> text.startsWith("i cannot go on"));
    }

    static Stream<Arguments> refusals() {
        String train = train(12, 12);
        return Stream.of(
                argumentSet("unclosed bracket", YAML.replace("[\"It is on its way.\"]", "[\"It is on its way.\""),
                        train, "bot.yaml", List.of("line 6")),
                argumentSet("bad indentation", """
                        name: shop
                        intents:
                          - name: order_status
                             route: reply
                        """, train, "bot.yaml", List.of("line 4")),
                argumentSet("unknown route", YAML.replace("route: llm", "route: teleport"), train, "bot.yaml",
                        List.of("line 8", "teleport")),
                argumentSet("misspelt key", YAML.replace("replies:", "replys:"), train, "bot.yaml",
                        List.of("replys")),
                argumentSet("duplicate intent", YAML + """
                          - name: order_status
                            route: llm
                        """, train, "bot.yaml", List.of("order_status", "twice")),
                argumentSet("invalid intent name", YAML.replace("name: order_status", "name: Order-Status"), train,
                        "bot.yaml", List.of("intents[0]", "Order-Status")),
                argumentSet("no replies for route reply", YAML.replace("[\"It is on its way.\"]", "[]"), train,
                        "bot.yaml", List.of("intents[0]", "order_status", "replies")),
                argumentSet("replies for route llm", YAML.replace("route: llm", "route: llm\n    replies: [\"No.\"]"),
                        train, "bot.yaml", List.of("intents[1]", "cancel_account", "replies", "llm")),
                argumentSet("crisis routed to llm", YAML + """
                          - name: crisis
                            route: llm
                        """, train, "bot.yaml", List.of("intents[2]", "crisis", "llm")),
                argumentSet("intent named unknown", YAML + """
                          - name: unknown
                            route: llm
                        """, train, "bot.yaml", List.of("unknown", "reserved")),
                argumentSet("empty bot.yaml", "", train, "bot.yaml", List.of("empty")),
                argumentSet("bot.yaml of an empty document", "---\n", train, "bot.yaml", List.of("empty")),
                argumentSet("a key given twice", YAML + "name: again\n", train, "bot.yaml", List.of("name")),
                argumentSet("an empty reply item", YAML.replace("replies: [\"It is on its way.\"]",
                        "replies:\n      -"), train, "bot.yaml", List.of("order_status", "empty item", "replies")),
                argumentSet("bot.yaml of comments only", "# nothing yet\n", train, "bot.yaml", List.of("empty")),
                argumentSet("intent bot.yaml lacks", YAML, "# examples\norder_status\tok\nrefund\tmoney back\n" + train,
                        "train.tsv", List.of("line 3", "refund")),
                argumentSet("too few examples", YAML, train(12, 9), "train.tsv", List.of("cancel_account", "9")),
                argumentSet("one text under two intents", YAML, train + "cancel_account\tWhere is my order 3\n",
                        "train.tsv", List.of("line 3", "line 25", "order_status", "cancel_account",
                                "Where is my order 3")),
                argumentSet("invalid intent in train.tsv", YAML, train + "Order-Status\twhere\n", "train.tsv",
                        List.of("line 25", "Order-Status")),
                argumentSet("line without a tab", YAML, train + "order_status where is it\n", "train.tsv",
                        List.of("line 25", "order_status where is it")),
                argumentSet("empty text", YAML, train + "order_status\t   \n", "train.tsv",
                        List.of("line 25", "order_status")));
    }

    @Test
    void unknownExamplesAreAcceptedAndGiveTheHeadAnUnknownClass() throws IOException {
        String train = train(12, 12);
        writeBot(YAML, train);
        assertThat(BotFolder.read(BotSource.folder(dir)).headIntents()).doesNotContain(Intent.UNKNOWN);

        writeBot(YAML, train + "unknown\twhat is the capital of Peru\nunknown\tqwzx plorp\n");
        BotFolder folder = BotFolder.read(BotSource.folder(dir));

        assertThat(folder.train()).filteredOn(text -> text.intent().equals(Intent.UNKNOWN)).hasSize(2);
        assertThat(folder.headIntents()).endsWith(Intent.UNKNOWN)
                .containsAll(folder.definition().intentNames());
    }

    @ParameterizedTest
    @MethodSource("refusals")
    void aBrokenBotIsRefusedInOneLineNamingFileLineOrKeyAndValue(String yaml, String train, String file,
                                                                  List<String> named) throws IOException {
        writeBot(yaml, train);

        assertRefused(() -> BotFolder.read(BotSource.folder(dir)), file, named);
    }

    @Test
    void aFolderWithoutBotYamlIsRefused() throws IOException {
        write("train.tsv", train(12, 12));

        assertRefused(() -> BotFolder.read(BotSource.folder(dir)), "bot.yaml", List.of("missing"));
    }

    @Test
    void aFolderWithoutTrainTsvIsRefused() throws IOException {
        write("bot.yaml", YAML);

        assertRefused(() -> BotFolder.read(BotSource.folder(dir)), "train.tsv", List.of("missing"));
    }

    @Test
    void aFolderThatDoesNotExistIsRefused() {
        Path missing = dir.resolve("no-such-bot");

        assertThatThrownBy(() -> BotSource.folder(missing)).isInstanceOf(InvalidBotException.class)
                .hasMessageContaining(missing.toAbsolutePath().toString()).hasMessageNotContaining("\n");
    }

    @Test
    void aFileIsNotABotFolder() throws IOException {
        Path file = write("bot.yaml", YAML);

        assertThatThrownBy(() -> BotSource.folder(file)).isInstanceOf(InvalidBotException.class)
                .hasMessageContaining(file.toAbsolutePath().toString());
    }

    @Test
    void aHeldoutIntentThatBotYamlLacksIsRefused() throws IOException {
        writeBot(YAML, train(12, 12));
        write("heldout.tsv", "order_status\twhen does my parcel come\nrefund\tI want my money back\n");

        assertRefused(() -> BotFolder.read(BotSource.folder(dir)), "heldout.tsv", List.of("line 2", "refund"));
    }

    @Test
    void aHeldoutWithoutCrisisGetsTheShippedHeldoutCrisisTexts() throws IOException {
        writeBot(YAML, train(12, 12));
        write("heldout.tsv", "# held out\norder_status\twhen does my parcel come\ncancel_account\tclose it all\n");

        BotFolder bot = BotFolder.read(BotSource.folder(dir));

        List<String> shippedCrisis = texts(SHIPPED.heldout(), Intent.CRISIS);
        assertThat(shippedCrisis).isNotEmpty();
        assertThat(texts(bot.heldout(), Intent.CRISIS)).containsExactlyElementsOf(shippedCrisis);
        assertThat(texts(bot.heldout(), ORDER_STATUS)).containsExactly("when does my parcel come");
        assertThat(texts(bot.heldout(), CANCEL_ACCOUNT)).containsExactly("close it all");
        assertThat(bot.heldout()).hasSize(2 + shippedCrisis.size());
    }

    @Test
    void aHeldoutWithItsOwnCrisisTextsKeepsThem() throws IOException {
        writeBot(YAML, train(12, 12));
        write("heldout.tsv", "order_status\twhen does my parcel come\ncrisis\tnobody would miss me\n");

        BotFolder bot = BotFolder.read(BotSource.folder(dir));

        assertThat(texts(bot.heldout(), Intent.CRISIS)).containsExactly("nobody would miss me");
    }

    @Test
    void theShippedModelIsAcceptedForTheShippedIntents() throws IOException {
        copyShipped("bot.yaml", "train.tsv", "model/head.txt");

        BotFolder bot = BotFolder.read(BotSource.folder(dir));
        byte[] head = shippedBytes("model/head.txt");

        assertThat(bot.model()).hasValueSatisfying(model -> {
            assertThat(model.head().intents()).containsExactlyInAnyOrderElementsOf(bot.definition().intentNames());
            assertThat(model.bytes()).isEqualTo(head);
        });
    }

    @Test
    void aModelTrainedForOtherIntentsIsRefused() throws IOException {
        writeBot(YAML, train(12, 12));
        copyShipped("model/head.txt");
        BotFolder bot = BotFolder.read(BotSource.folder(dir));

        assertRefused(bot::model, "model/head.txt", List.of("bin/combot train", "order_status", "greeting"));
        assertRefused(bot::requireModel, "model/head.txt", List.of("bin/combot train"));
        // the model as it is stays readable, for tools that show what was trained
        assertThat(bot.anyModel()).isPresent();
    }

    @Test
    void aModelForAnotherEmbeddingSizeOrWithoutFiniteWeightsIsRefused() throws IOException {
        copyShipped("bot.yaml", "train.tsv");
        List<String> lines = shippedLines("model/head.txt");
        int farewell = lineOf(lines, "farewell ");
        int weights = lines.get(farewell - 1).split(" ").length - 2;
        List<String> intents = List.of("greeting ", "farewell ", "thanks ", "question ", "help ", "complaint ",
                "smalltalk ", "crisis ");
        List<String> shortRows = lines.stream()
                .map(line -> intents.stream().anyMatch(line::startsWith)
                        ? line.substring(0, line.lastIndexOf(' ')) : line)
                .toList();
        write("model/head.txt", String.join("\n", shortRows) + "\n");

        assertRefused(BotFolder.read(BotSource.folder(dir))::model, "model/head.txt",
                List.of((weights - 1) + " weights where a row has " + weights, "384"));

        String[] fields = lines.get(farewell - 1).split(" ");
        fields[3] = "NaN";
        List<String> withNaN = new ArrayList<>(lines);
        withNaN.set(farewell - 1, String.join(" ", fields));
        write("model/head.txt", String.join("\n", withNaN) + "\n");

        assertRefused(BotFolder.read(BotSource.folder(dir))::model, "model/head.txt", List.of("finite"));
    }

    @Test
    void aGarbledModelIsRefusedNamingItsLine() throws IOException {
        copyShipped("bot.yaml", "train.tsv");
        List<String> lines = shippedLines("model/head.txt");
        int farewell = lineOf(lines, "farewell ");
        String[] fields = lines.get(farewell - 1).split(" ");
        fields[5] = "0.12x";
        lines.set(farewell - 1, String.join(" ", fields));
        write("model/head.txt", String.join("\n", lines) + "\n");
        BotFolder bot = BotFolder.read(BotSource.folder(dir));

        assertRefused(bot::model, "model/head.txt", List.of("line " + farewell, "0.12x"));
    }

    @Test
    void aModelCutOffInARowIsRefusedNamingTheShortRowsLine() throws IOException {
        copyShipped("bot.yaml", "train.tsv");
        List<String> lines = shippedLines("model/head.txt");
        int crisis = lineOf(lines, "crisis ");
        String cut = String.join("\n", lines.subList(0, crisis - 1)) + "\n"
                + lines.get(crisis - 1).substring(0, lines.get(crisis - 1).length() / 2).strip();
        write("model/head.txt", cut);
        BotFolder bot = BotFolder.read(BotSource.folder(dir));

        assertRefused(bot::model, "model/head.txt", List.of("line " + crisis, "bin/combot train"));
    }

    @Test
    void aModelCutOffBeforeItsLastRowIsRefused() throws IOException {
        copyShipped("bot.yaml", "train.tsv");
        List<String> lines = shippedLines("model/head.txt");
        write("model/head.txt", String.join("\n", lines.subList(0, lineOf(lines, "crisis ") - 1)) + "\n");
        BotFolder bot = BotFolder.read(BotSource.folder(dir));

        assertRefused(bot::model, "model/head.txt", List.of("bin/combot train"));
    }

    private void assertRefused(ThrowingCallable read, String file, List<String> named) {
        assertThatThrownBy(read).isInstanceOf(InvalidBotException.class).satisfies(e -> assertThat(e.getMessage())
                .contains(dir.resolve(file).toString())
                .contains(named)
                .doesNotContain("\n", "\r"));
    }

    /** A train writing into the folder after it was read changes nothing of what was read: one snapshot. */
    @Test
    void theFolderIsReadAsOneSnapshot() throws IOException {
        copyShipped();
        BotFolder read = BotFolder.read(BotSource.folder(dir));
        byte[] head = Files.readAllBytes(dir.resolve(BotSource.HEAD));

        Files.writeString(dir.resolve(BotSource.HEAD), "# a new head, half written\n");
        Files.delete(dir.resolve(BotSource.HELDOUT));

        assertThat(read.requireModel().bytes()).isEqualTo(head);
        assertThat(read.source().read(BotSource.HELDOUT)).isPresent();
    }

    private void copyShipped() throws IOException {
        for (String file : BotSource.FILES) {
            Path target = dir.resolve(file);
            Files.createDirectories(target.getParent());
            Files.write(target, BotSource.shipped().read(file).orElseThrow());
        }
    }

    private static List<String> texts(List<LabelledText> examples, Intent intent) {
        return examples.stream().filter(example -> example.intent().equals(intent))
                .map(example -> example.text().toLowerCase(java.util.Locale.ROOT)).toList();
    }

    private void writeBot(String yaml, String train) throws IOException {
        ShopBot.write(dir, yaml, train);
    }

    private Path write(String file, String text) throws IOException {
        Path path = dir.resolve(file);
        Files.createDirectories(path.getParent());
        return Files.writeString(path, text, StandardCharsets.UTF_8);
    }

    private void copyShipped(String... files) throws IOException {
        for (String file : files) {
            Path path = dir.resolve(file);
            Files.createDirectories(path.getParent());
            Files.write(path, shippedBytes(file));
        }
    }

    private static byte[] shippedBytes(String file) throws IOException {
        try (var in = BotFolderTest.class.getResourceAsStream("/bot/" + file)) {
            assertThat(in).as("shipped " + file).isNotNull();
            return in.readAllBytes();
        }
    }

    private static List<String> shippedLines(String file) throws IOException {
        return new ArrayList<>(Arrays.asList(new String(shippedBytes(file), StandardCharsets.UTF_8).split("\n")));
    }

    /** The 1-based number of the first line starting with {@code prefix}. */
    private static int lineOf(List<String> lines, String prefix) {
        int index = IntStream.range(0, lines.size()).filter(i -> lines.get(i).startsWith(prefix)).findFirst()
                .orElseThrow();
        return index + 1;
    }
}
