package io.combot.domain.port.out;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The in-memory bot double passes the contracts its adapter passes. */
class SwappableBotTest {
    private final SwappableBot bot = new SwappableBot(TestBots.keywordBot());

    @Nested
    class AsCurrentBot extends CurrentBotPortContract {
        @Override
        protected CurrentBotPort bots() {
            return bot;
        }
    }

    @Nested
    class AsReloader extends ReloadBotPortContract {
        @Override
        protected ReloadBotPort reloader() {
            return bot;
        }

        @Override
        protected CurrentBotPort bots() {
            return bot;
        }
    }

    @Test
    void aSwapServesTheStagedBot() {
        FixedServingBot next = new FixedServingBot(TestBots.definition(), new KeywordClassifier(), "v2");
        bot.stage(next);

        assertThat(bot.swap(bot.read())).isTrue();

        assertThat(bot.current()).isSameAs(next);
    }
}
