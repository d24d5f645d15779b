package io.combot.adapter.in.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.combot.domain.model.Citation;
import io.combot.domain.model.KnowledgeSources;
import io.combot.domain.model.OwnerId;
import io.combot.domain.model.Turn;
import io.combot.domain.port.out.TestTurns;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** {@code /v1}'s {@code combot} extension shows a knowledge reply's grounding and citations as the native API does. */
class OpenAiExtensionTest {
    private final JsonMapper json = WebConfiguration.strictJsonMapper();

    @Test
    void aKnowledgeReplysCitationsAreInTheExtensionAndOtherRepliesHaveNone() {
        Turn turn = TestTurns.turn(TestTurns.newSession(new OwnerId("o")), "How long do refunds take?", null);
        Turn cited = new Turn(turn.userMessage(), turn.reply().withSources(new KnowledgeSources(true, List.of(
                new Citation("policies/returns.md", "Returns", "Refunds", null, "Five days.", 0.8)))));

        assertThat(json.writeValueAsString(OpenAiWebMapper.extension(cited))).contains("\"grounded\":true",
                "\"citations\":[{\"source\":\"policies/returns.md\",\"title\":\"Returns\",\"section\":\"Refunds\","
                        + "\"snippet\":\"Five days.\",\"score\":0.8}]");
        assertThat(json.writeValueAsString(OpenAiWebMapper.extension(turn))).doesNotContain("grounded", "citations");
    }
}
