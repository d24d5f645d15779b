package io.combot.adapter.in.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class ProblemsTest {
    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void aProblemOutsideSpringMvcIsWrittenAsSpringMvcWritesIt() {
        ProblemDetail mvc = ProblemDetail.forStatusAndDetail(HttpStatus.CONTENT_TOO_LARGE, "too big");

        assertThat(new String(Problems.json(413, "too big"), StandardCharsets.UTF_8))
                .isEqualTo(WebConfiguration.strictJsonMapper().writeValueAsString(mvc))
                .isEqualTo("{\"detail\":\"too big\",\"status\":413,\"title\":\"Content Too Large\"}");
    }

    @Test
    void aProblemWithoutDetailSaysItsTitle() {
        JsonNode problem = json.readTree(Problems.json(408, " "));

        assertThat(problem.get("detail").asString()).isEqualTo("Request Timeout");
        assertThat(json.readTree(Problems.json(599, null)).get("title").asString()).isEqualTo("599");
    }

    @Test
    void theOpenAiPathsAnswerInOpenAisShapeAndTheRestInProblemJson() {
        Problems.Body openAi = Problems.forPath("/v1/chat/completions", 413, "too big");
        Problems.Body native_ = Problems.forPath("/api/v1/sessions", 413, "too big");

        assertThat(openAi.contentType()).isEqualTo("application/json");
        assertThat(openAi.json()).isEqualTo(OpenAiErrors.json(413, "too big"));
        assertThat(native_.contentType()).isEqualTo("application/problem+json");
        assertThat(native_.json()).isEqualTo(Problems.json(413, "too big"));
    }
}
