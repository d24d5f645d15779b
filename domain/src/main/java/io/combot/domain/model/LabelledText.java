package io.combot.domain.model;

/**
 * One example of a bot's data: a text under the intent it should be read as, with the line of the file it came from
 * (for messages that point a person at it).
 */
public record LabelledText(Intent intent, String text, int line) {
    /** A text short enough for a one-line message. */
    public static String abbreviate(String text) {
        return text.length() <= 60 ? text : text.substring(0, 57) + "...";
    }
}
