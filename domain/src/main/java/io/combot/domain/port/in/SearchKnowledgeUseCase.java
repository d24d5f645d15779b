package io.combot.domain.port.in;

import io.combot.domain.model.KnowledgeQuery;
import io.combot.domain.model.ScoredPassage;
import java.util.List;

/** A search of the serving bot's documents on its own, as a team tests them or another tool uses them. */
public interface SearchKnowledgeUseCase {
    /** Best first, one entry per passage; empty when the bot has no documents. */
    List<ScoredPassage> search(KnowledgeQuery query);
}
