package io.combot.adapter.out.ml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.combot.domain.error.InvalidBotException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A bot folder's crisis phrases: the shipped ones always, a team's added, a bad line refused by file and line. */
class ScreeningSetsTest {
    private static final ScreeningSets SHIPPED = ScreeningSets.read(BotSource.shipped());

    @TempDir
    Path dir;

    @Test
    void theShippedBotHasExplicitPhrasesAndNoEverydayOnes() {
        assertThat(SHIPPED.phrases().findIn("Honestly I just want to kill myself")).isPresent();
        assertThat(SHIPPED.phrases().findIn("my son is not breathing")).isPresent();
        assertThat(SHIPPED.phrases().findIn("Can you kill the old session?")).isEmpty();
        assertThat(SHIPPED.phrases().findIn("I want to end my plan this month")).isEmpty();
        assertThat(SHIPPED.phrases().findIn("maybe")).isEmpty();
    }

    @Test
    void aFolderWithoutPhrasesGetsTheShippedOnes() {
        assertThat(ScreeningSets.read(BotSource.folder(dir)).phrases()).isEqualTo(SHIPPED.phrases());
    }

    @Test
    void aTeamsPhrasesAddToTheShippedOnes() throws IOException {
        write("# our users write Spanish too\n\nquiero morir\nKill Myself\n");

        ScreeningSets sets = ScreeningSets.read(BotSource.folder(dir));

        assertThat(sets.phrases().phrases()).containsAll(SHIPPED.phrases().phrases()).contains("quiero morir")
                .hasSize(SHIPPED.phrases().phrases().size() + 1);
        assertThat(sets.texts().phrases()).isEqualTo(sets.phrases());
    }

    @Test
    void aPhraseWithoutWordsIsRefusedNamingFileAndLine() throws IOException {
        Path file = write("quiero morir\n--\n");

        assertThatThrownBy(() -> ScreeningSets.read(BotSource.folder(dir))).isInstanceOf(InvalidBotException.class)
                .hasMessageContaining(file.toString() + " line 2");
    }

    private Path write(String text) throws IOException {
        Path file = dir.resolve(BotSource.SCREENING_PHRASES);
        Files.createDirectories(file.getParent());
        return Files.writeString(file, text);
    }
}
