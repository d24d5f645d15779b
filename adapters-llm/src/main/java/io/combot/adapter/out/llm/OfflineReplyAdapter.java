package io.combot.adapter.out.llm;

import io.combot.domain.model.GeneratedReply;
import io.combot.domain.model.ReplyRequest;
import io.combot.domain.model.ReplySink;
import io.combot.domain.model.Route;
import io.combot.domain.model.TokenUsage;
import io.combot.domain.port.out.GenerateReplyPort;

/**
 * The embedded default when no LLM is configured: the bot's fixed, honest offline reply for the intent, streamed as
 * one piece.
 */
final class OfflineReplyAdapter implements GenerateReplyPort {
    @Override
    public GeneratedReply generate(ReplyRequest request, ReplySink sink) {
        String text = request.offlineReply();
        sink.delta(text);
        return new GeneratedReply(text, Route.OFFLINE, TokenUsage.NONE, true);
    }

    /** The offline reply depends on the intent alone. */
    @Override
    public boolean readsContext() {
        return false;
    }
}
