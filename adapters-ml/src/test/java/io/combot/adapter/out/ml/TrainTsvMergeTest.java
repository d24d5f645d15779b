package io.combot.adapter.out.ml;

import static io.combot.adapter.out.ml.ShopBot.YAML;
import static io.combot.adapter.out.ml.ShopBot.train;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.combot.domain.error.InvalidBotException;
import io.combot.domain.error.UnreadableLabelsException;
import io.combot.domain.model.Intent;
import io.combot.domain.model.LabelMerge.LeftOut;
import io.combot.domain.model.LabelledText;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Labels merged into a small bot's training set, read from files in a temp folder as {@code train --labels} reads them. */
class TrainTsvMergeTest {
    /** A shipped crisis example, which this bot trains on since its train.tsv has none. */
    private static final String SHIPPED_CRISIS = "I want to die";

    private static final String ID_1 = "0b6f2a4e-5d1c-4f7a-9e3b-1c2d3e4f5a6b";
    private static final String ID_2 = "7c8d9e0f-1a2b-4c3d-8e4f-5a6b7c8d9e0f";
    private static final String MESSAGE_1 = "\t# message " + ID_1;
    private static final String MESSAGE_2 = "\t# message " + ID_2;

    @TempDir
    Path dir;
    private BotFolder bot;

    @BeforeEach
    void writeTheBot() throws IOException {
        ShopBot.write(dir, YAML, train(12, 12));
        Files.writeString(dir.resolve("heldout.tsv"), "order_status\tmy parcel never came\n");
        bot = BotFolder.read(BotSource.folder(dir));
    }

    @Test
    void newTextsAreMergedDuplicatesDroppedAndConflictsLeftOutWithTheirReason() throws IOException {
        TrainTsvMerge merge = merge("""
                # labels exported by the service
                order_status\twhere is my parcel
                order_status\tWHERE IS MY ORDER 3
                cancel_account\tWhere is my order 4
                smalltalk\tnice weather today
                order_status\thas my order shipped
                cancel_account\tHas my order shipped
                cancel_account\tclose my account now
                cancel_account\tclose my account now
                order_status\tMy parcel never came
                order_status\tI want to die
                """);

        assertThat(merge.merge().read()).isEqualTo(10);
        assertThat(merge.merge().merged()).extracting(LabelledText::text)
                .containsExactly("where is my parcel", "close my account now");
        assertThat(merge.merge().duplicates()).isEqualTo(2);
        assertThat(merge.merge().leftOut()).extracting(left -> left.label().line() + ": " + left.reason()).containsExactly(
                "4: the text is under intent order_status in train.tsv line 4",
                "5: intent smalltalk is not defined in bot.yaml",
                "6: the labels give the text two ways: order_status at line 6, cancel_account at line 7",
                "7: the labels give the text two ways: order_status at line 6, cancel_account at line 7",
                "10: the text is held out (heldout.tsv line 1); training on it would flatter the held-out figures",
                "11: the text is under intent crisis in the shipped bot's train.tsv");
        assertThat(merge.merge().report()).startsWith("labels from " + labelsFile() + ": 10 read, 2 merged, 2 dropped as "
                        + "duplicates, 6 left out\n")
                .contains("  labels line 5: 'nice weather today' under smalltalk left out: intent smalltalk is not "
                        + "defined in bot.yaml\n")
                .hasLineCount(7);
    }

    @Test
    void theMergedLabelsAreAppendedToTrainTsvWhichThenReadsAsTheMergedTrainingSet() throws IOException {
        byte[] before = Files.readAllBytes(dir.resolve("train.tsv"));

        TrainTsvMerge merge = merge("order_status\twhere is my parcel\ncancel_account\tclose my account now\n");

        String written = new String(merge.trainTsv(), StandardCharsets.UTF_8);
        assertThat(written).startsWith(new String(before, StandardCharsets.UTF_8))
                .containsPattern("\n# 2 labels merged by bin/combot train --labels \\S+labels.tsv on \\S+Z\n"
                        + "order_status\twhere is my parcel\ncancel_account\tclose my account now\n$");
        Files.write(dir.resolve("train.tsv"), merge.trainTsv());
        BotFolder merged = BotFolder.read(BotSource.folder(dir));
        assertThat(merged.train()).hasSize(bot.train().size() + 2);
        assertThat(merged.train().subList(24, 26)).extracting(LabelledText::text)
                .containsExactly("where is my parcel", "close my account now");
        assertThat(merged.train().get(24).line()).isEqualTo(26);
    }

    @Test
    void aCrisisLabelOfABotThatUsedTheShippedCrisisExamplesKeepsThemInTrainTsv() throws IOException {
        TrainTsvMerge merge = merge("crisis\tI am going to end it all tonight\n");

        Files.write(dir.resolve("train.tsv"), merge.trainTsv());
        List<LabelledText> crisis = BotFolder.read(BotSource.folder(dir)).train().stream()
                .filter(example -> example.intent().equals(Intent.CRISIS)).toList();
        List<LabelledText> shipped = bot.train().stream().filter(example -> example.intent().equals(Intent.CRISIS))
                .toList();
        assertThat(crisis).hasSize(shipped.size() + 1).extracting(LabelledText::text)
                .contains(SHIPPED_CRISIS, "I am going to end it all tonight");
    }

    @Test
    void nothingMergedLeavesTrainTsvAsItWas() throws IOException {
        TrainTsvMerge merge = merge("order_status\tWhere is my order 1\n");

        assertThat(merge.merge().merged()).isEmpty();
        assertThat(merge.trainTsv()).isEqualTo(Files.readAllBytes(dir.resolve("train.tsv")));
    }

    @Test
    void aRelabelledMessageReplacesTheLineAnEarlierMergeWroteForIt() throws IOException {
        int examples = bot.train().size();
        mergeAndWrite("order_status\twhere is my parcel" + MESSAGE_1 + "\n");

        String written = mergeAndWrite("cancel_account\tWhere is my parcel" + MESSAGE_1 + "\n");

        assertThat(written).doesNotContain("order_status\twhere is my parcel")
                .endsWith("\ncancel_account\tWhere is my parcel" + MESSAGE_1 + "\n");
        assertThat(bot.train()).filteredOn(example -> example.text().equalsIgnoreCase("where is my parcel"))
                .extracting(LabelledText::intent).containsExactly(Intent.of("cancel_account"));
        assertThat(bot.train()).hasSize(examples + 1);
    }

    @Test
    void anUnlabelledMessageTakesOutTheLineAnEarlierMergeWroteForIt() throws IOException {
        String before = Files.readString(dir.resolve("train.tsv"));
        int examples = bot.train().size();
        mergeAndWrite("order_status\twhere is my parcel" + MESSAGE_1 + "\n"
                + "cancel_account\tclose my account now" + MESSAGE_2 + "\n");

        TrainTsvMerge merge = merge("# unlabelled " + ID_1 + "\n");

        assertThat(merge.merge().taken()).extracting(LabelledText::text).containsExactly("where is my parcel");
        assertThat(merge.merge().report()).contains("  1 examples of earlier merges taken out: 0 messages relabelled, "
                + "1 unlabelled\n");
        String written = mergeAndWrite("# unlabelled " + ID_1 + "\n");
        assertThat(written).startsWith(before).doesNotContain("where is my parcel")
                .contains("cancel_account\tclose my account now" + MESSAGE_2 + "\n");
        assertThat(bot.train()).hasSize(examples + 1);
    }

    @Test
    void aLineWrittenByHandIsNeverTouchedByAMerge() throws IOException {
        String before = Files.readString(dir.resolve("train.tsv"));

        TrainTsvMerge relabel = merge("cancel_account\tWhere is my order 3" + MESSAGE_1 + "\n# unlabelled " + ID_2
                + "\n");

        assertThat(relabel.merge().taken()).isEmpty();
        assertThat(relabel.merge().leftOut()).extracting(LeftOut::reason)
                .containsExactly("the text is under intent order_status in train.tsv line 3");
        assertThat(new String(relabel.trainTsv(), StandardCharsets.UTF_8)).isEqualTo(before);
    }

    @Test
    void aCommentIsNoExampleWhateverItHolds() throws IOException {
        mergeAndWrite("order_status\twhere is my parcel" + MESSAGE_1 + "\n");
        Files.writeString(dir.resolve("train.tsv"), "# a note on" + MESSAGE_1 + "\n", StandardOpenOption.APPEND);
        bot = BotFolder.read(BotSource.folder(dir));

        String written = mergeAndWrite("# unlabelled " + ID_1 + "\n");

        assertThat(written).doesNotContain("where is my parcel").endsWith("\n# a note on" + MESSAGE_1 + "\n");
    }

    @Test
    void theLastLineAboutAMessageIsItsLastWord() throws IOException {
        TrainTsvMerge merge = merge("order_status\twhere is my parcel" + MESSAGE_1 + "\n# unlabelled " + ID_1
                + "\ncancel_account\tclose my account now" + MESSAGE_2 + "\n");

        assertThat(merge.merge().merged()).extracting(LabelledText::text).containsExactly("close my account now");
        assertThat(merge.merge().duplicates()).isEqualTo(1);
    }

    @Test
    void aFileThatIsNotInTrainTsvsFormatIsRefusedWithItsLine() {
        assertThatThrownBy(() -> merge("order_status\tfine\n<html>login</html>\n"))
                .isInstanceOf(InvalidBotException.class)
                .hasMessage(labelsFile() + " line 2: expected intent<TAB>text, found no tab in '<html>login</html>'");
    }

    @Test
    void aMissingFileIsNamed() {
        assertThatThrownBy(() -> LabelExport.read(labelsFile().toString(), null))
                .isInstanceOf(UnreadableLabelsException.class)
                .hasMessage("the labels file " + labelsFile() + " does not exist");
    }

    private TrainTsvMerge merge(String labels) throws IOException {
        Files.writeString(labelsFile(), labels, StandardCharsets.UTF_8);
        return TrainTsvMerge.of(bot, new FolderTrainingAdapter(null, () -> new byte[0]).read(labelsFile().toString()));
    }

    /** Merges as {@code train --labels} does when the model is written: train.tsv is replaced, and read again. */
    private String mergeAndWrite(String labels) throws IOException {
        Files.write(dir.resolve("train.tsv"), merge(labels).trainTsv());
        bot = BotFolder.read(BotSource.folder(dir));
        return Files.readString(dir.resolve("train.tsv"));
    }

    private Path labelsFile() {
        return dir.resolve("labels.tsv").toAbsolutePath();
    }
}
