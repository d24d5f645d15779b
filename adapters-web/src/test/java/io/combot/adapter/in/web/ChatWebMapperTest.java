package io.combot.adapter.in.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.combot.adapter.in.web.WebDtos.ClassificationResponse;
import io.combot.adapter.in.web.WebDtos.FeedbackResponse;
import io.combot.adapter.in.web.WebDtos.HistoryResponse;
import io.combot.adapter.in.web.WebDtos.TurnResponse;
import io.combot.domain.model.AssistantMessage;
import io.combot.domain.model.ChatSession;
import io.combot.domain.model.Citation;
import io.combot.domain.model.Classification;
import io.combot.domain.model.Feedback;
import io.combot.domain.model.HistoryPage;
import io.combot.domain.model.Intent;
import io.combot.domain.model.KnowledgeSources;
import io.combot.domain.model.OwnerId;
import io.combot.domain.model.Rating;
import io.combot.domain.model.Turn;
import io.combot.domain.port.out.TestTurns;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mapstruct.factory.Mappers;
import tools.jackson.databind.json.JsonMapper;

class ChatWebMapperTest {
    private final ChatWebMapper mapper = Mappers.getMapper(ChatWebMapper.class);
    private final JsonMapper json = WebConfiguration.strictJsonMapper();

    @Test
    void aTurnMapsEachRoleWithItsOwnFields() {
        ChatSession session = TestTurns.newSession(new OwnerId("o"));
        Turn turn = TestTurns.turn(session, "Where is my parcel?", "c-1");

        TurnResponse response = mapper.toResponse(turn);

        assertThat(response.userMessage().id()).isEqualTo(turn.userMessage().id().value());
        assertThat(response.userMessage().role()).isEqualTo("user");
        assertThat(response.userMessage().intent()).isEqualTo("question");
        assertThat(response.userMessage().confidence()).isEqualTo(0.87);
        assertThat(response.userMessage().route()).isNull();
        assertThat(response.reply().role()).isEqualTo("assistant");
        assertThat(response.reply().route()).isEqualTo("llm");
        assertThat(response.reply().degraded()).isFalse();
        assertThat(response.reply().intent()).isNull();
        assertThat(json.writeValueAsString(response.reply()))
                .contains("\"createdAt\":\"2026-11-26T10:00:00.373Z\"")
                .doesNotContain("intent").doesNotContain("confidence");
    }

    @Test
    void aKnowledgeReplyCarriesGroundedAndItsCitationsAndOtherRepliesNeither() {
        ChatSession session = TestTurns.newSession(new OwnerId("o"));
        Turn turn = TestTurns.turn(session, "How long do refunds take?", null);
        AssistantMessage cited = turn.reply().withSources(new KnowledgeSources(true, List.of(
                new Citation("policies/returns.md", "Returns", "Refunds", "https://x.test/r", "Five days.", 0.8),
                new Citation("faq.txt", "faq", "", null, "Ask us.", 0.2))));

        String reply = json.writeValueAsString(mapper.toResponse(cited));

        assertThat(reply).contains("\"grounded\":true", "\"citations\":[{\"source\":\"policies/returns.md\",\"title\":"
                + "\"Returns\",\"section\":\"Refunds\",\"url\":\"https://x.test/r\",\"snippet\":\"Five days.\",\"score\":0.8}",
                "{\"source\":\"faq.txt\",\"title\":\"faq\",\"section\":\"\",\"snippet\":\"Ask us.\",\"score\":0.2}");
        assertThat(json.writeValueAsString(mapper.toResponse(turn.reply().withSources(KnowledgeSources.NOT_FOUND))))
                .contains("\"grounded\":false", "\"citations\":[]");
        assertThat(json.writeValueAsString(mapper.toResponse(turn.reply()))).doesNotContain("grounded", "citations");
    }

    @Test
    void aHistoryPageKeepsOrderAndCursor() {
        ChatSession session = TestTurns.newSession(new OwnerId("o"));
        Turn turn = TestTurns.turn(session, "hi", null);

        HistoryResponse page = mapper.toResponse(new HistoryPage(List.of(turn.userMessage(), turn.reply()),
                turn.userMessage().id()));

        assertThat(page.items()).extracting(WebDtos.MessageResponse::role).containsExactly("user", "assistant");
        assertThat(page.nextBefore()).isEqualTo(turn.userMessage().id().value());
        assertThat(mapper.toResponse(new HistoryPage(List.of(), null)).nextBefore()).isNull();
    }

    @Test
    void aHistoryPageShowsEachRepliesFeedbackAndNoneOnUserMessages() {
        Turn turn = TestTurns.turn(TestTurns.newSession(new OwnerId("o")), "hi", null);
        Feedback down = new Feedback(turn.reply().id(), Rating.DOWN, null, TestTurns.T0.plusSeconds(5));

        HistoryResponse page = mapper.toResponse(new HistoryPage(List.of(turn.userMessage(), turn.reply()), null,
                Map.of(turn.reply().id(), down)));

        assertThat(page.items().get(0).feedback()).isNull();
        assertThat(page.items().get(1).feedback()).isEqualTo(new FeedbackResponse("down", null,
                TestTurns.T0.plusSeconds(5)));
        assertThat(json.writeValueAsString(page.items().get(1).feedback()))
                .isEqualTo("{\"rating\":\"down\",\"ratedAt\":\"2026-11-26T10:00:05.123Z\"}");
        assertThat(json.writeValueAsString(page.items().get(0))).doesNotContain("feedback");
    }

    @Test
    void scoresAreKeyedByLabelInTheModelsOrder() {
        Map<Intent, Double> scores = new LinkedHashMap<>();
        scores.put(Intent.of("thanks"), 0.9);
        scores.put(Intent.of("greeting"), 0.1);
        ClassificationResponse response = mapper.toResponse(new Classification(Intent.of("thanks"), 0.9, scores, "m-1"));

        assertThat(response.intent()).isEqualTo("thanks");
        assertThat(response.scores()).containsExactly(Map.entry("thanks", 0.9), Map.entry("greeting", 0.1));
        assertThat(response.modelVersion()).isEqualTo("m-1");
    }
}
