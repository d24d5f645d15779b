package io.combot.application;

import static org.assertj.core.api.Assertions.assertThat;

import io.combot.domain.model.BotReload;
import io.combot.domain.model.Intent;
import io.combot.domain.port.out.FixedServingBot;
import io.combot.domain.port.out.HashingEmbedder;
import io.combot.domain.port.out.KeywordClassifier;
import io.combot.domain.port.out.ServingBot;
import io.combot.domain.port.out.SwappableBot;
import io.combot.domain.port.out.TestBots;
import org.junit.jupiter.api.Test;

/** A reload passes the promotion gate measured here, on the candidate's predictions, before the port swaps it in. */
class ReloadBotServiceTest {
    private final SwappableBot bots = new SwappableBot(TestBots.keywordBot());
    private final ReloadBotService reloads = new ReloadBotService(bots, new HashingEmbedder());
    private final ServingBot next = new FixedServingBot(TestBots.definition(), new KeywordClassifier(), "v2");

    @Test
    void aBotThatPassesTheGateIsSwappedIn() {
        bots.stage(next);

        BotReload reload = reloads.reload(false);

        assertThat(reload.swapped()).isTrue();
        assertThat(reload.gate().passed()).isTrue();
        assertThat(reload.servingModelVersion()).isEqualTo("v2");
        assertThat(reload.previousModelVersion()).isEqualTo(KeywordClassifier.MODEL_VERSION);
        assertThat(bots.current()).isSameAs(next);
    }

    @Test
    void aModelThatMissesACrisisTextIsRefusedOnWhatItPredictsAndTheBotServingStays() {
        ServingBot serving = bots.current();
        bots.stage(next, new SwappableBot.ConstantIntentModel(TestBots.definition().intentNames(),
                Intent.of("greeting")));

        BotReload reload = reloads.reload(false);

        assertThat(reload.swapped()).isFalse();
        assertThat(reload.gate().passed()).isFalse();
        assertThat(reload.gate().reason()).contains("misses 1 of 1 crisis texts");
        assertThat(reload.gate().candidate().crisisMissed()).isEqualTo(1);
        assertThat(reload.servingModelVersion()).isEqualTo(KeywordClassifier.MODEL_VERSION);
        assertThat(bots.current()).isSameAs(serving);
    }

    @Test
    void forceSwapsInARefusedModel() {
        bots.stage(next, new SwappableBot.ConstantIntentModel(TestBots.definition().intentNames(),
                Intent.of("greeting")));

        BotReload reload = reloads.reload(true);

        assertThat(reload.swapped()).isTrue();
        assertThat(reload.gate().forced()).isTrue();
        assertThat(bots.current()).isSameAs(next);
    }
}
