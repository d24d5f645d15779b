package io.combot.adapter.out.ml;

import io.combot.domain.model.CrisisPhrases;
import io.combot.domain.model.Intent;
import io.combot.domain.model.LabelledText;
import io.combot.domain.model.MessageParts;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code bin/ml dump [DIR]}: the crisis head's training rows and every held-out screening text with their embeddings,
 * for comparing other classifiers over the same embeddings outside Java ({@code bench/screening-classifiers.py}).
 * Writes to {@code adapters-ml/target/screening-dump/}:
 * <ul>
 *   <li>{@code train.npy} (float32, rows x 384) and {@code train.tsv}: row, label (1 crisis), the out-of-fold
 *       p(crisis) of {@link CrisisHeadTrainer}'s own cross-validation, text. The rows are exactly
 *       {@link CrisisHeadTrainer#rows}, before crisis rows are repeated.</li>
 *   <li>{@code train-messages.tsv}: message of {@code screening/train.tsv}, row: which rows come from which message
 *       (its whole text or one of its parts), so that cross-validation can keep a message's rows in one fold.</li>
 *   <li>{@code heldout.npy} and {@code heldout.tsv}: every message of {@code screening/heldout.tsv} and of the bot's
 *       {@code heldout.tsv}, whole (part -1) and, when it has more than one, each of its {@link MessageParts} as the
 *       service screens them: set, message, part, label, group (single, compound, benign, other), whether a crisis
 *       phrase is in the text, p(crisis) of the crisis head {@link CrisisHeadTrainer} fits on these rows (the shipped
 *       one), text.</li>
 *   <li>{@code head.txt}: the crisis head's threshold as {@link CrisisHeadTrainer} sets it.</li>
 * </ul>
 */
final class ScreeningEmbeddingDump {
    private final EmbeddingMemo embeddings;

    private ScreeningEmbeddingDump(EmbeddingWorkers workers) {
        this.embeddings = new EmbeddingMemo(workers);
    }

    public static void main(String[] args) throws IOException {
        BotSource source = args.length > 0 ? BotSource.folder(Path.of(args[0])) : BotSource.shipped();
        Path out = Path.of("target", "screening-dump");
        Files.createDirectories(out);
        BotFolder folder = BotFolder.read(source);
        ScreeningSets sets = ScreeningSets.read(source);
        ClassifierSettings settings = ShippedSettings.classifier().withBatchSize(1);
        try (MiniLmEncoder encoder = new MiniLmEncoder(settings.maxTokens(), settings.intraOpThreads());
             EmbeddingWorkers workers = new EmbeddingWorkers(encoder, settings)) {
            new ScreeningEmbeddingDump(workers).run(folder, sets, workers.readsWholeUpTo(), out);
        }
        System.out.println("written to " + out.toAbsolutePath());
    }

    private void run(BotFolder folder, ScreeningSets sets, int readWhole, Path out) throws IOException {
        float[][] x = embeddings.embed(folder.train().stream().map(LabelledText::text).toList());
        CrisisHeadTrainer.Rows rows = CrisisHeadTrainer.rows(folder.train(), x, sets.train(), embeddings::embed,
                readWhole);
        CrisisHeadTrainer.Fit crisisFit = rows.train(line -> { });
        HeadTrainer.Result fit = crisisFit.result();
        double threshold = CrisisHeadTrainer.threshold(rows, crisisFit);
        CrisisHead head = CrisisHeadTrainer.head(rows, crisisFit);
        Files.writeString(out.resolve("head.txt"), String.format(Locale.ROOT, "threshold\t%.6f%nl2\t%.0e%n",
                threshold, fit.l2()));

        StringBuilder train = new StringBuilder("row\tlabel\toof\ttext\n");
        Map<String, Integer> rowOf = new HashMap<>();
        for (int i = 0; i < rows.size(); i++) {
            rowOf.putIfAbsent(rows.texts.get(i).toLowerCase(Locale.ROOT), i);
            train.append(i).append('\t').append(rows.y.get(i)).append('\t')
                    .append(String.format(Locale.ROOT, "%.6f", fit.outOfFoldProbabilities()[i][1])).append('\t')
                    .append(clean(rows.texts.get(i))).append('\n');
        }
        Files.writeString(out.resolve("train.tsv"), train);
        npy(out.resolve("train.npy"), rows.x);

        StringBuilder messages = new StringBuilder("message\trow\n");
        for (int m = 0; m < sets.train().size(); m++) {
            String text = sets.train().get(m).text();
            List<String> pieces = new ArrayList<>(List.of(text));
            pieces.addAll(MessageParts.of(text, readWhole));
            for (String piece : pieces) {
                Integer row = rowOf.get(piece.toLowerCase(Locale.ROOT));
                if (row != null) {
                    messages.append(m).append('\t').append(row).append('\n');
                }
            }
        }
        Files.writeString(out.resolve("train-messages.tsv"), messages);

        CrisisPhrases phrases = sets.phrases();
        StringBuilder heldout = new StringBuilder("set\tmessage\tpart\tlabel\tgroup\tphrase\tjava\ttext\n");
        List<float[]> vectors = new ArrayList<>();
        Map<String, List<LabelledText>> named = new LinkedHashMap<>();
        named.put("screen-heldout", sets.heldout());
        named.put("heldout", folder.heldout());
        named.forEach((name, texts) -> {
            for (int m = 0; m < texts.size(); m++) {
                String text = texts.get(m).text();
                boolean crisis = texts.get(m).intent().equals(Intent.CRISIS);
                List<String> parts = MessageParts.of(text, readWhole);
                String group = crisis ? (parts.size() == 1 ? "single" : "compound")
                        : name.equals("heldout") ? "other" : "benign";
                List<String> pieces = new ArrayList<>(List.of(text));
                pieces.addAll(parts.size() > 1 ? parts : List.of());
                float[][] embedded = embeddings.embed(pieces);
                for (int p = 0; p < pieces.size(); p++) {
                    heldout.append(name).append('\t').append(m).append('\t').append(p - 1).append('\t')
                            .append(crisis ? 1 : 0).append('\t').append(group).append('\t')
                            .append(phrases.findIn(pieces.get(p)).isPresent() ? 1 : 0).append('\t')
                            .append(String.format(Locale.ROOT, "%.6f", head.probability(pieces.get(p), embedded[p]))).append('\t')
                            .append(clean(pieces.get(p))).append('\n');
                    vectors.add(embedded[p]);
                }
            }
        });
        Files.writeString(out.resolve("heldout.tsv"), heldout);
        npy(out.resolve("heldout.npy"), vectors);
        System.out.printf(Locale.ROOT, "%d training rows (%d crisis), %d held-out texts and parts; threshold %.4f%n",
                rows.size(), rows.crisis(), vectors.size(), threshold);
    }

    private static String clean(String text) {
        return text.replace('\t', ' ').replace('\n', ' ').replace('\r', ' ');
    }

    /** A float32 matrix in NumPy's .npy format (version 1.0, little-endian, C order). */
    private static void npy(Path file, List<float[]> rows) {
        int columns = rows.isEmpty() ? 0 : rows.get(0).length;
        String dict = String.format(Locale.ROOT, "{'descr': '<f4', 'fortran_order': False, 'shape': (%d, %d), }",
                rows.size(), columns);
        int unpadded = 10 + dict.length() + 1;
        String header = dict + " ".repeat((64 - unpadded % 64) % 64) + "\n";
        ByteBuffer data = ByteBuffer.allocate(rows.size() * columns * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        rows.forEach(row -> {
            for (float v : row) {
                data.putFloat(v);
            }
        });
        try (OutputStream stream = Files.newOutputStream(file); DataOutputStream out = new DataOutputStream(stream)) {
            out.write(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0});
            out.write(header.length() & 0xff);
            out.write(header.length() >> 8);
            out.write(header.getBytes(StandardCharsets.US_ASCII));
            out.write(data.array());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
