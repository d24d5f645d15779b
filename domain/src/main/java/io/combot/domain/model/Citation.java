package io.combot.domain.model;

import io.combot.domain.error.InvalidInputException;

/**
 * Where a knowledge reply read what it says: a passage of one of the bot's documents, as the reply stores and every
 * API shows it.
 *
 * @param source  the document's path under {@code knowledge/}
 * @param section the heading the passage sits under; empty before the first heading
 * @param url     the document's {@code url:}, or null
 * @param snippet the start of the passage, enough to recognise it
 * @param score   the search's score for it (higher is better; comparable within one reply)
 */
public record Citation(String source, String title, String section, String url, String snippet, double score) {
    public static final int SNIPPET_LENGTH = 240;

    public Citation {
        InvalidInputException.require(source != null && !source.isBlank(), "A citation names its document");
        InvalidInputException.require(title != null && !title.isBlank(), "A citation has its document's title");
        InvalidInputException.require(section != null, "A citation's section is a heading or empty, not null");
        InvalidInputException.require(url == null || !url.isBlank(), "A citation's url is null or not blank");
        InvalidInputException.require(snippet != null && !snippet.isBlank(), "A citation has a snippet");
        InvalidInputException.require(Double.isFinite(score), "A citation's score is finite, not " + score);
    }

    public static Citation of(ScoredPassage found) {
        Passage passage = found.passage();
        String text = passage.text().replaceAll("\\s+", " ").strip();
        String snippet = text.length() <= SNIPPET_LENGTH ? text
                : text.substring(0, text.lastIndexOf(' ', SNIPPET_LENGTH) > 0 ? text.lastIndexOf(' ', SNIPPET_LENGTH)
                        : SNIPPET_LENGTH) + " …";
        return new Citation(passage.source(), passage.title(), passage.section(), passage.url(), snippet,
                found.score());
    }
}
