package io.combot.adapter.out.ml;

import io.combot.domain.model.Intent;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** One line of the project's data sets ({@code data/train.tsv}, {@code data/heldout.tsv}): intent TAB text. */
record LabelledText(Intent intent, String text) {
    static final Path TRAIN = Path.of("data/train.tsv");
    static final Path HELD_OUT = Path.of("data/heldout.tsv");

    LabelledText {
        if (intent == null || intent == Intent.UNKNOWN || text == null || text.isBlank()) {
            throw new IllegalArgumentException("A labelled text has a real intent and a text");
        }
    }

    /** Reads a data set; a relative path is taken from the adapters-ml module, where Maven and bin/ml run. */
    static List<LabelledText> read(Path file) {
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8).stream()
                    .filter(line -> !line.isBlank() && !line.startsWith("#"))
                    .map(LabelledText::parse)
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file.toAbsolutePath(), e);
        }
    }

    private static LabelledText parse(String line) {
        String[] fields = line.split("\t", 2);
        if (fields.length != 2) {
            throw new IllegalArgumentException("Not intent<TAB>text: " + line);
        }
        return new LabelledText(Intent.fromLabel(fields[0].trim())
                .orElseThrow(() -> new IllegalArgumentException("Unknown intent in: " + line)), fields[1].trim());
    }
}
