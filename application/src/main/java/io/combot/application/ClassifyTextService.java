package io.combot.application;

import io.combot.domain.error.InvalidInputException;
import io.combot.domain.model.Classification;
import io.combot.domain.port.in.ClassifyTextUseCase;
import io.combot.domain.port.out.CurrentBotPort;
import io.combot.domain.port.out.ServingBot;

public class ClassifyTextService implements ClassifyTextUseCase {
    private final CurrentBotPort bots;
    private final ChatPolicy policy;

    public ClassifyTextService(CurrentBotPort bots, ChatPolicy policy) {
        this.bots = bots;
        this.policy = policy;
    }

    @Override
    public Classification classify(String text) {
        InvalidInputException.require(text != null, "text is required");
        InvalidInputException.require(!text.isBlank(), "text must not be blank");
        policy.checkContent(text);
        ServingBot bot = bots.current();
        return policy.resolve(CrisisScreening.classify(bot.classifier(), text), bot);
    }
}
