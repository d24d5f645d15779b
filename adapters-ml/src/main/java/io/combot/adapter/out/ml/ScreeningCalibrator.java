package io.combot.adapter.out.ml;

import io.combot.domain.model.BotData;
import io.combot.domain.model.FittedHead;
import io.combot.domain.port.out.CalibrateSafetyPort;
import io.combot.domain.port.out.EmbedTextsPort;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.function.Consumer;
import java.util.stream.IntStream;

/**
 * Trains a bot's crisis head ({@link CrisisHeadTrainer}) and, when {@code bot.yaml} sets no {@code min_confidence},
 * chooses the minimum confidence on the held-out texts ({@link MinConfidence}).
 */
final class ScreeningCalibrator implements CalibrateSafetyPort {
    private final EmbedTextsPort embedder;

    ScreeningCalibrator(EmbedTextsPort embedder) {
        this.embedder = embedder;
    }

    @Override
    public FittedHead calibrate(BotData bot, FittedHead head, List<float[]> train, List<float[]> heldout,
                                Consumer<String> progress) {
        if (!(head.model() instanceof LbfgsHeadFitter.Fitted fitted)) {
            throw new IllegalArgumentException("A head fitted elsewhere: " + head.model());
        }
        CrisisHeadTrainer.Result crisis = CrisisHeadTrainer.train(bot.train(), train.toArray(float[][]::new),
                bot.screening().train(), texts -> embedder.embed(texts).toArray(float[][]::new),
                embedder.readsWholeUpTo(), progress);
        StringBuilder report = new StringBuilder(String.format(Locale.ROOT, "crisis head: %d crisis and %d other "
                + "texts (train.tsv and screening/train.tsv, benign messages sentence by sentence), threshold %.4f%n",
                crisis.crisisTexts(), crisis.otherTexts(), crisis.head().threshold()));
        report.append(String.format(Locale.ROOT, "crisis phrases: %d (screening/phrases.txt, the shipped ones "
                + "always among them)%n", bot.screening().phrases().phrases().size()));
        crisis.report().lines().filter(line -> line.startsWith("crisis head over"))
                .forEach(line -> report.append("  ").append(line).append('\n'));
        IntentHead calibrated = fitted.head().with(bot.screening().phrases())
                .with(crisis.head(), OptionalDouble.empty(), null);
        if (bot.definition().minConfidence().isPresent()) {
            report.append(String.format(Locale.ROOT, "minimum confidence %.2f, set in bot.yaml%n",
                    bot.definition().minConfidence().getAsDouble()));
        } else if (!heldout.isEmpty()) {
            MinConfidence.Choice choice = MinConfidence.choose(calibrated, bot.heldout(),
                    heldout.toArray(float[][]::new));
            calibrated = calibrated.with(crisis.head(), OptionalDouble.of(choice.threshold()), null);
            report.append(choice.report());
        } else {
            report.append("minimum confidence: not chosen without heldout.tsv; the service's default applies\n");
        }
        return new FittedHead(new LbfgsHeadFitter.Fitted(calibrated, fitted.result(), fitted.texts()),
                crisis.head().threshold(), outOfFold(calibrated, bot, head, crisis), head.fitReport() + report,
                head.conflicts());
    }

    /**
     * The training texts read out of fold as the calibrated head decides: crisis by a phrase or the crisis head's
     * score, not by the intent head's crisis row.
     */
    private static List<FittedHead.OutOfFold> outOfFold(IntentHead calibrated, BotData bot, FittedHead head,
                                                        CrisisHeadTrainer.Result crisis) {
        return IntStream.range(0, bot.train().size()).mapToObj(i -> new FittedHead.OutOfFold(
                calibrated.decisionScore(bot.train().get(i).text(), crisis.outOfFoldScores()[i]),
                head.outOfFold().get(i).otherwise())).toList();
    }
}
