package io.combot.domain.model;

import java.util.Optional;

/**
 * One example of a bot's data: a text under the intent it should be read as, with the line of the file it came from
 * (for messages that point a person at it).
 *
 * @param message the user message it labels, for a label from the service's review inbox (and for the line a merge of
 *                it wrote into train.tsv); empty for an example written by hand
 */
public record LabelledText(Intent intent, String text, int line, Optional<MessageId> message) {
    public LabelledText {
        message = message == null ? Optional.empty() : message;
    }

    /** An example written by hand, labelling no message. */
    public LabelledText(Intent intent, String text, int line) {
        this(intent, text, line, Optional.empty());
    }

    /** A text short enough for a one-line message. */
    public static String abbreviate(String text) {
        return text.length() <= 60 ? text : text.substring(0, 57) + "...";
    }
}
