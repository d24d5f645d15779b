package io.combot.adapter.out.knowledge;

/**
 * How documents are cut and searched.
 *
 * @param passageWords most words in a passage: blocks of one section join up to it, a longer block is cut between
 *                     sentences (the encoder sees about 190 words of English within its 256 tokens)
 * @param candidates   passages each method ranks before a hybrid search fuses the two rankings
 * @param keywordWeight the share of keyword search in a hybrid score, in [0, 1]: hybrid = w * BM25 / best BM25 +
 *                      (1 - w) * the cosine scaled to [0, 1] over the candidates
 */
public record KnowledgeSettings(int passageWords, int candidates, double keywordWeight) {
    public KnowledgeSettings {
        require(passageWords >= 20 && passageWords <= 1000, "passageWords lies between 20 and 1000, not "
                + passageWords);
        require(candidates >= 1 && candidates <= 1000, "candidates lies between 1 and 1000, not " + candidates);
        require(keywordWeight >= 0 && keywordWeight <= 1, "keywordWeight lies in [0, 1], not " + keywordWeight);
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }
}
