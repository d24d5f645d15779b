package io.combot.domain.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A bot's folder as training reads it, checked as a whole.
 *
 * @param train          the examples to train on (with labels merged, when there were labels)
 * @param heldout        the held-out examples; empty when the folder has none
 * @param gateTexts      what the promotion gate measures models on: the held-out examples, or, without any, the
 *                       shipped bot's held-out crisis texts, so that no model is promoted on figures it brings along
 * @param modelInPlace   the model the folder holds now, which a new one must not fall behind; empty when there is
 *                       none or it cannot be read ({@code modelProblem} then says why)
 * @param labels         the labels merged in, when training was given some
 * @param files          how the folder's files are named in messages
 * @param screening      the texts that calibrate (train) and judge (held out) the crisis screening: crisis and benign
 *                       messages
 */
public record BotData(BotDefinition definition, List<LabelledText> train, List<LabelledText> heldout,
                      List<LabelledText> gateTexts, List<String> warnings, Optional<IntentModel> modelInPlace,
                      Optional<String> modelProblem, Optional<MergedLabels> labels, BotFiles files,
                      ScreeningTexts screening) {
    public BotData {
        train = List.copyOf(train);
        heldout = List.copyOf(heldout);
        gateTexts = List.copyOf(gateTexts);
        warnings = List.copyOf(warnings);
    }

    /** The intents of the bot's head: bot.yaml's, and unknown when the training set has examples of it. */
    public List<Intent> headIntents() {
        List<Intent> intents = new ArrayList<>(definition.intentNames());
        if (train.stream().anyMatch(example -> example.intent().equals(Intent.UNKNOWN))) {
            intents.add(Intent.UNKNOWN);
        }
        return List.copyOf(intents);
    }

    /**
     * Messages labelled crisis or benign: {@code train} to calibrate the crisis decision, {@code heldout} to judge it;
     * and the explicit crisis phrases that decide a part whatever the model scores it.
     */
    public record ScreeningTexts(List<LabelledText> train, List<LabelledText> heldout, CrisisPhrases phrases) {
        public ScreeningTexts {
            train = List.copyOf(train);
            heldout = List.copyOf(heldout);
        }
    }

    /** How the folder's files are named in messages. */
    public record BotFiles(String train, String head, String report) {
    }

    /**
     * Labels merged into the training set.
     *
     * @param report what the merge kept, dropped and left out, for the console and report.txt
     * @param merged   the labels that went into the training set
     * @param taken    how many examples of earlier merges came out of it (their message relabelled or unlabelled)
     * @param trainTsv the training set's file with the merged labels, to be written with the model
     */
    public record MergedLabels(String report, List<LabelledText> merged, int taken, byte[] trainTsv) {
        public MergedLabels {
            merged = List.copyOf(merged);
            trainTsv = trainTsv.clone();
        }

        /** Whether train.tsv changes, and is written with the model. */
        public boolean changesTraining() {
            return !merged.isEmpty() || taken > 0;
        }
    }
}
