package io.combot.adapter.out.ml;

import io.combot.domain.error.InvalidBotException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** Where a bot's files are read from: a folder that a team edits, or the bot shipped inside the jar. */
sealed interface BotSource {
    String BOT_YAML = "bot.yaml";
    String TRAIN = "train.tsv";
    String HELDOUT = "heldout.tsv";
    String HEAD = "model/head.txt";
    String REPORT = "model/report.txt";
    /** What {@code new-bot} copies: everything a bot folder holds. */
    List<String> FILES = List.of(BOT_YAML, TRAIN, HELDOUT, HEAD, REPORT);

    /** The file's bytes, or empty when the bot has no such file. */
    Optional<byte[]> read(String file);

    /** The file's name as an operator finds it, for messages. */
    String describe(String file);

    static BotSource shipped() {
        return Shipped.INSTANCE;
    }

    /** A folder that must exist; its files are read when asked for, so a reload sees what is there then. */
    static BotSource folder(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new InvalidBotException("The bot folder " + dir.toAbsolutePath() + " does not exist or is not a "
                    + "folder (bin/combot new-bot DIR writes one)");
        }
        return new Folder(dir.toAbsolutePath().normalize());
    }

    record Folder(Path dir) implements BotSource {
        @Override
        public Optional<byte[]> read(String file) {
            try {
                return Optional.of(Files.readAllBytes(dir.resolve(file)));
            } catch (NoSuchFileException e) {
                return Optional.empty();
            } catch (IOException e) {
                throw new InvalidBotException("Cannot read " + describe(file) + ": " + e.getMessage(), e);
            }
        }

        @Override
        public String describe(String file) {
            return dir.resolve(file).toString();
        }
    }

    enum Shipped implements BotSource {
        INSTANCE;

        private static final String ROOT = "/bot/";

        @Override
        public Optional<byte[]> read(String file) {
            try (InputStream in = BotSource.class.getResourceAsStream(ROOT + file)) {
                return in == null ? Optional.empty() : Optional.of(in.readAllBytes());
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read the shipped " + file, e);
            }
        }

        @Override
        public String describe(String file) {
            return "the shipped bot's " + file;
        }
    }
}
