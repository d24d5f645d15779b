package io.combot.adapter.out.llm;

import io.combot.domain.model.Message;
import io.combot.domain.model.ReplyRequest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Decides what the LLM sees: the bot's system prompt for the intent, as much recent context as the budget allows. */
final class PromptAssembler {
    /** The system prompt, earlier messages oldest first, then the message to answer. */
    record Prompt(String system, List<Message> context, String userContent) {
        Prompt {
            context = List.copyOf(context);
        }
    }

    private final int contextBudgetChars;

    PromptAssembler(int contextBudgetChars) {
        this.contextBudgetChars = contextBudgetChars;
    }

    Prompt assemble(ReplyRequest request) {
        return new Prompt(request.systemPrompt(), recentContext(request.context()),
                request.userContent());
    }

    /**
     * The newest messages whose contents fit the budget together, stopping at the first that does not fit so that
     * no gap opens in the conversation; returned oldest first, as the model reads them.
     */
    private List<Message> recentContext(List<Message> oldestFirst) {
        List<Message> kept = new ArrayList<>();
        int used = 0;
        for (int i = oldestFirst.size() - 1; i >= 0; i--) {
            Message message = oldestFirst.get(i);
            used += message.content().length();
            if (used > contextBudgetChars) {
                break;
            }
            kept.add(message);
        }
        Collections.reverse(kept);
        return kept;
    }
}
