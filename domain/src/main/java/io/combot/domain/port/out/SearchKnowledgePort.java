package io.combot.domain.port.out;

import io.combot.domain.model.KnowledgeQuery;
import io.combot.domain.model.ScoredPassage;
import java.util.List;

/** Finds the passages of a bot's documents that best answer a question. Safe to call from many threads. */
public interface SearchKnowledgePort {
    /** At most {@code query.limit()} passages, best first, each passage once; empty when nothing matches. */
    List<ScoredPassage> search(KnowledgeQuery query);
}
