package io.combot.domain.error;

/** The labels to train with cannot be had (no such file, an unfetchable or refused URL); one line for the operator. */
public class UnreadableLabelsException extends CombotException {
    public UnreadableLabelsException(String message) {
        super(message);
    }
}
