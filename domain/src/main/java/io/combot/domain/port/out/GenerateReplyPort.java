package io.combot.domain.port.out;

import io.combot.domain.model.GeneratedReply;
import io.combot.domain.model.ReplyRequest;
import io.combot.domain.model.ReplySink;

/** Writes a free-form reply, from an LLM or the offline responder. */
public interface GenerateReplyPort {
    /**
     * Answers {@code request}, passing the text to {@code sink} as it is produced. Throws
     * {@link io.combot.domain.error.ReplyUnavailableException} when no reply could be had, or
     * {@link io.combot.domain.error.CapacityExceededException} when too many replies are being generated already.
     */
    GeneratedReply generate(ReplyRequest request, ReplySink sink);

    /** Whether {@link #generate} reads the request's context; when it does not, a turn does not load the history. */
    default boolean readsContext() {
        return true;
    }
}
