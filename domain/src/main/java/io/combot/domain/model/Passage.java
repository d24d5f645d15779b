package io.combot.domain.model;

import io.combot.domain.error.InvalidInputException;

/**
 * A piece of one of a bot's documents, small enough to quote: what a knowledge search finds and a citation points to.
 *
 * @param source   the document's path under the bot's {@code knowledge/} folder, with {@code /} between folders
 * @param position the passage's place in its document, from 0
 * @param title    the document's title (its first heading, else its file name)
 * @param section  the heading the passage sits under; empty before the first heading
 * @param url      where a citation links to (a Markdown document's {@code url:}), or null
 * @param text     the passage itself
 */
public record Passage(String source, int position, String title, String section, String url, String text) {
    public Passage {
        InvalidInputException.require(source != null && !source.isBlank(), "A passage names its document");
        InvalidInputException.require(!source.startsWith("/") && !source.contains("\\")
                        && !("/" + source + "/").contains("/../"),
                "A passage's source is a relative path with / between folders, not " + source);
        InvalidInputException.require(position >= 0, "A passage's position is 0 or more, not " + position);
        InvalidInputException.require(title != null && !title.isBlank(), "A passage has its document's title");
        InvalidInputException.require(section != null, "A passage's section is a heading or empty, not null");
        InvalidInputException.require(url == null || !url.isBlank(), "A passage's url is null or not blank");
        InvalidInputException.require(text != null && !text.isBlank(), "A passage has text");
    }
}
