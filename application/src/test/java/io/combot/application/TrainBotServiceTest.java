package io.combot.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.combot.domain.error.InvalidBotException;
import io.combot.domain.model.BotData;
import io.combot.domain.model.CrisisPhrases;
import io.combot.domain.model.FittedHead;
import io.combot.domain.model.Intent;
import io.combot.domain.model.IntentModel;
import io.combot.domain.model.LabelledText;
import io.combot.domain.model.ModelEvaluation;
import io.combot.domain.port.in.TrainBotCommand;
import io.combot.domain.port.in.TrainBotUseCase;
import io.combot.domain.port.out.EmbedTextsPort;
import io.combot.domain.port.out.HashingEmbedder;
import io.combot.domain.port.out.InMemoryKnowledgeIndex;
import io.combot.domain.port.out.KnowledgeIndex;
import io.combot.domain.port.out.ReadBotFolderPort;
import io.combot.domain.port.out.SwappableBot;
import io.combot.domain.port.out.TestBots;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How a bot is built, against in-memory ports: a fit that reads each text as its nearest training text. */
class TrainBotServiceTest {
    private static final Path DIR = Path.of("/bots/shop");
    private static final List<Intent> INTENTS = TestBots.definition().intentNames();
    private static final List<LabelledText> TRAIN = List.of(
            text("greeting", "hello there friend"), text("greeting", "hi good morning"),
            text("farewell", "goodbye see you"), text("farewell", "bye for now"),
            text("crisis", "I want to end my life"), text("crisis", "I do not want to live any more"));
    private static final List<LabelledText> HELDOUT = List.of(
            text("greeting", "hello friend"), text("farewell", "goodbye for now"),
            text("crisis", "I want to end it, my life is over"));

    private final EmbedTextsPort embedder = new HashingEmbedder();
    private final StringBuilder console = new StringBuilder();
    private final List<String> written = new ArrayList<>();
    private final InMemoryKnowledgeIndex knowledge = new InMemoryKnowledgeIndex(embedder);
    private Path dir = DIR;
    private Optional<IntentModel> inPlace = Optional.empty();
    private IntentModel fitted;

    @Test
    void aModelThatPassesTheGateIsWrittenWithItsHeldOutFigures() {
        TrainBotUseCase.Trained trained = train(HELDOUT, false);

        assertThat(trained.written()).isTrue();
        assertThat(trained.gate().candidate().basis()).isEqualTo(ModelEvaluation.HELDOUT);
        assertThat(trained.gate().candidate().crisisMissed()).isZero();
        assertThat(written).containsExactly("heldout 3 texts, crisis 1 of 1 caught");
        assertThat(console.toString()).contains("bot test-bot: 8 intents, 6 training texts, 3 held-out texts\n",
                "embedding training texts: 6 of 6\n", "embedding held-out texts: 3 of 3\n",
                "promotion gate passed", "wrote head.txt and report.txt in ");
    }

    @Test
    void aModelThatMissesACrisisTextIsRefusedAndNothingIsWritten() {
        fitted = new SwappableBot.ConstantIntentModel(INTENTS, Intent.of("greeting"));

        TrainBotUseCase.Trained trained = train(HELDOUT, false);

        assertThat(trained.written()).isFalse();
        assertThat(trained.gate().reason()).startsWith("refused: the new model misses 1 of 1 crisis texts");
        assertThat(written).isEmpty();
        assertThat(console.toString()).contains("the model in head.txt was kept; --force writes the new one anyway");
    }

    @Test
    void withoutAHeldOutSetTheGateMeasuresBothModelsOnTheGateTextsNotOnFiguresTheyCarry() {
        inPlace = Optional.of(new SwappableBot.ConstantIntentModel(INTENTS, Intent.CRISIS));
        fitted = new SwappableBot.ConstantIntentModel(INTENTS, Intent.of("farewell"));

        TrainBotUseCase.Trained trained = train(List.of(), false);

        assertThat(trained.written()).isFalse();
        assertThat(trained.gate().candidate().texts()).isEqualTo(SwappableBot.GATE_TEXTS.size());
        assertThat(trained.gate().current().crisisMissed()).isZero();
        assertThat(console.toString()).contains("evaluation (out-of-fold)");
    }

    @Test
    void aBotWithDocumentsHasThemIndexedAndItsModelVersionCoversTheIndex(@TempDir Path folder) throws IOException {
        dir = folder;
        Files.createDirectories(folder.resolve("knowledge"));
        Files.writeString(folder.resolve("knowledge/returns.md"), "# Returns\n\nThirty days to return an item.\n");

        assertThat(train(HELDOUT, false).written()).isTrue();

        try (KnowledgeIndex index = knowledge.open(folder.resolve("model/knowledge"))) {
            assertThat(index.summary().passages()).isEqualTo(1);
            assertThat(console.toString()).contains("read 1 documents, 1 passages\n")
                    .contains("model version v1+kb-" + index.summary().version() + "\n");
        }
    }

    @Test
    void aDocumentThatCannotBeReadRefusesTheBotBeforeAnythingIsWritten(@TempDir Path folder) throws IOException {
        dir = folder;
        Files.createDirectories(folder.resolve("knowledge"));
        Files.writeString(folder.resolve("knowledge/form.docx"), "binary");

        assertThatThrownBy(() -> train(HELDOUT, false)).isInstanceOf(InvalidBotException.class)
                .hasMessageContaining("form.docx");
        assertThat(written).isEmpty();
    }

    @Test
    void aBotWithoutDocumentsHasNoIndex() {
        train(HELDOUT, false);
        assertThat(console.toString()).contains("model version v1\n").doesNotContain("passages");
    }

    @Test
    void forceWritesARefusedModel() {
        fitted = new SwappableBot.ConstantIntentModel(INTENTS, Intent.of("greeting"));

        TrainBotUseCase.Trained trained = train(HELDOUT, true);

        assertThat(trained.written()).isTrue();
        assertThat(trained.gate().forced()).isTrue();
    }

    private TrainBotUseCase.Trained train(List<LabelledText> heldout, boolean force) {
        ReadBotFolderPort folders = (dir, labels) -> new BotData(TestBots.definition(), TRAIN, heldout,
                heldout.isEmpty() ? SwappableBot.GATE_TEXTS : heldout, List.of(), inPlace, Optional.empty(),
                Optional.empty(), new BotData.BotFiles("train.tsv", "head.txt", "report.txt"),
                new BotData.ScreeningTexts(List.of(), List.of(), CrisisPhrases.NONE));
        TrainBotService service = new TrainBotService(folders, from -> {
            throw new AssertionError("no labels were given");
        }, embedder, (intents, train, embedded, progress) -> {
            IntentModel model = fitted != null ? fitted : nearest(train, embedded);
            return new FittedHead(model, 0.5, train.stream().map(text -> new FittedHead.OutOfFold(
                    text.intent().equals(Intent.CRISIS) ? 1 : 0, text.intent())).toList(), "fit report\n", "");
        }, (bot, head, trainEmbedded, heldoutEmbedded, progress) -> head, (dir, name, head, evaluation, report, trainTsv) -> {
            written.add(String.format("%s %d texts, crisis %d of %d caught", evaluation.basis(), evaluation.texts(),
                    evaluation.crisisTexts() - evaluation.crisisMissed(), evaluation.crisisTexts()));
            return "v1";
        }, knowledge);
        return service.train(new TrainBotCommand(dir, force, Optional.empty()), console::append);
    }

    /** Reads a text as the training text whose embedding is closest. */
    private static IntentModel nearest(List<LabelledText> train, List<float[]> embedded) {
        return new IntentModel() {
            @Override
            public List<Intent> intents() {
                return INTENTS;
            }

            @Override
            public Intent predict(String text, float[] embedding) {
                return train.get(IntStream.range(0, train.size()).boxed()
                        .max((a, b) -> Double.compare(dot(embedded.get(a), embedding), dot(embedded.get(b), embedding)))
                        .orElseThrow()).intent();
            }

            @Override
            public double crisisScore(String text, float[] embedding) {
                return predict(text, embedding).equals(Intent.CRISIS) ? 1 : 0;
            }

            @Override
            public double decisionThreshold() {
                return 0.5;
            }

            @Override
            public IntentModel withDecisionThreshold(double threshold) {
                return this;
            }
        };
    }

    private static double dot(float[] a, float[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += a[i] * b[i];
        }
        return sum;
    }

    private static LabelledText text(String intent, String text) {
        return new LabelledText(Intent.of(intent), text, 1);
    }
}
