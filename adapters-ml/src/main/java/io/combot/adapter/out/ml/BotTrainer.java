package io.combot.adapter.out.ml;

import io.combot.domain.error.InvalidBotException;
import io.combot.domain.model.Intent;
import io.combot.domain.model.ModelEvaluation;
import io.combot.domain.model.PromotionGate;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * {@code bin/combot train DIR}: embeds the bot's examples with the model the service uses, fits the intent head
 * ({@link HeadTrainer}), evaluates it on {@code heldout.tsv} (out of fold when there is none), and writes it into the
 * folder, unless the promotion gate refuses it against the model already there.
 */
final class BotTrainer {
    /** Exit codes: the folder is not a valid bot; the gate refused the new model. */
    static final int INVALID = 2;
    static final int REFUSED = 3;
    /** Above this many intents the console shows the largest confusions instead of the whole matrix. */
    private static final int WHOLE_MATRIX_UP_TO = 15;
    private static final int FITS_PER_LINE = 10;
    private static final double CONFLICT_PROBABILITY = 0.5;
    private static final int MAX_CONFLICTS = 20;
    /** The header (intent names, indented) or a row (an intent and its counts) of a confusion matrix. */
    private static final Pattern MATRIX_LINE = Pattern.compile("\\s.*|[a-z0-9_]+( +\\d+)+");

    private final PrintStream out;
    private final ClassifierSettings settings;

    BotTrainer(PrintStream out, ClassifierSettings settings) {
        this.out = out;
        this.settings = settings;
    }

    /** With {@code labels}, trains on train.tsv with them merged, and writes train.tsv with the model. */
    int train(Path dir, boolean force, Optional<LabelExport> labels) {
        long started = System.nanoTime();
        BotSource source = BotSource.folder(dir);
        BotFolder asWritten = BotFolder.read(source);
        Optional<LabelMerge> merge = labels.map(export -> LabelMerge.of(asWritten, export));
        merge.ifPresent(merged -> out.print(merged.report()));
        BotFolder folder = merge.map(merged -> BotFolder.read(source.replacing(BotSource.TRAIN, merged.trainTsv())))
                .orElse(asWritten);
        boolean trainChanged = merge.filter(merged -> !merged.merged().isEmpty()).isPresent();
        folder.warnings().forEach(warning -> out.println("warning: " + warning));
        List<Intent> intents = folder.definition().intentNames();
        out.printf(Locale.ROOT, "bot %s: %d intents, %d training texts, %d held-out texts%n",
                folder.definition().name(), intents.size(), folder.train().size(), folder.heldout().size());

        IntentHead head;
        ModelEvaluator.Evaluated evaluated;
        ModelEvaluation current;
        HeadTrainer.Result result;
        byte[] encoderDigest;
        try (MiniLmEncoder encoder = new MiniLmEncoder(settings.maxTokens(), settings.intraOpThreads());
             EmbeddingWorkers workers = new EmbeddingWorkers(encoder, settings)) {
            encoderDigest = encoder.modelDigest();
            float[][] x = embed(workers, folder.train(), "training");
            int[] y = folder.train().stream().mapToInt(example -> intents.indexOf(example.intent())).toArray();
            result = HeadTrainer.train(intents.stream().map(Intent::label).toList(), x, y, fitProgress());
            IntentHead fitted = new IntentHead(intents, result.weights(), result.biases(), result.crisisThreshold(),
                    null);
            if (folder.heldout().isEmpty()) {
                evaluated = ModelEvaluator.outOfFold(intents, folder.train(), result.outOfFoldProbabilities(),
                        result.crisisThreshold());
                current = modelInFolder(folder).map(model -> model.head().evaluation())
                        .filter(e -> e.basis().equals(ModelEvaluation.OUT_OF_FOLD)).orElse(null);
            } else {
                float[][] heldout = embed(workers, folder.heldout(), "held-out");
                evaluated = ModelEvaluator.evaluate(fitted, folder.heldout(), heldout);
                current = modelInFolder(folder)
                        .map(model -> ModelEvaluator.evaluate(model.head(), folder.heldout(), heldout).evaluation())
                        .orElse(null);
            }
            head = new IntentHead(intents, result.weights(), result.biases(), result.crisisThreshold(),
                    evaluated.evaluation());
        }
        String conflicts = conflicts(folder, intents, result.outOfFoldProbabilities());
        String report = merge.map(LabelMerge::report).orElse("") + report(folder, result, evaluated) + conflicts;
        out.print(consoleReport(report, intents.size()));
        PromotionGate gate = PromotionGate.check(evaluated.evaluation(), current, force);
        out.println("promotion gate " + gate.reason());
        if (!gate.passed()) {
            out.println("the model in " + source.describe(BotSource.HEAD) + " was kept"
                    + (trainChanged ? " and " + source.describe(BotSource.TRAIN) + " left without the labels" : "")
                    + "; --force writes the new one anyway");
            return REFUSED;
        }
        byte[] headBytes = head.format(headComment(folder, result)).getBytes(StandardCharsets.UTF_8);
        // train.tsv first and head.txt last: a reload between the writes still finds a model trained for bot.yaml.
        if (trainChanged) {
            write(dir.resolve(BotSource.TRAIN), merge.get().trainTsv());
            out.printf(Locale.ROOT, "wrote %s with %d labels merged%n", source.describe(BotSource.TRAIN),
                    merge.get().merged().size());
        }
        write(dir.resolve(BotSource.REPORT), (report + "promotion gate " + gate.reason() + "\n")
                .getBytes(StandardCharsets.UTF_8));
        write(dir.resolve(BotSource.HEAD), headBytes);
        out.printf(Locale.ROOT, "wrote %s and %s in %.1f s; model version %s%n", source.describe(BotSource.HEAD),
                source.describe(BotSource.REPORT), (System.nanoTime() - started) / 1e9,
                ModelVersion.of(encoderDigest, headBytes));
        return 0;
    }

    /** Each text alone, as the service embeds it, two at a time on the workers; a line of progress every tenth. */
    private float[][] embed(EmbeddingWorkers workers, List<LabelledText> texts, String what) {
        float[][] x = new float[texts.size()][];
        AtomicInteger done = new AtomicInteger();
        int step = Math.max(1, texts.size() / 10);
        ExecutorService callers = Executors.newFixedThreadPool(settings.workers());
        try {
            List<Future<?>> pending = new ArrayList<>();
            for (int i = 0; i < texts.size(); i++) {
                int row = i;
                pending.add(callers.submit(() -> {
                    x[row] = workers.embed(texts.get(row).text());
                    int count = done.incrementAndGet();
                    if (count % step == 0 || count == texts.size()) {
                        out.printf(Locale.ROOT, "embedding %s texts: %d of %d%n", what, count, texts.size());
                    }
                }));
            }
            for (Future<?> each : pending) {
                each.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while embedding", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Embedding a text failed", e.getCause());
        } finally {
            callers.shutdownNow();
        }
        return x;
    }

    /** The model already in the folder, which the new one must not fall behind; one that cannot be read is not. */
    private Optional<BotFolder.TrainedModel> modelInFolder(BotFolder folder) {
        try {
            return folder.anyModel();
        } catch (InvalidBotException e) {
            out.println("warning: the model already in the folder is not compared, it cannot be read: "
                    + e.getMessage());
            return Optional.empty();
        }
    }

    /** One line per ten fits of the head, of the 46 or so that cross-validation and the final fit take. */
    private Consumer<String> fitProgress() {
        AtomicInteger fits = new AtomicInteger();
        return line -> {
            int done = fits.incrementAndGet();
            if (done % FITS_PER_LINE == 0) {
                out.printf(Locale.ROOT, "fitting the head: %d fits done%n", done);
            }
        };
    }

    /**
     * Training texts that a head which never saw them gives confidently to another intent: often a text under the
     * wrong intent, or one that a new intent now covers (a shipped "Where is my order?" under question, once the bot
     * has order_status). Listed so that a person can move or reword them; training uses them as they are.
     */
    private static String conflicts(BotFolder folder, List<Intent> intents, double[][] outOfFold) {
        record Conflict(LabelledText text, Intent readAs, double p) {
        }
        List<Conflict> found = new ArrayList<>();
        for (int i = 0; i < outOfFold.length; i++) {
            int best = 0;
            for (int k = 1; k < outOfFold[i].length; k++) {
                best = outOfFold[i][k] > outOfFold[i][best] ? k : best;
            }
            LabelledText text = folder.train().get(i);
            if (!intents.get(best).equals(text.intent()) && outOfFold[i][best] >= CONFLICT_PROBABILITY) {
                found.add(new Conflict(text, intents.get(best), outOfFold[i][best]));
            }
        }
        if (found.isEmpty()) {
            return "";
        }
        found.sort((a, b) -> Double.compare(b.p(), a.p()));
        StringBuilder lines = new StringBuilder(String.format(Locale.ROOT, "%d training texts read as another intent "
                + "out of fold (p >= %.1f); move or reword those under the wrong intent:%n", found.size(),
                CONFLICT_PROBABILITY));
        found.stream().limit(MAX_CONFLICTS).forEach(conflict -> lines.append(String.format(Locale.ROOT,
                "  %s line %d: '%s' is under %s but reads as %s (%.2f)%n", BotSource.TRAIN, conflict.text().line(),
                LabelledText.abbreviate(conflict.text().text()), conflict.text().intent(), conflict.readAs(),
                conflict.p())));
        return lines.toString();
    }

    private static String report(BotFolder folder, HeadTrainer.Result result, ModelEvaluator.Evaluated evaluated) {
        ModelEvaluation e = evaluated.evaluation();
        return result.cvReport()
                + String.format(Locale.ROOT, "evaluation (%s): %s", e.basis(), evaluated.metrics().report())
                + String.format(Locale.ROOT, "crisis: %d of %d crisis texts caught (%s), threshold %.4f%n",
                e.crisisTexts() - e.crisisMissed(), e.crisisTexts(), e.basis(), result.crisisThreshold());
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
                shown.append("confusion matrix: in ").append(BotSource.REPORT).append('\n');
            } else if (!inMatrix || !MATRIX_LINE.matcher(line).matches()) {
                inMatrix = false;
                shown.append(line).append('\n');
            }
        }
        return shown.toString();
    }

    private static String headComment(BotFolder folder, HeadTrainer.Result result) {
        return String.format(Locale.ROOT, """
                Intent head of bot %s: multinomial logistic regression over L2-normalised mean-pooled
                all-MiniLM-L6-v2 (quantized) embeddings. Written by `bin/combot train` from train.tsv (%d texts).
                L2 %.0e chosen by cross-validation; crisis threshold %.1f x the lowest out-of-fold p(crisis) of a
                crisis text, the margin chosen by nested cross-validation. model/report.txt has the figures.
                Line format: intent bias w1 ... w%d""", folder.definition().name(), folder.train().size(),
                result.l2(), result.crisisMargin(), result.weights()[0].length);
    }

    /** Writes beside the target, then moves it in: a reader never sees half a model. */
    private static void write(Path target, byte[] bytes) {
        try {
            Files.createDirectories(target.getParent());
            Path temporary = Files.createTempFile(target.getParent(), ".train-", ".tmp");
            Files.write(temporary, bytes);
            Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + target, e);
        }
    }
}
