package io.combot.domain.port.out;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * What every {@link ReloadBotPort} does with a source that did not change; each adapter and the in-memory double
 * extend this once, giving the {@link CurrentBotPort} that serves what it reloads.
 */
public abstract class ReloadBotPortContract {
    protected abstract ReloadBotPort reloader();

    protected abstract CurrentBotPort bots();

    @Test
    void aCandidateOfAnUnchangedBotIsTheSameModelAndNamesTheBotItReplaces() {
        String before = bots().current().modelVersion();

        BotCandidate candidate = reloader().read();

        assertThat(candidate.replaces()).isSameAs(bots().current());
        assertThat(candidate.bot().modelVersion()).isEqualTo(before);
        assertThat(candidate.bot().definition()).isEqualTo(bots().current().definition());
        assertThat(candidate.model().intents()).containsExactlyInAnyOrderElementsOf(
                bots().current().definition().intentNames());
        assertThat(candidate.gateTexts()).isNotEmpty();
    }

    @Test
    void aSwapServesTheCandidateWhichStillClassifies() {
        BotCandidate candidate = reloader().read();

        assertThat(reloader().swap(candidate)).isTrue();

        assertThat(bots().current()).isSameAs(candidate.bot());
        assertThat(bots().current().classifier().classify("Hello there!").modelVersion())
                .isEqualTo(bots().current().modelVersion());
    }

    @Test
    void aCandidateReadBeforeAnotherSwapIsNotSwappedIn() {
        BotCandidate stale = reloader().read();
        BotCandidate fresh = reloader().read();
        assertThat(reloader().swap(fresh)).isTrue();

        assertThat(reloader().swap(stale)).isFalse();

        assertThat(bots().current()).isSameAs(fresh.bot());
    }
}
