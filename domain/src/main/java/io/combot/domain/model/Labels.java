package io.combot.domain.model;

import java.util.List;

/** Labels to train with, in the order given, and where they came from (a file or URL, for messages). */
public record Labels(String from, List<LabelledText> labels) {
    public Labels {
        labels = List.copyOf(labels);
    }
}
