package io.combot.domain.model;

import java.util.List;

/**
 * Labels to train with, in the order given, and where they came from (a file or URL, for messages).
 *
 * @param removals the messages whose label was removed in the service: a merge takes out what it wrote for them
 */
public record Labels(String from, List<LabelledText> labels, List<Removal> removals) {
    /**
     * How a line names its message, in train.tsv's format: {@code intent<TAB>text<TAB># message <id>}. A reader that
     * takes everything after the first tab as the text is not broken by it, and a line without it labels no message.
     */
    public static final String MESSAGE_FIELD = "\t# message ";
    /** A removed label, as a comment line ({@code # unlabelled <id>}), so that a reader of train.tsv skips it. */
    public static final String REMOVAL_LINE = "# unlabelled ";

    public Labels {
        labels = List.copyOf(labels);
        removals = List.copyOf(removals);
    }

    public Labels(String from, List<LabelledText> labels) {
        this(from, labels, List.of());
    }

    /** A label removed from {@code message}, at {@code line} of the labels. */
    public record Removal(MessageId message, int line) {
    }
}
