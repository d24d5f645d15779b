package io.combot.adapter.out.knowledge;

/**
 * How documents are cut and searched.
 *
 * @param passageWords most words in a passage: blocks of one section join up to it, a longer block is cut between
 *                     sentences (the encoder sees about 190 words of English within its 256 tokens)
 * @param candidates   passages each method ranks before a hybrid search fuses the two rankings
 * @param fusionK      the constant of reciprocal rank fusion: a passage ranked r-th by a method gains 1/(k + r)
 */
public record KnowledgeSettings(int passageWords, int candidates, int fusionK) {
    public KnowledgeSettings {
        require(passageWords >= 20 && passageWords <= 1000, "passageWords lies between 20 and 1000, not "
                + passageWords);
        require(candidates >= 1 && candidates <= 1000, "candidates lies between 1 and 1000, not " + candidates);
        require(fusionK >= 0, "fusionK is 0 or more, not " + fusionK);
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }
}
