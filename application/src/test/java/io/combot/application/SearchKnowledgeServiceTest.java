package io.combot.application;

import static org.assertj.core.api.Assertions.assertThat;

import io.combot.domain.model.KnowledgeQuery;
import io.combot.domain.model.ScoredPassage;
import io.combot.domain.port.out.FixedServingBot;
import io.combot.domain.port.out.HashingEmbedder;
import io.combot.domain.port.out.InMemoryKnowledgeIndex;
import io.combot.domain.port.out.KnowledgeIndex;
import io.combot.domain.port.out.SearchKnowledgePort;
import io.combot.domain.port.out.ServingBot;
import io.combot.domain.port.out.SwappableBot;
import io.combot.domain.port.out.TestBots;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SearchKnowledgeServiceTest {
    @Test
    void searchesTheServingBotsDocuments(@TempDir Path dir) throws IOException {
        Files.createDirectories(dir.resolve("knowledge"));
        Files.writeString(dir.resolve("knowledge/returns.md"), "# Returns\n\nThirty days to return an item.\n");
        InMemoryKnowledgeIndex indexes = new InMemoryKnowledgeIndex(new HashingEmbedder());
        indexes.build(dir.resolve("knowledge"), dir.resolve("index"), line -> { });
        try (KnowledgeIndex index = indexes.open(dir.resolve("index"))) {
            List<ScoredPassage> found = new SearchKnowledgeService(() -> withKnowledge(index))
                    .search(KnowledgeQuery.hybrid("how many days to return", 5));
            assertThat(found).extracting(hit -> hit.passage().source()).containsExactly("returns.md");
        }
    }

    @Test
    void aBotWithoutDocumentsFindsNothing() {
        assertThat(new SearchKnowledgeService(new SwappableBot(TestBots.keywordBot()))
                .search(KnowledgeQuery.hybrid("anything", 5))).isEmpty();
    }

    private static ServingBot withKnowledge(SearchKnowledgePort index) {
        ServingBot bot = new SwappableBot(TestBots.keywordBot()).current();
        return new FixedServingBot(bot.definition(), bot.classifier(), bot.modelVersion(), index);
    }
}
