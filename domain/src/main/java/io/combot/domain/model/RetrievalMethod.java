package io.combot.domain.model;

/** How a knowledge search ranks passages. */
public enum RetrievalMethod {
    /** Words in common, weighted (BM25). */
    KEYWORD,
    /** Nearest embeddings. */
    VECTOR,
    /** Both rankings fused: what a bot uses. */
    HYBRID
}
