package io.combot.domain.port.out;

import static org.assertj.core.api.Assertions.assertThat;

import io.combot.domain.model.BotReload;
import org.junit.jupiter.api.Test;

/**
 * What every {@link ReloadBotPort} does with a source that did not change; each adapter and the in-memory double
 * extend this once, giving the {@link CurrentBotPort} that serves what it reloads.
 */
public abstract class ReloadBotPortContract {
    protected abstract ReloadBotPort reloader();

    protected abstract CurrentBotPort bots();

    @Test
    void reloadingAnUnchangedBotSwapsInTheSameModelAndPassesTheGate() {
        String before = bots().current().modelVersion();

        BotReload reload = reloader().reload(false);

        assertThat(reload.swapped()).isTrue();
        assertThat(reload.gate().passed()).isTrue();
        assertThat(reload.gate().forced()).isFalse();
        assertThat(reload.previousModelVersion()).isEqualTo(before);
        assertThat(reload.candidateModelVersion()).isEqualTo(before);
        assertThat(reload.servingModelVersion()).isEqualTo(bots().current().modelVersion()).isEqualTo(before);
        assertThat(reload.intents()).isEqualTo(bots().current().definition().intentNames());
        assertThat(reload.name()).isEqualTo(bots().current().definition().name());
    }

    @Test
    void theServingBotStillClassifiesAfterAReload() {
        reloader().reload(false);

        assertThat(bots().current().classifier().classify("Hello there!").modelVersion())
                .isEqualTo(bots().current().modelVersion());
    }
}
