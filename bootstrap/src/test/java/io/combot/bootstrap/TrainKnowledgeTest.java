package io.combot.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import io.combot.adapter.out.knowledge.KnowledgeConfiguration;
import io.combot.adapter.out.knowledge.KnowledgeSettings;
import io.combot.adapter.out.ml.ClassifierSettings;
import io.combot.adapter.out.ml.MlConfiguration;
import io.combot.application.ReloadBotService;
import io.combot.domain.model.BotReload;
import io.combot.domain.model.KnowledgeQuery;
import io.combot.domain.model.ScoredPassage;
import io.combot.domain.port.out.CurrentBotPort;
import io.combot.domain.port.out.EmbedTextsPort;
import io.combot.domain.port.out.KnowledgeIndex;
import io.combot.domain.port.out.OpenKnowledgeIndexPort;
import io.combot.domain.port.out.ReloadBotPort;
import io.combot.domain.port.out.ServingBot;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;

/**
 * {@code bin/combot train DIR} on a small bot with documents, with the real encoder and index: the index is built
 * under {@code model/knowledge} with its progress printed and found by the service's search; a bad document is
 * refused by name (exit 2) and nothing is written.
 */
class TrainKnowledgeTest {
    private static final String YAML = """
            name: shop
            intents:
              - name: order_status
                route: reply
                replies: ["It is on its way."]
              - name: cancel_account
                route: llm
            """;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @TempDir
    Path dir;

    @BeforeEach
    void writeTheBot() throws IOException {
        Files.writeString(dir.resolve("bot.yaml"), YAML);
        Files.writeString(dir.resolve("train.tsv"), numbered("order_status", "Where is my order", 12)
                + numbered("cancel_account", "Please cancel my account", 12));
        Files.createDirectories(dir.resolve("knowledge/policies"));
        Files.writeString(dir.resolve("knowledge/policies/returns.md"), """
                ---
                url: https://shop.example/returns
                ---
                # Returns and refunds

                You may return any item within 30 days of delivery for a full refund.

                ## Damaged parcels

                Photograph a damaged parcel and write to support within 48 hours.
                """);
        Files.writeString(dir.resolve("knowledge/opening-hours.html"),
                "<h1>Opening hours</h1><p>The shop opens at nine and closes at six, Monday to Saturday.</p>");
    }

    @Test
    void trainIndexesTheDocumentsAndTheServiceFindsThem() {
        assertThat(train()).as(output()).isZero();
        assertThat(output()).contains("knowledge: 2 documents",
                "knowledge: 2/2 documents read, 3 passages written (3 embedded, 0 reused)",
                "knowledge: indexed 3 passages (3 embedded, 0 reused)").containsPattern("model version \\S+\\+kb-");

        try (AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext()) {
            CombotSettings settings = CombotSettings.from(Map.of());
            context.registerBean(ClassifierSettings.class, settings::classifier);
            context.registerBean(KnowledgeSettings.class, settings::knowledge);
            context.register(MlConfiguration.class, KnowledgeConfiguration.class);
            context.refresh();
            try (KnowledgeIndex index = context.getBean(OpenKnowledgeIndexPort.class)
                    .open(dir.resolve("model/knowledge"))) {
                List<ScoredPassage> found = index.search(KnowledgeQuery.hybrid("my parcel arrived damaged", 3));
                assertThat(found.get(0).passage().section()).isEqualTo("Damaged parcels");
                assertThat(found.get(0).passage().url()).isEqualTo("https://shop.example/returns");
                assertThat(index.search(KnowledgeQuery.hybrid("when does the shop close", 1)).get(0).passage()
                        .source()).isEqualTo("opening-hours.html");
            }
        }

        out.reset();
        assertThat(train()).isZero();
        assertThat(output()).contains("knowledge: indexed 3 passages (0 embedded, 3 reused)");
    }

    @Test
    void theServedBotSearchesItsDocumentsAndAReloadSwapsThemWithTheModelVersion() throws IOException {
        assertThat(train()).as(output()).isZero();
        CombotSettings settings = CombotSettings.from(Map.of("COMBOT_BOT_DIR", dir.toString()));
        try (AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext()) {
            context.registerBean(ClassifierSettings.class, settings::classifier);
            context.registerBean(KnowledgeSettings.class, settings::knowledge);
            context.register(MlConfiguration.class, KnowledgeConfiguration.class);
            context.refresh();
            CurrentBotPort bots = context.getBean(CurrentBotPort.class);
            ServingBot before = bots.current();
            assertThat(before.modelVersion()).contains("+kb-");
            assertThat(before.knowledge().orElseThrow().search(KnowledgeQuery.hybrid("when does the shop close", 1))
                    .get(0).passage().text()).contains("closes at six");

            Files.writeString(dir.resolve("knowledge/opening-hours.html"),
                    "<h1>Opening hours</h1><p>The shop opens at ten and closes at eight, every day.</p>");
            assertThat(train()).as(output()).isZero();
            BotReload reload = new ReloadBotService(context.getBean(ReloadBotPort.class),
                    context.getBean(EmbedTextsPort.class)).reload(false);

            assertThat(reload.swapped()).isTrue();
            ServingBot after = bots.current();
            assertThat(after.modelVersion()).isNotEqualTo(before.modelVersion()).contains("+kb-");
            assertThat(after.knowledge().orElseThrow().search(KnowledgeQuery.hybrid("when does the shop close", 1))
                    .get(0).passage().text()).contains("closes at eight");
            // A turn that took the old bot before the swap still searches the old documents.
            assertThat(before.knowledge().orElseThrow().search(KnowledgeQuery.hybrid("when does the shop close", 1))
                    .get(0).passage().text()).contains("closes at six");
        }
    }

    @Test
    void aDocumentThatCannotBeReadIsRefusedByNameAndNothingIsWritten() throws IOException {
        Files.writeString(dir.resolve("knowledge/policies/claim.docx"), "PK not a document the index reads");

        assertThat(train()).isEqualTo(BotCommands.INVALID);
        assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("train: knowledge/policies/claim.docx: ");
        assertThat(dir.resolve("model/head.txt")).doesNotExist();
        assertThat(dir.resolve("model/knowledge")).doesNotExist();
        assertThat(dir.resolve("model/knowledge.building")).doesNotExist();
    }

    private int train() {
        CombotSettings settings = CombotSettings.from(Map.of());
        return BotCommands.train(dir, false, null, null, settings.classifier(), settings.knowledge(),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String output() {
        return out.toString(StandardCharsets.UTF_8) + err.toString(StandardCharsets.UTF_8);
    }

    private static String numbered(String intent, String text, int count) {
        return IntStream.rangeClosed(1, count).mapToObj(i -> intent + "\t" + text + " " + i + "\n")
                .collect(Collectors.joining());
    }
}
