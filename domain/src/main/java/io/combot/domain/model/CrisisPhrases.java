package io.combot.domain.model;

import io.combot.domain.error.InvalidInputException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Explicit crisis phrases ("kill myself", "not breathing"): a message part that contains one is a crisis whatever the
 * model scores it. The model decides every other part; the phrases make sure that a statement a person writes in the
 * plainest words is never lost to a low score, and they let a team name the words of its own users (another language,
 * its own slang) without retraining the encoder.
 *
 * <p>Matching reads words only: case, apostrophes and the characters between words do not count, and a phrase
 * matches whole words ("cut myself" is not in "uncut myselfie"). So "I'm going to KILL-MYSELF" contains "kill myself",
 * and "don't want to live" matches "dont want to live".
 */
public record CrisisPhrases(List<String> phrases) {
    public static final CrisisPhrases NONE = new CrisisPhrases(List.of());
    /** Bounds that keep a phrase a phrase and the check cheap: each part is searched for every phrase. */
    public static final int MAX_PHRASES = 1_000;
    public static final int MAX_PHRASE_CHARS = 80;

    public CrisisPhrases {
        Set<String> distinct = new LinkedHashSet<>();
        for (String phrase : phrases) {
            String words = words(phrase);
            InvalidInputException.require(!words.isEmpty() && words.length() <= MAX_PHRASE_CHARS,
                    "A crisis phrase has one to " + MAX_PHRASE_CHARS + " characters of words: '" + phrase + "'");
            distinct.add(words);
        }
        InvalidInputException.require(distinct.size() <= MAX_PHRASES,
                "At most " + MAX_PHRASES + " crisis phrases, not " + distinct.size());
        phrases = List.copyOf(distinct);
    }

    /** The first phrase {@code text} contains, in the words form phrases are kept in. */
    public Optional<String> findIn(String text) {
        if (phrases.isEmpty() || text == null) {
            return Optional.empty();
        }
        String padded = " " + words(text) + " ";
        for (String phrase : phrases) {
            if (padded.contains(" " + phrase + " ")) {
                return Optional.of(phrase);
            }
        }
        return Optional.empty();
    }

    /** These phrases, then those of {@code other} that are not among them. */
    public CrisisPhrases and(CrisisPhrases other) {
        List<String> all = new ArrayList<>(phrases);
        all.addAll(other.phrases);
        return new CrisisPhrases(all);
    }

    /** Lower-case letters and digits, apostrophes dropped, every other run of characters one space. */
    public static String words(String text) {
        StringBuilder out = new StringBuilder(text.length());
        boolean space = false;
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            i += Character.charCount(c);
            if (c == '\'' || c == '\u2019') {
                continue;
            }
            if (Character.isLetterOrDigit(c)) {
                if (space && !out.isEmpty()) {
                    out.append(' ');
                }
                space = false;
                out.appendCodePoint(Character.toLowerCase(c));
            } else {
                space = true;
            }
        }
        return out.toString();
    }
}
