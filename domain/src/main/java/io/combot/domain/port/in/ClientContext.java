package io.combot.domain.port.in;

import io.combot.domain.error.InvalidInputException;
import io.combot.domain.model.ContextEntry;
import io.combot.domain.model.ReplyOptions;
import java.util.List;

/**
 * What a client sends along with a message for the reply generator, beyond the session's stored history: earlier
 * messages the session does not hold (they are read after the stored ones and never stored), instructions of its own
 * (read after the bot's system prompt) and options for the reply. None of it changes how the message is routed.
 */
public record ClientContext(List<ContextEntry> earlier, List<String> instructions, ReplyOptions options) {
    public static final ClientContext NONE = new ClientContext(List.of(), List.of(), ReplyOptions.DEFAULT);

    public ClientContext {
        InvalidInputException.require(earlier != null && instructions != null && options != null,
                "A client context may be empty but has all its parts");
        InvalidInputException.require(instructions.stream().noneMatch(text -> text == null || text.isBlank()),
                "An instruction must not be blank");
        earlier = List.copyOf(earlier);
        instructions = List.copyOf(instructions);
    }
}
