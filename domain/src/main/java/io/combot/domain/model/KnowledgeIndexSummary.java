package io.combot.domain.model;

import io.combot.domain.error.InvalidInputException;

/**
 * What a build of a knowledge index made.
 *
 * @param documents the documents read
 * @param passages  the passages indexed
 * @param embedded  passages the encoder embedded in this build
 * @param reused    passages whose embeddings came from the previous index, their text and encoder unchanged
 * @param version   names the index's content (passages and encoder): equal versions serve the same answers
 */
public record KnowledgeIndexSummary(int documents, int passages, int embedded, int reused, String version) {
    /** Where a bot keeps its documents, and its index, in its folder. */
    public static final String DOCUMENTS_FOLDER = "knowledge";
    public static final String INDEX_FOLDER = "model/knowledge";

    public KnowledgeIndexSummary {
        InvalidInputException.require(documents >= 0 && passages >= 0 && embedded >= 0 && reused >= 0,
                "A knowledge index's counts are 0 or more");
        InvalidInputException.require(embedded + reused == passages,
                "Every passage is either embedded or reused: " + embedded + " + " + reused + " != " + passages);
        InvalidInputException.require(version != null && !version.isBlank(), "A knowledge index has a version");
    }

    /** The version a bot serves under: its classifier's, and its index's when it has one, so a reload shows both. */
    public static String servedVersion(String modelVersion, KnowledgeIndexSummary index) {
        return modelVersion + "+kb-" + index.version();
    }
}
