package io.combot.adapter.out.ml;

import io.combot.domain.model.FittedHead;
import io.combot.domain.model.Intent;
import io.combot.domain.model.IntentModel;
import io.combot.domain.model.LabelledText;
import io.combot.domain.model.ModelEvaluation;
import io.combot.domain.port.out.FitIntentHeadPort;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/** Fits the intent head with {@link HeadTrainer} (L-BFGS, cross-validated L2 and crisis threshold). */
final class LbfgsHeadFitter implements FitIntentHeadPort {
    private static final double CONFLICT_PROBABILITY = 0.5;
    private static final int MAX_CONFLICTS = 20;
    /**
     * Bounds the weights of the head (one per class, dimension and word), so that its vocabulary shrinks as the
     * intents grow: L-BFGS keeps 20 vectors of that size per fit, and the folds fit side by side.
     */
    static final int MAX_WEIGHTS = 250_000;

    /** A fitted head and how it was chosen, which its file's comment says. */
    record Fitted(IntentHead head, HeadTrainer.Result result, int texts) implements IntentModel {
        @Override
        public List<Intent> intents() {
            return head.intents();
        }

        @Override
        public Intent predict(String text, float[] embedding) {
            return head.predict(text, embedding);
        }

        @Override
        public double crisisScore(String text, float[] embedding) {
            return head.crisisScore(text, embedding);
        }

        @Override
        public double decisionThreshold() {
            return head.decisionThreshold();
        }

        @Override
        public Fitted withDecisionThreshold(double threshold) {
            return new Fitted(head.withDecisionThreshold(threshold), result, texts);
        }

        /** The head with the figures measured on it, its crisis head and minimum confidence kept. */
        IntentHead head(ModelEvaluation evaluation) {
            return head.with(head.crisisHead(), head.minConfidence(), evaluation);
        }

        String comment(String botName) {
            return String.format(Locale.ROOT, """
                    Intent head of bot %s: multinomial logistic regression over L2-normalised mean-pooled
                    all-MiniLM-L6-v2 (quantized) embeddings and the words of the words line. Written by
                    `bin/combot train` from train.tsv (%d texts). L2 %.0e chosen by cross-validation. The crisis
                    decision is the crisis head's (crisis against everything else, with screening/train.tsv, over the
                    embedding and the words of crisis-head-words), its threshold %.1f x the out-of-fold score %.0f %%
                    of crisis texts reach, lowered when the model in the folder catches more held-out crisis messages.
                    model/report.txt has the figures.
                    Line format: intent bias w1 ... w%d, then one weight per word; crisis-head the same""",
                    botName, texts, result.l2(), CrisisHeadTrainer.MARGIN, 100 * (1 - CrisisHeadTrainer.QUANTILE),
                    MiniLmEncoder.DIMENSIONS);
        }
    }

    @Override
    public FittedHead fit(List<Intent> intents, List<LabelledText> train, List<float[]> embedded,
                          Consumer<String> progress) {
        float[][] x = embedded.toArray(float[][]::new);
        int[] y = train.stream().mapToInt(example -> intents.indexOf(example.intent())).toArray();
        List<String> texts = train.stream().map(LabelledText::text).toList();
        WordFeatures words = WordFeatures.learn(texts,
                Math.max(0, MAX_WEIGHTS / intents.size() - MiniLmEncoder.DIMENSIONS));
        HeadTrainer.Result result = HeadTrainer.train(intents.stream().map(Intent::label).toList(), texts, x,
                words.of(texts), y, progress);
        IntentHead head = new IntentHead(intents, result.weights(), result.biases(), words, result.crisisThreshold(),
                null);
        int crisis = intents.indexOf(Intent.CRISIS);
        List<FittedHead.OutOfFold> outOfFold = Arrays.stream(result.outOfFoldProbabilities())
                .map(p -> new FittedHead.OutOfFold(p[crisis], intents.get(IntentHead.argMaxOther(p, crisis))))
                .toList();
        return new FittedHead(new Fitted(head, result, train.size()), result.crisisThreshold(), outOfFold,
                result.cvReport(), conflicts(train, intents, result.outOfFoldProbabilities()));
    }

    /**
     * Training texts that a head which never saw them gives confidently to another intent: often a text under the
     * wrong intent, or one that a new intent now covers (a shipped "Where is my order?" under question, once the bot
     * has order_status). Listed so that a person can move or reword them; training uses them as they are.
     */
    private static String conflicts(List<LabelledText> train, List<Intent> intents, double[][] outOfFold) {
        record Conflict(LabelledText text, Intent readAs, double p) {
        }
        List<Conflict> found = new ArrayList<>();
        for (int i = 0; i < outOfFold.length; i++) {
            int best = 0;
            for (int k = 1; k < outOfFold[i].length; k++) {
                best = outOfFold[i][k] > outOfFold[i][best] ? k : best;
            }
            LabelledText text = train.get(i);
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
}
