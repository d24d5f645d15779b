package io.combot.domain.port.out;

import io.combot.domain.model.KnowledgeIndexSummary;

/** A built knowledge index, open for searching until closed. */
public interface KnowledgeIndex extends SearchKnowledgePort, AutoCloseable {
    KnowledgeIndexSummary summary();

    @Override
    void close();
}
