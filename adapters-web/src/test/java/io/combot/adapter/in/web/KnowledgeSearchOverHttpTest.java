package io.combot.adapter.in.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import io.combot.domain.model.KnowledgeQuery;
import io.combot.domain.model.Passage;
import io.combot.domain.model.RetrievalMethod;
import io.combot.domain.model.ScoredPassage;
import io.combot.domain.port.in.SearchKnowledgeUseCase;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** {@code POST /api/v1/knowledge/search}: the passages a search found, best first, in the API's shape and limits. */
class KnowledgeSearchOverHttpTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final List<KnowledgeQuery> asked = new ArrayList<>();
    private final MockMvc mvc = new WebStack().with(SearchKnowledgeUseCase.class, query -> {
        asked.add(query);
        return List.of(new ScoredPassage(new Passage("policies/returns.md", 1, "Returns", "Refunds",
                        "https://x.test/returns", "Thirty days to return an item."), 0.91, 0.62),
                new ScoredPassage(new Passage("shipping.txt", 0, "shipping", "", null, "Two days."), 0.4, 0.2));
    }).mvc();

    @Test
    void thePassagesFoundBestFirstWithTheirDocumentSectionAndScore() throws Exception {
        MockHttpServletResponse response = search("{\"query\": \"how long to return?\", \"limit\": 5}");

        assertThat(response.getStatus()).isEqualTo(200);
        JsonNode results = JSON.readTree(response.getContentAsString()).get("results");
        assertThat(results).hasSize(2);
        assertThat(results.get(0).properties().stream().map(e -> e.getKey()))
                .containsExactly("source", "title", "section", "text", "score");
        assertThat(results.get(0).get("source").asString()).isEqualTo("policies/returns.md");
        assertThat(results.get(0).get("section").asString()).isEqualTo("Refunds");
        assertThat(results.get(0).get("score").asDouble()).isEqualTo(0.91);
        assertThat(results.get(1).get("section").asString()).isEmpty();
        assertThat(asked).containsExactly(new KnowledgeQuery("how long to return?", 5, RetrievalMethod.HYBRID));
    }

    @Test
    void withoutALimitTenAreAskedFor() throws Exception {
        assertThat(search("{\"query\": \"refunds\"}").getStatus()).isEqualTo(200);
        assertThat(asked.get(0).limit()).isEqualTo(KnowledgeQuery.DEFAULT_LIMIT);
    }

    @ParameterizedTest
    @ValueSource(strings = {"{}", "{\"query\": \"  \"}", "{\"query\": \"refunds\", \"limit\": 0}",
            "{\"query\": \"refunds\", \"limit\": 51}"})
    void aQueryWithoutWordsOrALimitOutOfRangeIsTheClientsError(String body) throws Exception {
        MockHttpServletResponse response = search(body);

        assertThat(response.getStatus()).isEqualTo(400);
        assertThat(WebStack.problem(response).get("detail").asString()).containsAnyOf("query", "limit");
        assertThat(asked).isEmpty();
    }

    @Test
    void aBotWithoutDocumentsFindsNothing() throws Exception {
        MockHttpServletResponse response = new WebStack().mvc().perform(post("/api/v1/knowledge/search")
                .contentType(MediaType.APPLICATION_JSON).content("{\"query\": \"refunds\"}")).andReturn().getResponse();

        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(JSON.readTree(response.getContentAsString()).get("results")).isEmpty();
    }

    private MockHttpServletResponse search(String body) throws Exception {
        return mvc.perform(post("/api/v1/knowledge/search").contentType(MediaType.APPLICATION_JSON).content(body))
                .andReturn().getResponse();
    }
}
