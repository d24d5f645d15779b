package io.combot.adapter.out.ml;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.translate.NoBatchifyTranslator;
import ai.djl.translate.TranslatorContext;
import java.nio.LongBuffer;

/**
 * Feeds a padded token batch to MiniLM and turns its token vectors into one sentence embedding per text: the mean
 * over real tokens, L2-normalised. Pooling is done in Java because ONNX Runtime's NDArray supports few operations.
 */
final class MeanPoolingTranslator implements NoBatchifyTranslator<TokenBatch, float[][]> {
    private static final String BATCH = "batch";

    @Override
    public NDList processInput(TranslatorContext ctx, TokenBatch batch) {
        ctx.setAttachment(BATCH, batch);
        NDManager manager = ctx.getNDManager();
        Shape shape = new Shape(batch.size(), batch.length());
        return new NDList(
                tensor(manager, "input_ids", batch.ids(), shape),
                tensor(manager, "attention_mask", batch.mask(), shape),
                tensor(manager, "token_type_ids", new long[batch.ids().length], shape));
    }

    @Override
    public float[][] processOutput(TranslatorContext ctx, NDList output) {
        TokenBatch batch = (TokenBatch) ctx.getAttachment(BATCH);
        float[] hidden = output.get(0).toFloatArray();
        int dims = hidden.length / (batch.size() * batch.length());
        float[][] embeddings = new float[batch.size()][dims];
        for (int row = 0; row < batch.size(); row++) {
            float[] sum = embeddings[row];
            int tokens = 0;
            for (int t = 0; t < batch.length(); t++) {
                if (batch.mask()[row * batch.length() + t] == 0) {
                    continue;
                }
                tokens++;
                int offset = (row * batch.length() + t) * dims;
                for (int d = 0; d < dims; d++) {
                    sum[d] += hidden[offset + d];
                }
            }
            normalise(sum, Math.max(tokens, 1));
        }
        return embeddings;
    }

    private static void normalise(float[] sum, int tokens) {
        double norm = 0;
        for (int d = 0; d < sum.length; d++) {
            sum[d] /= tokens;
            norm += (double) sum[d] * sum[d];
        }
        float scale = (float) (1.0 / Math.max(Math.sqrt(norm), 1e-12));
        for (int d = 0; d < sum.length; d++) {
            sum[d] *= scale;
        }
    }

    private static NDArray tensor(NDManager manager, String name, long[] values, Shape shape) {
        NDArray array = manager.create(LongBuffer.wrap(values), shape, DataType.INT64);
        array.setName(name);
        return array;
    }
}
