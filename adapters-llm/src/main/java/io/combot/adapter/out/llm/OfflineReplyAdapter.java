package io.combot.adapter.out.llm;

import io.combot.domain.model.GeneratedReply;
import io.combot.domain.model.ReplyRequest;
import io.combot.domain.model.ReplySink;
import io.combot.domain.model.Route;
import io.combot.domain.model.TokenUsage;
import io.combot.domain.port.out.GenerateReplyPort;

/** The embedded default when no LLM is configured: a fixed, honest reply per intent, streamed as one piece. */
final class OfflineReplyAdapter implements GenerateReplyPort {
    private final PromptTemplates templates;

    OfflineReplyAdapter(PromptTemplates templates) {
        this.templates = templates;
    }

    @Override
    public GeneratedReply generate(ReplyRequest request, ReplySink sink) {
        String text = templates.offlineReply(request.intentHint());
        sink.delta(text);
        return new GeneratedReply(text, Route.OFFLINE, TokenUsage.NONE, true);
    }
}
