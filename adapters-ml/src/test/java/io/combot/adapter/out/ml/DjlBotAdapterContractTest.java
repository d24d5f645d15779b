package io.combot.adapter.out.ml;

import io.combot.domain.port.out.CurrentBotPort;
import io.combot.domain.port.out.CurrentBotPortContract;
import io.combot.domain.port.out.ReloadBotPort;
import io.combot.domain.port.out.ReloadBotPortContract;
import org.junit.jupiter.api.Nested;

/** The real bot adapter, serving the shipped bot, passes the contracts of both its ports. */
class DjlBotAdapterContractTest {
    @Nested
    class AsCurrentBot extends CurrentBotPortContract {
        @Override
        protected CurrentBotPort bots() {
            return SharedBot.adapter();
        }
    }

    @Nested
    class AsReloader extends ReloadBotPortContract {
        @Override
        protected ReloadBotPort reloader() {
            return SharedBot.adapter();
        }

        @Override
        protected CurrentBotPort bots() {
            return SharedBot.adapter();
        }
    }
}
