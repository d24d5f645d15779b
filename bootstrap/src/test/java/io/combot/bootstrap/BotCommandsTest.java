package io.combot.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import io.combot.adapter.out.ml.BotTraining;
import io.combot.domain.model.BotData;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code bin/combot new-bot DIR}; {@code train} needs the ONNX model and is covered elsewhere. */
class BotCommandsTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @TempDir
    Path dir;

    @Test
    void newBotWritesTheShippedBotIntoANewFolder() throws IOException {
        Path bot = dir.resolve("my-bot");

        assertThat(newBot(bot)).isZero();

        assertIsTheShippedBot(bot);
        assertThat(err.toString(StandardCharsets.UTF_8)).isEmpty();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains(bot.toAbsolutePath().toString());
    }

    @Test
    void newBotWritesIntoAnExistingEmptyFolder() throws IOException {
        assertThat(newBot(dir)).isZero();

        assertIsTheShippedBot(dir);
    }

    @Test
    void whatNewBotWritesIsAValidBotWithItsModel() {
        assertThat(newBot(dir)).isZero();

        try (BotTraining training = new BotTraining(CombotSettings.from(Map.of()).classifier(), null)) {
            BotData bot = training.folders().read(dir, Optional.empty());
            assertThat(bot.definition().name()).isEqualTo("combot-default");
            assertThat(bot.modelInPlace()).isPresent();
            assertThat(bot.modelProblem()).isEmpty();
        }
    }

    @Test
    void newBotRefusesAFolderThatIsNotEmptyAndWritesNothing() throws IOException {
        Path notes = Files.writeString(dir.resolve("notes.txt"), "mine");

        assertThat(newBot(dir)).isEqualTo(2);

        assertThat(err.toString(StandardCharsets.UTF_8)).contains(dir.toAbsolutePath().toString(), "not an empty folder")
                .hasLineCount(1);
        assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
        assertThat(listed(dir)).containsExactly(notes);
        assertThat(Files.readString(notes)).isEqualTo("mine");
    }

    @Test
    void newBotRefusesAFile() throws IOException {
        Path file = Files.writeString(dir.resolve("bot"), "mine");

        assertThat(newBot(file)).isEqualTo(2);

        assertThat(err.toString(StandardCharsets.UTF_8)).contains(file.toAbsolutePath().toString());
        assertThat(Files.readString(file)).isEqualTo("mine");
        assertThat(listed(dir)).containsExactly(file);
    }

    private int newBot(Path target) {
        return BotCommands.newBot(target, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private static void assertIsTheShippedBot(Path bot) throws IOException {
        for (String file : List.of("bot.yaml", "train.tsv", "heldout.tsv", "model/head.txt", "model/report.txt")) {
            try (InputStream shipped = BotCommandsTest.class.getResourceAsStream("/bot/" + file)) {
                assertThat(shipped).as("the shipped " + file).isNotNull();
                assertThat(bot.resolve(file)).as(file).exists().hasBinaryContent(shipped.readAllBytes());
            }
        }
    }

    private static List<Path> listed(Path folder) throws IOException {
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.toList();
        }
    }
}
