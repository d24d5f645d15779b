package io.combot.adapter.out.knowledge;

import io.combot.domain.model.Passage;
import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Cuts a document into passages along its structure: consecutive blocks of one section join while they fit in
 * {@code maxWords}; a longer block is cut between sentences. A passage never spans two sections, so its heading is
 * always the one it sits under.
 */
final class PassageSplitter {
    private final int maxWords;

    PassageSplitter(int maxWords) {
        this.maxWords = maxWords;
    }

    List<Passage> split(ParsedDocument document) {
        List<DocumentBlock> pieces = new ArrayList<>();
        for (DocumentBlock block : document.blocks()) {
            for (String piece : fit(block.text())) {
                pieces.add(new DocumentBlock(block.section(), piece));
            }
        }
        List<Passage> passages = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        int words = 0;
        String section = null;
        for (DocumentBlock piece : pieces) {
            int pieceWords = words(piece.text());
            if (text.length() > 0 && (!piece.section().equals(section) || words + pieceWords > maxWords)) {
                passages.add(passage(document, passages.size(), section, text.toString()));
                text.setLength(0);
                words = 0;
            }
            section = piece.section();
            text.append(text.length() > 0 ? "\n\n" : "").append(piece.text());
            words += pieceWords;
        }
        if (text.length() > 0) {
            passages.add(passage(document, passages.size(), section, text.toString()));
        }
        return passages;
    }

    /** A block within the limit as it is; a longer one as runs of whole sentences (a huge sentence by words). */
    private List<String> fit(String block) {
        if (words(block) <= maxWords) {
            return List.of(block);
        }
        List<String> runs = new ArrayList<>();
        StringBuilder run = new StringBuilder();
        BreakIterator sentences = BreakIterator.getSentenceInstance(Locale.ROOT);
        sentences.setText(block);
        for (int start = sentences.first(), end = sentences.next(); end != BreakIterator.DONE;
                start = end, end = sentences.next()) {
            for (String part : byWords(block.substring(start, end).strip())) {
                if (run.length() > 0 && words(run.toString()) + words(part) > maxWords) {
                    runs.add(run.toString());
                    run.setLength(0);
                }
                run.append(run.length() > 0 ? " " : "").append(part);
            }
        }
        if (run.length() > 0) {
            runs.add(run.toString());
        }
        return runs;
    }

    private List<String> byWords(String sentence) {
        String[] words = sentence.split("\\s+");
        if (words.length <= maxWords) {
            return List.of(sentence);
        }
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < words.length; i += maxWords) {
            parts.add(String.join(" ", Arrays.copyOfRange(words, i, Math.min(words.length, i + maxWords))));
        }
        return parts;
    }

    private static Passage passage(ParsedDocument document, int position, String section, String text) {
        return new Passage(document.source(), position, document.title(), section, document.url(), text);
    }

    static int words(String text) {
        String trimmed = text.strip();
        return trimmed.isEmpty() ? 0 : trimmed.split("\\s+").length;
    }
}
