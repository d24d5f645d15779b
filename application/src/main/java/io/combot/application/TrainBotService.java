package io.combot.application;

import io.combot.domain.model.BotData;
import io.combot.domain.model.FittedHead;
import io.combot.domain.model.HeadEvaluation;
import io.combot.domain.model.Intent;
import io.combot.domain.model.IntentModel;
import io.combot.domain.model.KnowledgeIndexSummary;
import io.combot.domain.model.LabelledText;
import io.combot.domain.model.ModelEvaluation;
import io.combot.domain.model.PromotionGate;
import io.combot.domain.port.in.TrainBotCommand;
import io.combot.domain.port.in.TrainBotUseCase;
import io.combot.domain.port.out.BuildKnowledgeIndexPort;
import io.combot.domain.port.out.CalibrateSafetyPort;
import io.combot.domain.port.out.EmbedTextsPort;
import io.combot.domain.port.out.FitIntentHeadPort;
import io.combot.domain.port.out.ReadBotFolderPort;
import io.combot.domain.port.out.ReadLabelsPort;
import io.combot.domain.port.out.WriteBotModelPort;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * How a bot is built, step by step: read the folder (with labels merged), embed the training texts, fit the head,
 * calibrate its crisis decision and minimum confidence, evaluate it (on the held-out set, else out of fold), pass the
 * promotion gate against the model in the folder (the same gate a reload passes), index the bot's documents
 * ({@code knowledge/}, when it has them), write the model. A later step is one more port and one more step here.
 */
public class TrainBotService implements TrainBotUseCase {
    /** Above this many intents the console shows the largest confusions instead of the whole matrix. */
    private static final int WHOLE_MATRIX_UP_TO = 15;
    private static final int FITS_PER_LINE = 10;
    /** The header (intent names, indented) or a row (an intent and its counts) of a confusion matrix. */
    private static final Pattern MATRIX_LINE = Pattern.compile("\\s.*|[a-z0-9_]+( +\\d+)+");
    private static final String REPORT_FILE = "model/report.txt";

    private final ReadBotFolderPort folders;
    private final ReadLabelsPort labels;
    private final EmbedTextsPort embedder;
    private final FitIntentHeadPort fitter;
    private final CalibrateSafetyPort safety;
    private final WriteBotModelPort writer;
    private final BuildKnowledgeIndexPort knowledge;
    private final PromotionCheck promotion;

    public TrainBotService(ReadBotFolderPort folders, ReadLabelsPort labels, EmbedTextsPort embedder,
                           FitIntentHeadPort fitter, CalibrateSafetyPort safety, WriteBotModelPort writer,
                           BuildKnowledgeIndexPort knowledge) {
        this.safety = safety;
        this.folders = folders;
        this.labels = labels;
        this.embedder = embedder;
        this.fitter = fitter;
        this.writer = writer;
        this.knowledge = knowledge;
        this.promotion = new PromotionCheck(embedder);
    }

    @Override
    public Trained train(TrainBotCommand command, Consumer<String> console) {
        long started = System.nanoTime();
        BotData bot = folders.read(command.dir(), command.labels().map(labels::read));
        bot.labels().ifPresent(merged -> console.accept(merged.report()));
        bot.warnings().forEach(warning -> console.accept("warning: " + warning + "\n"));
        List<Intent> intents = bot.headIntents();
        console.accept(String.format(Locale.ROOT, "bot %s: %d intents, %d training texts, %d held-out texts%n",
                bot.definition().name(), intents.size(), bot.train().size(), bot.heldout().size()));

        List<float[]> embedded = embed(bot.train(), "training", console);
        List<float[]> heldout = bot.heldout().isEmpty() ? List.of() : embed(bot.heldout(), "held-out", console);
        FittedHead calibrated = safety.calibrate(bot, fitter.fit(intents, bot.train(), embedded,
                fitProgress(console)), embedded, heldout, fitProgress(console));
        ScreeningMeasure screening = promotion.screening(bot.screening().heldout());
        Optional<IntentModel> current = modelInPlace(bot, console);
        PromotionCheck.RecallFloor floor = PromotionCheck.keepingCrisisRecall(calibrated.model(), current, screening);
        FittedHead fitted = floor.report().isEmpty() ? calibrated : calibrated.with(floor.model(), floor.report());
        HeadEvaluation evaluated;
        PromotionGate gate;
        if (bot.heldout().isEmpty()) {
            evaluated = HeadEvaluation.score(ModelEvaluation.OUT_OF_FOLD, intents, bot.train(),
                    fitted.outOfFoldIntents());
            gate = promotion.check(fitted.model(), current, bot.gateTexts(), screening, command.force());
        } else {
            evaluated = HeadEvaluation.heldOut(fitted.model(), bot.heldout(), heldout);
            gate = promotion.check(fitted.model(), current, bot.heldout(), heldout, screening, command.force());
        }
        gate = keepingCrisisReadings(gate, fitted.model(), current, bot, embedded, command.force());
        if (gate.candidate().screening() != null) {
            evaluated = new HeadEvaluation(evaluated.evaluation().withScreening(gate.candidate().screening()),
                    evaluated.metrics());
        }
        String report = bot.labels().map(BotData.MergedLabels::report).orElse("") + fitted.fitReport()
                + evaluationReport(evaluated, fitted) + fitted.conflicts();
        console.accept(consoleReport(report, intents.size()));
        console.accept("promotion gate " + gate.reason() + "\n");
        Optional<BotData.MergedLabels> merged = bot.labels().filter(BotData.MergedLabels::changesTraining);
        if (!gate.passed()) {
            console.accept("the model in " + bot.files().head() + " was kept"
                    + (merged.isPresent() ? " and " + bot.files().train() + " left without the labels" : "")
                    + "; --force writes the new one anyway\n");
            return new Trained(false, gate);
        }
        // Before the head is written: a document that cannot be read refuses the whole bot, and nothing is written.
        Optional<KnowledgeIndexSummary> indexed = indexKnowledge(command.dir(), console);
        String version = writer.write(command.dir(), bot.definition().name(), fitted, evaluated.evaluation(),
                report + "promotion gate " + gate.reason() + "\n", merged.map(BotData.MergedLabels::trainTsv));
        merged.ifPresent(labelled -> console.accept(String.format(Locale.ROOT,
                "wrote %s with %d labels merged and %d examples of earlier merges taken out%n", bot.files().train(),
                labelled.merged().size(), labelled.taken())));
        String served = indexed.map(index -> KnowledgeIndexSummary.servedVersion(version, index)).orElse(version);
        console.accept(String.format(Locale.ROOT, "wrote %s and %s in %.1f s; model version %s%n", bot.files().head(),
                bot.files().report(), (System.nanoTime() - started) / 1e9, served));
        return new Trained(true, gate);
    }

    private static PromotionGate keepingCrisisReadings(PromotionGate gate, IntentModel candidate,
                                                       Optional<IntentModel> current, BotData bot,
                                                       List<float[]> embedded, boolean force) {
        List<LabelledText> merged = bot.labels().map(BotData.MergedLabels::merged).orElse(List.of());
        if (merged.isEmpty()) {
            return gate;
        }
        Map<String, float[]> byText = new HashMap<>();
        for (int i = 0; i < bot.train().size(); i++) {
            byText.put(bot.train().get(i).text(), embedded.get(i));
        }
        return PromotionCheck.keepingCrisisReadings(gate, candidate, current, merged, byText, force);
    }

    /**
     * The index of {@code knowledge/} in {@code model/knowledge/}; a bot whose documents were all removed gets an
     * empty index in place of the old one.
     */
    private Optional<KnowledgeIndexSummary> indexKnowledge(Path dir, Consumer<String> console) {
        Path documents = dir.resolve(KnowledgeIndexSummary.DOCUMENTS_FOLDER);
        Path index = dir.resolve(KnowledgeIndexSummary.INDEX_FOLDER);
        if (!knowledge.hasWork(documents, index)) {
            return Optional.empty();
        }
        return Optional.of(knowledge.build(documents, index, line -> console.accept(line + "\n")));
    }

    /** Each text alone, as the service embeds it; a line of progress every tenth. */
    private List<float[]> embed(List<LabelledText> texts, String what, Consumer<String> console) {
        int step = Math.max(1, texts.size() / 10);
        List<float[]> embedded = new ArrayList<>(texts.size());
        for (int from = 0; from < texts.size(); from += step) {
            int to = Math.min(texts.size(), from + step);
            embedded.addAll(embedder.embed(texts.subList(from, to).stream().map(LabelledText::text).toList()));
            console.accept(String.format(Locale.ROOT, "embedding %s texts: %d of %d%n", what, to, texts.size()));
        }
        return embedded;
    }

    /** The model already in the folder, which the new one must not fall behind; one that cannot be read is not. */
    private static Optional<IntentModel> modelInPlace(BotData bot, Consumer<String> console) {
        bot.modelProblem().ifPresent(problem -> console.accept(
                "warning: the model already in the folder is not compared, it cannot be read: " + problem + "\n"));
        return bot.modelInPlace();
    }

    /** One line per ten fits of a head: the intent head takes 26 (5 folds along 5 L2 strengths, then all texts). */
    private static Consumer<String> fitProgress(Consumer<String> console) {
        AtomicInteger fits = new AtomicInteger();
        return line -> {
            int done = fits.incrementAndGet();
            if (done % FITS_PER_LINE == 0) {
                console.accept(String.format(Locale.ROOT, "fitting the head: %d fits done%n", done));
            }
        };
    }

    private static String evaluationReport(HeadEvaluation evaluated, FittedHead fitted) {
        ModelEvaluation e = evaluated.evaluation();
        return String.format(Locale.ROOT, "evaluation (%s): %s", e.basis(), evaluated.metrics().report())
                + String.format(Locale.ROOT, "crisis: %d of %d crisis texts caught (%s), threshold %.4f%n",
                e.crisisTexts() - e.crisisMissed(), e.crisisTexts(), e.basis(), fitted.crisisThreshold())
                + (e.screening() == null ? "" : e.screening().describe() + " (screening/heldout.tsv, every message "
                + "whole and sentence by sentence)\n");
    }

    /** The whole report for a small bot; for a large one its confusion matrices are in report.txt only. */
    private static String consoleReport(String report, int intents) {
        if (intents <= WHOLE_MATRIX_UP_TO) {
            return report;
        }
        StringBuilder shown = new StringBuilder();
        boolean inMatrix = false;
        for (String line : report.split("\n")) {
            if (line.startsWith("confusion (rows")) {
                inMatrix = true;
                shown.append("confusion matrix: in ").append(REPORT_FILE).append('\n');
            } else if (!inMatrix || !MATRIX_LINE.matcher(line).matches()) {
                inMatrix = false;
                shown.append(line).append('\n');
            }
        }
        return shown.toString();
    }
}
