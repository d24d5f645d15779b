package io.combot.domain.error;

/** A request named a bot to answer it that is not the one serving. */
public final class UnknownBotException extends CombotException {
    public UnknownBotException(String name, String serving) {
        super("The bot '" + name + "' does not exist; the bot serving here is '" + serving + "'");
    }
}
