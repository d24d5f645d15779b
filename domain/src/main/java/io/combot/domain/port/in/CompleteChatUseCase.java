package io.combot.domain.port.in;

import io.combot.domain.model.Turn;

/** A chat-completion request: one turn of a Combot session, routed and stored like any other. */
public interface CompleteChatUseCase {
    /**
     * Answers the conversation's last message in the command's session, or in a new one started for it, and returns
     * the stored turn (its session id tells the client where to continue). Throws
     * {@link io.combot.domain.error.UnknownBotException} when the command names a bot that is not serving.
     */
    Turn completeChat(CompleteChatCommand command, TurnListener listener);

    /** The name of the bot serving now: the one bot a command may name. */
    String servingBot();
}
