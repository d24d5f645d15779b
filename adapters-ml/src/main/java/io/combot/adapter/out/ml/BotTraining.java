package io.combot.adapter.out.ml;

import io.combot.domain.port.out.EmbedTextsPort;
import io.combot.domain.port.out.CalibrateSafetyPort;
import io.combot.domain.port.out.FitIntentHeadPort;
import io.combot.domain.port.out.ReadBotFolderPort;
import io.combot.domain.port.out.ReadLabelsPort;
import io.combot.domain.port.out.WriteBotModelPort;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The ports that building a bot needs, for the {@code train} command's composition root: the bot folder's files,
 * labels, the encoder (loaded on the first text it embeds, so that a folder that is not valid fails fast) and the
 * head's fit. Close it to free the encoder.
 */
public final class BotTraining implements AutoCloseable {
    private final ClassifierSettings settings;
    private final FolderTrainingAdapter files;
    private final LbfgsHeadFitter fitter = new LbfgsHeadFitter();
    private MiniLmEncoder encoder;
    private EmbeddingWorkers workers;
    private DjlTextEmbedder embedder;

    /** {@code adminToken}: sent to a labels URL; null sends none. */
    public BotTraining(ClassifierSettings settings, String adminToken) {
        this.settings = settings;
        this.files = new FolderTrainingAdapter(adminToken, () -> encoder().modelDigest());
    }

    public ReadBotFolderPort folders() {
        return files;
    }

    public ReadLabelsPort labels() {
        return files;
    }

    public WriteBotModelPort models() {
        return files;
    }

    public FitIntentHeadPort fitter() {
        return fitter;
    }

    public CalibrateSafetyPort safety() {
        return new ScreeningCalibrator(embedder());
    }

    public EmbedTextsPort embedder() {
        return new EmbedTextsPort() {
            @Override
            public List<float[]> embed(List<String> texts) {
                return opened().embed(texts);
            }

            @Override
            public int readsWholeUpTo() {
                return opened().readsWholeUpTo();
            }

            @Override
            public int dimensions() {
                return MiniLmEncoder.DIMENSIONS;
            }

            @Override
            public String encoderVersion() {
                return opened().encoderVersion();
            }
        };
    }

    /** Writes the shipped bot's files into {@code dir} and returns their names, in the order written. */
    public static List<String> writeShippedBot(Path dir) {
        BotSource shipped = BotSource.shipped();
        Map<String, byte[]> bytes = new LinkedHashMap<>();
        for (String file : BotSource.FILES) {
            bytes.put(file, shipped.read(file).orElseThrow(
                    () -> new IllegalStateException("The jar lacks the shipped bot's " + file)));
        }
        try {
            for (Map.Entry<String, byte[]> file : bytes.entrySet()) {
                Path target = dir.resolve(file.getKey());
                Files.createDirectories(target.getParent());
                Files.write(target, file.getValue());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the bot into " + dir, e);
        }
        return BotSource.FILES;
    }

    @Override
    public synchronized void close() {
        if (workers != null) {
            workers.close();
            encoder.close();
        }
    }

    private synchronized MiniLmEncoder encoder() {
        opened();
        return encoder;
    }

    private synchronized DjlTextEmbedder opened() {
        if (embedder == null) {
            encoder = new MiniLmEncoder(settings.maxTokens(), settings.intraOpThreads());
            workers = new EmbeddingWorkers(encoder, settings);
            embedder = new DjlTextEmbedder(workers, encoder.modelDigest());
        }
        return embedder;
    }
}
