package io.combot.domain.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The rules of what a merge of labels keeps, on examples alone. */
class LabelMergeTest {
    private static final Intent ORDER = Intent.of("order_status");
    private static final Intent CANCEL = Intent.of("cancel_account");
    private static final MessageId FIRST = MessageId.random();
    private static final MessageId SECOND = MessageId.random();
    /** Line 1 by hand; lines 2 and 3 written by an earlier merge of FIRST and SECOND. */
    private static final List<LabelledText> TRAIN = List.of(
            new LabelledText(ORDER, "where is my order", 1),
            new LabelledText(ORDER, "where is my parcel", 2, Optional.of(FIRST)),
            new LabelledText(CANCEL, "close my account", 3, Optional.of(SECOND)));

    @Test
    void aRelabelReplacesWhatTheEarlierMergeOfItsMessageWrote() {
        LabelMerge merge = merge(List.of(new LabelledText(CANCEL, "Where is my parcel", 1, Optional.of(FIRST))),
                List.of());

        assertThat(merge.taken()).containsExactly(TRAIN.get(1));
        assertThat(merge.merged()).extracting(LabelledText::intent).containsExactly(CANCEL);
        assertThat(merge.changesTraining()).isTrue();
        assertThat(merge.report()).contains("1 examples of earlier merges taken out: 1 messages relabelled, "
                + "0 unlabelled");
    }

    @Test
    void anUnlabelTakesOutWhatTheEarlierMergeOfItsMessageWrote() {
        LabelMerge merge = merge(List.of(), List.of(new Labels.Removal(SECOND, 1)));

        assertThat(merge.taken()).containsExactly(TRAIN.get(2));
        assertThat(merge.removed()).isEqualTo(1);
        assertThat(merge.merged()).isEmpty();
    }

    @Test
    void theSameLabelAgainChangesNothing() {
        LabelMerge merge = merge(List.of(new LabelledText(ORDER, "WHERE IS MY PARCEL", 1, Optional.of(FIRST))),
                List.of(new Labels.Removal(MessageId.random(), 2)));

        assertThat(merge.taken()).isEmpty();
        assertThat(merge.duplicates()).isEqualTo(1);
        assertThat(merge.changesTraining()).isFalse();
    }

    @Test
    void anExampleWrittenByHandIsNeverTakenOut() {
        MessageId third = MessageId.random();
        LabelMerge merge = merge(List.of(new LabelledText(CANCEL, "where is my order", 1, Optional.of(third))),
                List.of(new Labels.Removal(third, 2)));

        assertThat(merge.taken()).isEmpty();
        assertThat(merge.merged()).isEmpty();
        assertThat(merge.duplicates()).as("the removal is the message's last word").isEqualTo(1);
        assertThat(merge.changesTraining()).isFalse();
    }

    @Test
    void aRelabelToATextWrittenByHandUnderAnotherIntentIsLeftOutAndTheEarlierMergeStillTakenOut() {
        LabelMerge merge = merge(List.of(new LabelledText(CANCEL, "where is my order", 1, Optional.of(FIRST))),
                List.of());

        assertThat(merge.taken()).containsExactly(TRAIN.get(1));
        assertThat(merge.leftOut()).extracting(LabelMerge.LeftOut::reason)
                .containsExactly("the text is under intent order_status in line 1");
    }

    @Test
    void theLastLineAboutAMessageWins() {
        LabelMerge merge = merge(List.of(new LabelledText(CANCEL, "where is my parcel", 1, Optional.of(FIRST)),
                new LabelledText(ORDER, "where is my parcel", 3, Optional.of(FIRST))),
                List.of(new Labels.Removal(FIRST, 2)));

        assertThat(merge.read()).isEqualTo(3);
        assertThat(merge.duplicates()).isEqualTo(3);
        assertThat(merge.taken()).isEmpty();
    }

    private static LabelMerge merge(List<LabelledText> labels, List<Labels.Removal> removals) {
        return LabelMerge.of(new LabelMerge.Bot(Set.of(ORDER, CANCEL), TRAIN, List.of(),
                example -> "line " + example.line(), example -> "held-out line " + example.line()),
                new Labels("labels.tsv", labels, removals));
    }
}
