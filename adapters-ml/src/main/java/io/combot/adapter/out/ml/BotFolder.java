package io.combot.adapter.out.ml;

import io.combot.domain.error.InvalidBotException;
import io.combot.domain.model.BotDefinition;
import io.combot.domain.model.Intent;
import io.combot.domain.model.LabelledText;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A bot as its folder holds it, checked as a whole: {@code bot.yaml}, the examples of {@code train.tsv} and
 * {@code heldout.tsv}, and the trained model when there is one. A bot whose training set has no crisis example
 * gets the shipped crisis examples (and its held-out set the shipped held-out crisis texts), so that every bot
 * recognises a crisis.
 */
record BotFolder(BotSource source, BotDefinition definition, List<LabelledText> train, List<LabelledText> heldout,
                 List<String> warnings) {
    static final int MIN_EXAMPLES = 10;
    static final int FEW_EXAMPLES = 30;

    BotFolder {
        train = List.copyOf(train);
        heldout = List.copyOf(heldout);
        warnings = List.copyOf(warnings);
    }

    /** Reads the folder's files once (see {@link BotSource#snapshot()}) and checks them. */
    static BotFolder read(BotSource folder) {
        BotSource source = folder.snapshot();
        byte[] yaml = source.read(BotSource.BOT_YAML).orElseThrow(() -> new InvalidBotException(
                source.describe(BotSource.BOT_YAML) + " is missing (bin/combot new-bot DIR writes a bot to start from)"));
        BotDefinition definition = BotYaml.read(yaml, source.describe(BotSource.BOT_YAML));
        List<String> warnings = new ArrayList<>();
        List<LabelledText> train = examples(source, BotSource.TRAIN, definition, warnings).orElseThrow(
                () -> new InvalidBotException(source.describe(BotSource.TRAIN) + " is missing or holds no example: "
                        + "it holds the examples the model learns from, intent<TAB>text per line"));
        train = withShippedCrisis(train, source.describe(BotSource.TRAIN), BotSource.TRAIN);
        countExamples(source, definition, train, warnings);
        List<LabelledText> heldout = examples(source, BotSource.HELDOUT, definition, warnings)
                .map(texts -> withShippedCrisis(texts, source.describe(BotSource.HELDOUT), BotSource.HELDOUT))
                .orElse(List.of());
        warnHeldoutInTraining(source, train, heldout, warnings);
        return new BotFolder(source, definition, train, heldout, warnings);
    }

    /**
     * What the promotion gate measures models on: the held-out set, or without one the shipped bot's held-out crisis
     * texts, so that a model is never promoted on figures it brings along.
     */
    List<LabelledText> gateTexts() {
        if (!heldout.isEmpty()) {
            return heldout;
        }
        BotSource shipped = BotSource.shipped();
        return LabelledTexts.parse(shipped.read(BotSource.HELDOUT).orElseThrow(), shipped.describe(BotSource.HELDOUT))
                .stream().filter(example -> example.intent().equals(Intent.CRISIS)).toList();
    }

    /** The intents of the bot's head: bot.yaml's, and unknown when train.tsv has examples of what it does not do. */
    List<Intent> headIntents() {
        List<Intent> intents = new ArrayList<>(definition.intentNames());
        if (train.stream().anyMatch(example -> example.intent().equals(Intent.UNKNOWN))) {
            intents.add(Intent.UNKNOWN);
        }
        return List.copyOf(intents);
    }

    /** A trained head with the bytes of its file, which name its version. */
    record TrainedModel(IntentHead head, byte[] bytes) {
    }

    /** The trained model in the folder as it is, not checked against bot.yaml; empty when it was never trained. */
    Optional<TrainedModel> anyModel() {
        return source.read(BotSource.HEAD)
                .map(bytes -> new TrainedModel(IntentHead.parse(bytes, source.describe(BotSource.HEAD)), bytes));
    }

    /** The trained model in the folder, checked against bot.yaml; empty when it was never trained. */
    Optional<TrainedModel> model() {
        return anyModel().map(model -> {
            IntentHead head = model.head();
            Set<Intent> trained = new LinkedHashSet<>(head.intents());
            Set<Intent> defined = new LinkedHashSet<>(headIntents());
            if (!trained.equals(defined)) {
                throw new InvalidBotException(source.describe(BotSource.HEAD) + " was trained for the intents "
                        + trained + " but bot.yaml names " + defined + ": run bin/combot train on the folder");
            }
            return model;
        });
    }

    TrainedModel requireModel() {
        return model().orElseThrow(() -> new InvalidBotException(source.describe(BotSource.HEAD)
                + " is missing: run bin/combot train on the folder first"));
    }

    /** The file's examples, checked against bot.yaml; empty when the file is missing or holds no example. */
    private static Optional<List<LabelledText>> examples(BotSource source, String file, BotDefinition definition,
                                                         List<String> warnings) {
        String described = source.describe(file);
        return source.read(file).map(bytes -> LabelledTexts.parse(bytes, described))
                .filter(parsed -> !parsed.isEmpty())
                .map(parsed -> checked(parsed, described, definition, warnings));
    }

    private static List<LabelledText> checked(List<LabelledText> parsed, String described, BotDefinition definition,
                                              List<String> warnings) {
        Map<String, LabelledText> seen = new HashMap<>();
        List<LabelledText> kept = new ArrayList<>();
        for (LabelledText example : parsed) {
            if (!definition.intentNames().contains(example.intent()) && !example.intent().equals(Intent.UNKNOWN)) {
                throw new InvalidBotException(described + " line " + example.line() + ": intent '"
                        + example.intent() + "' is not defined in bot.yaml");
            }
            LabelledText earlier = seen.putIfAbsent(example.text().toLowerCase(Locale.ROOT), example);
            if (earlier == null) {
                kept.add(example);
            } else if (!earlier.intent().equals(example.intent())) {
                throw new InvalidBotException(described + " line " + example.line() + ": the text '"
                        + LabelledText.abbreviate(example.text()) + "' is under intent " + example.intent()
                        + " here and under intent " + earlier.intent() + " at line " + earlier.line());
            } else {
                warnings.add(described + " line " + example.line() + ": the same text as line " + earlier.line()
                        + ", counted once");
            }
        }
        return kept;
    }

    private static List<LabelledText> withShippedCrisis(List<LabelledText> examples, String described, String file) {
        if (examples.stream().anyMatch(example -> example.intent().equals(Intent.CRISIS))) {
            return examples;
        }
        Map<String, LabelledText> own = new HashMap<>();
        examples.forEach(example -> own.put(example.text().toLowerCase(Locale.ROOT), example));
        List<LabelledText> withCrisis = new ArrayList<>(examples);
        BotSource shipped = BotSource.shipped();
        for (LabelledText crisis : LabelledTexts.parse(shipped.read(file).orElseThrow(), shipped.describe(file))) {
            if (!crisis.intent().equals(Intent.CRISIS)) {
                continue;
            }
            LabelledText clash = own.get(crisis.text().toLowerCase(Locale.ROOT));
            if (clash != null) {
                throw new InvalidBotException(described + " line " + clash.line() + ": the text '"
                        + LabelledText.abbreviate(clash.text()) + "' is under intent " + clash.intent()
                        + " here and a crisis example of the shipped bot, whose crisis examples this bot uses");
            }
            withCrisis.add(crisis);
        }
        return withCrisis;
    }

    private static void countExamples(BotSource source, BotDefinition definition, List<LabelledText> train,
                                      List<String> warnings) {
        Map<Intent, Integer> counts = new LinkedHashMap<>();
        definition.intentNames().forEach(intent -> counts.put(intent, 0));
        // unknown examples count for no intent: any number of them helps.
        train.forEach(example -> counts.computeIfPresent(example.intent(), (intent, count) -> count + 1));
        counts.forEach((intent, count) -> {
            if (count < MIN_EXAMPLES) {
                throw new InvalidBotException(source.describe(BotSource.TRAIN) + ": intent " + intent + " has "
                        + count + " examples; every intent needs at least " + MIN_EXAMPLES);
            }
            if (count < FEW_EXAMPLES) {
                warnings.add(source.describe(BotSource.TRAIN) + ": intent " + intent + " has only " + count
                        + " examples; " + FEW_EXAMPLES + " or more recognise it more reliably");
            }
        });
    }

    private static void warnHeldoutInTraining(BotSource source, List<LabelledText> train, List<LabelledText> heldout,
                                              List<String> warnings) {
        Set<String> trained = new HashSet<>();
        train.forEach(example -> trained.add(example.text().toLowerCase(Locale.ROOT)));
        long overlap = heldout.stream().filter(example -> trained.contains(example.text().toLowerCase(Locale.ROOT)))
                .count();
        if (overlap > 0) {
            warnings.add(source.describe(BotSource.HELDOUT) + ": " + overlap + " texts are also in train.tsv, so the "
                    + "held-out figures are better than the model will do on new messages");
        }
    }
}
