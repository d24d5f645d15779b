package io.combot.application;

import io.combot.domain.model.KnowledgeQuery;
import io.combot.domain.model.ScoredPassage;
import io.combot.domain.port.in.SearchKnowledgeUseCase;
import io.combot.domain.port.out.CurrentBotPort;
import java.util.List;

/** Searches the documents of the bot serving now; a bot without documents finds nothing. */
public class SearchKnowledgeService implements SearchKnowledgeUseCase {
    private final CurrentBotPort bots;

    public SearchKnowledgeService(CurrentBotPort bots) {
        this.bots = bots;
    }

    @Override
    public List<ScoredPassage> search(KnowledgeQuery query) {
        return bots.current().knowledge().map(index -> index.search(query)).orElse(List.of());
    }
}
