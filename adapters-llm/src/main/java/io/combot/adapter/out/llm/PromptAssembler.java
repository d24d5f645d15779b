package io.combot.adapter.out.llm;

import io.combot.domain.model.ContextEntry;
import io.combot.domain.model.ReplyRequest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Decides what the LLM sees: the bot's system prompt for the intent, the client's instructions and as much recent
 * context as the budget allows.
 */
final class PromptAssembler {
    /** The system prompt, the client's instructions, earlier messages oldest first, then the message to answer. */
    record Prompt(String system, List<String> instructions, List<ContextEntry> context, String userContent) {
        Prompt {
            instructions = List.copyOf(instructions);
            context = List.copyOf(context);
        }
    }

    private final int contextBudgetChars;

    PromptAssembler(int contextBudgetChars) {
        this.contextBudgetChars = contextBudgetChars;
    }

    /**
     * The client's instructions come first in the budget, in their order, as far as they fit: they say how the
     * whole conversation is to be read. The rest of the budget goes to the newest context.
     */
    Prompt assemble(ReplyRequest request) {
        List<String> instructions = new ArrayList<>();
        int used = 0;
        for (String instruction : request.instructions()) {
            if (used + instruction.length() > contextBudgetChars) {
                break;
            }
            used += instruction.length();
            instructions.add(instruction);
        }
        return new Prompt(request.systemPrompt(), instructions,
                recentContext(request.context(), contextBudgetChars - used), request.userContent());
    }

    /**
     * The newest messages whose contents fit the budget together, stopping at the first that does not fit so that
     * no gap opens in the conversation; returned oldest first, as the model reads them.
     */
    private static List<ContextEntry> recentContext(List<ContextEntry> oldestFirst, int budget) {
        List<ContextEntry> kept = new ArrayList<>();
        int used = 0;
        for (int i = oldestFirst.size() - 1; i >= 0; i--) {
            ContextEntry entry = oldestFirst.get(i);
            used += entry.content().length();
            if (used > budget) {
                break;
            }
            kept.add(entry);
        }
        Collections.reverse(kept);
        return kept;
    }
}
