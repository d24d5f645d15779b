package io.combot.adapter.out.ml;

import io.combot.domain.error.InvalidBotException;
import io.combot.domain.model.BotData;
import io.combot.domain.model.FittedHead;
import io.combot.domain.model.IntentModel;
import io.combot.domain.model.Labels;
import io.combot.domain.model.ModelEvaluation;
import io.combot.domain.port.out.ReadBotFolderPort;
import io.combot.domain.port.out.ReadLabelsPort;
import io.combot.domain.port.out.WriteBotModelPort;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import java.util.Set;

/**
 * A bot folder's files for training: reads and checks them (with labels merged, see {@link TrainTsvMerge}), reads labels
 * from a file or the service's export, and writes the trained model.
 */
final class FolderTrainingAdapter implements ReadBotFolderPort, ReadLabelsPort, WriteBotModelPort {
    /** What a new file gets: the usual mode, so that a service running as another user can read the model. */
    private static final Set<PosixFilePermission> NEW_FILE = PosixFilePermissions.fromString("rw-r--r--");

    private final String adminToken;
    private final EncoderDigest encoder;

    /** The digest of the encoder the model is trained for, which with the head's bytes names the model's version. */
    interface EncoderDigest {
        byte[] digest();
    }

    /** {@code adminToken}: sent to a labels URL; null sends none. */
    FolderTrainingAdapter(String adminToken, EncoderDigest encoder) {
        this.adminToken = adminToken;
        this.encoder = encoder;
    }

    @Override
    public Labels read(String fileOrUrl) {
        LabelExport export = LabelExport.read(fileOrUrl, adminToken);
        return LabelledTexts.labels(export.bytes(), export.name());
    }

    @Override
    public BotData read(Path dir, Optional<Labels> labels) {
        BotSource source = BotSource.folder(dir);
        BotFolder asWritten = BotFolder.read(source);
        Optional<TrainTsvMerge> merge = labels.map(given -> TrainTsvMerge.of(asWritten, given));
        BotFolder folder = merge.map(merged -> BotFolder.read(source.replacing(BotSource.TRAIN, merged.trainTsv())))
                .orElse(asWritten);
        Optional<IntentModel> model = Optional.empty();
        Optional<String> problem = Optional.empty();
        try {
            model = folder.anyModel().map(BotFolder.TrainedModel::head);
        } catch (InvalidBotException e) {
            problem = Optional.of(e.getMessage());
        }
        return new BotData(folder.definition(), folder.train(), folder.heldout(), folder.gateTexts(),
                folder.warnings(), model, problem,
                merge.map(merged -> new BotData.MergedLabels(merged.merge().report(), merged.merge().merged(),
                        merged.merge().taken().size(), merged.trainTsv())),
                new BotData.BotFiles(source.describe(BotSource.TRAIN), source.describe(BotSource.HEAD),
                        source.describe(BotSource.REPORT)), ScreeningSets.read(source).texts());
    }

    @Override
    public String write(Path dir, String botName, FittedHead head, ModelEvaluation evaluation, String report,
                        Optional<byte[]> trainTsv) {
        if (!(head.model() instanceof LbfgsHeadFitter.Fitted fitted)) {
            throw new IllegalArgumentException("A head fitted elsewhere: " + head.model());
        }
        byte[] headBytes = fitted.head(evaluation).format(fitted.comment(botName))
                .getBytes(StandardCharsets.UTF_8);
        // train.tsv first and head.txt last: a reload between the writes still finds a model trained for bot.yaml.
        trainTsv.ifPresent(bytes -> write(dir.resolve(BotSource.TRAIN), bytes));
        write(dir.resolve(BotSource.REPORT), report.getBytes(StandardCharsets.UTF_8));
        write(dir.resolve(BotSource.HEAD), headBytes);
        return ModelVersion.of(encoder.digest(), headBytes);
    }

    /**
     * Writes beside the target, then moves it in: a reader never sees half a file. The file keeps the mode it had;
     * a new one gets rw-r--r-- (a temporary file is created owner-only).
     */
    static void write(Path target, byte[] bytes) {
        try {
            Files.createDirectories(target.getParent());
            Path temporary = Files.createTempFile(target.getParent(), ".train-", ".tmp");
            try {
                Files.write(temporary, bytes);
                PosixFileAttributeView posix = Files.getFileAttributeView(temporary, PosixFileAttributeView.class);
                if (posix != null) {
                    posix.setPermissions(Files.exists(target) ? Files.getPosixFilePermissions(target) : NEW_FILE);
                }
                Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(temporary);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + target, e);
        }
    }
}
