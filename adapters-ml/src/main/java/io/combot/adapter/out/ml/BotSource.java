package io.combot.adapter.out.ml;

import io.combot.domain.error.InvalidBotException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where a bot's files are read from: a folder that a team edits, or the bot shipped inside the jar. Files are read
 * when asked for, so a reload sees what the folder holds then.
 */
final class BotSource {
    static final String BOT_YAML = "bot.yaml";
    static final String TRAIN = "train.tsv";
    static final String HELDOUT = "heldout.tsv";
    static final String HEAD = "model/head.txt";
    static final String REPORT = "model/report.txt";
    static final String SCREENING_TRAIN = "screening/train.tsv";
    static final String SCREENING_HELDOUT = "screening/heldout.tsv";
    static final String SCREENING_PHRASES = "screening/phrases.txt";
    /** What {@code new-bot} copies: everything a bot folder holds. */
    static final List<String> FILES = List.of(BOT_YAML, TRAIN, HELDOUT, SCREENING_TRAIN, SCREENING_HELDOUT,
            SCREENING_PHRASES, HEAD, REPORT);

    private static final String SHIPPED_ROOT = "/bot/";
    private static final BotSource SHIPPED = new BotSource(null);

    /** The folder; null for the shipped bot. */
    private final Path dir;
    /**
     * Files read from memory instead of the folder (empty: the bot has no such file): a snapshot of the folder, or a
     * training set with labels merged, before it is written.
     */
    private final Map<String, Optional<byte[]>> replaced;

    private BotSource(Path dir) {
        this(dir, Map.of());
    }

    private BotSource(Path dir, Map<String, Optional<byte[]>> replaced) {
        this.dir = dir;
        this.replaced = Map.copyOf(replaced);
    }

    static BotSource shipped() {
        return SHIPPED;
    }

    /** A folder that must exist. */
    static BotSource folder(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new InvalidBotException("The bot folder " + dir.toAbsolutePath() + " does not exist or is not a "
                    + "folder (bin/combot new-bot DIR writes one)");
        }
        return new BotSource(dir.toAbsolutePath().normalize());
    }

    /** The same bot with {@code file} holding {@code bytes}; messages still name the file in the folder. */
    BotSource replacing(String file, byte[] bytes) {
        Map<String, Optional<byte[]>> files = new HashMap<>(replaced);
        files.put(file, Optional.of(bytes.clone()));
        return new BotSource(dir, files);
    }

    /**
     * The bot's files as they are now, each read once, so that every later read sees the same bytes. The head is read
     * first: train writes it last, so a snapshot taken during a train holds the old head, never a head newer than the
     * bot.yaml and held-out set read with it.
     */
    BotSource snapshot() {
        Map<String, Optional<byte[]>> files = new HashMap<>(replaced);
        for (String file : List.of(HEAD, REPORT, BOT_YAML, TRAIN, HELDOUT)) {
            files.computeIfAbsent(file, this::read);
        }
        return new BotSource(dir, files);
    }

    /** The file's bytes, or empty when the bot has no such file. */
    Optional<byte[]> read(String file) {
        if (replaced.containsKey(file)) {
            return replaced.get(file).map(byte[]::clone);
        }
        return dir == null ? readShipped(file) : readFolder(file);
    }

    /** The file's name as an operator finds it, for messages. */
    String describe(String file) {
        return dir == null ? "the shipped bot's " + file : dir.resolve(file).toString();
    }

    private Optional<byte[]> readFolder(String file) {
        try {
            return Optional.of(Files.readAllBytes(dir.resolve(file)));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new InvalidBotException("Cannot read " + describe(file) + ": " + e.getMessage(), e);
        }
    }

    private static Optional<byte[]> readShipped(String file) {
        try (InputStream in = BotSource.class.getResourceAsStream(SHIPPED_ROOT + file)) {
            return in == null ? Optional.empty() : Optional.of(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the shipped " + file, e);
        }
    }
}
