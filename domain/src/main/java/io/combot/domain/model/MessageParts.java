package io.combot.domain.model;

import io.combot.domain.error.InvalidInputException;
import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A message cut into the parts its crisis screening reads, so that a crisis statement is judged on its own words and
 * not drowned by the sentences around it or cut off by the classifier's reading limit: every sentence, and a sentence
 * too long for the classifier to read whole in overlapping windows. Together the parts cover every character.
 *
 * <p>A message of one part is that part, the message itself, unchanged: it costs one classification, as before.
 */
public final class MessageParts {
    /**
     * Most parts screened per message. Past it, neighbouring parts are packed together up to the reading limit, and
     * any two packed neighbours together exceed it, so a message of n characters has fewer than 2n / limit + 1
     * parts: with the default 4,000-character message limit and MiniLM's 254 characters, at most 32. Only a message
     * longer than about 32 windows would have a last part longer than the classifier reads whole.
     */
    public static final int MAX_PARTS = 64;
    private static final Pattern SENTENCE_END = Pattern.compile("\\R|(?<=[.!?])\\s+");

    private MessageParts() {
    }

    /**
     * @param text      the whole message
     * @param readWhole the longest text, in characters, of which the classifier reads every character
     */
    public static List<String> of(String text, int readWhole) {
        InvalidInputException.require(readWhole >= 2, "A classifier reads at least two characters whole");
        List<String> sentences = sentences(text);
        if (sentences.size() <= 1 && text.length() <= readWhole) {
            return List.of(text);
        }
        List<String> parts = new ArrayList<>();
        for (String sentence : sentences) {
            parts.addAll(windows(sentence, readWhole));
        }
        if (parts.size() > MAX_PARTS) {
            parts = packed(parts, readWhole);
        }
        if (parts.size() > MAX_PARTS) {
            List<String> bounded = new ArrayList<>(parts.subList(0, MAX_PARTS - 1));
            bounded.add(String.join(" ", parts.subList(MAX_PARTS - 1, parts.size())));
            parts = bounded;
        }
        return parts.size() == 1 ? List.of(text) : List.copyOf(parts);
    }

    private static List<String> sentences(String text) {
        BreakIterator iterator = BreakIterator.getSentenceInstance(Locale.ROOT);
        iterator.setText(text);
        List<String> sentences = new ArrayList<>();
        int start = iterator.first();
        for (int end = iterator.next(); end != BreakIterator.DONE; start = end, end = iterator.next()) {
            // A line break ends a sentence too, and so does a full stop before a lowercase word: chat messages often
            // have lines without a full stop and sentences without a capital, where the iterator sees no break.
            for (String line : SENTENCE_END.split(text.substring(start, end))) {
                if (!line.isBlank()) {
                    sentences.add(line.strip());
                }
            }
        }
        return sentences;
    }

    /**
     * Windows of at most {@code size} characters, each starting half a window after the last, so any span of up to
     * half a window lies whole inside one of them. They start and end at spaces where the text has them.
     */
    private static List<String> windows(String sentence, int size) {
        if (sentence.length() <= size) {
            return List.of(sentence);
        }
        List<String> windows = new ArrayList<>();
        int start = 0;
        while (true) {
            int end = Math.min(sentence.length(), start + size);
            if (end < sentence.length()) {
                int space = sentence.lastIndexOf(' ', end);
                end = space > start + size / 2 ? space : end;
            }
            windows.add(sentence.substring(start, end).strip());
            if (end >= sentence.length()) {
                return windows;
            }
            int next = start + size / 2;
            int space = sentence.indexOf(' ', next);
            start = space > 0 && space < end ? space + 1 : next;
        }
    }

    /** Neighbouring parts joined while they fit the reading limit, until the count fits or nothing more fits. */
    private static List<String> packed(List<String> parts, int readWhole) {
        List<String> packed = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String part : parts) {
            if (current.length() > 0 && current.length() + 1 + part.length() > readWhole) {
                packed.add(current.toString());
                current.setLength(0);
            }
            current.append(current.length() > 0 ? " " : "").append(part);
        }
        packed.add(current.toString());
        return packed;
    }
}
