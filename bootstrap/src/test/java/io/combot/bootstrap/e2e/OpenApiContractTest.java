package io.combot.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The check every end-to-end answer goes through refuses what the document does not allow, and only that. */
class OpenApiContractTest {
    private static final Map<String, List<String>> JSON = Map.of("Content-Type", List.of("application/json"));
    private static final Map<String, List<String>> PROBLEM =
            Map.of("Content-Type", List.of("application/problem+json"));
    private static final String NOT_FOUND = "{\"detail\":\"No session with this id exists\",\"status\":404,"
            + "\"title\":\"Not Found\"}";
    private static final String SESSION = "/api/v1/sessions/8a5b1f3e-2c4d-4e6f-8a9b-0c1d2e3f4a5b";

    @Test
    void aDocumentedAnswerPasses() {
        assertThatCode(() -> OpenApiContract.check("GET", "/health/live", 200, JSON,
                "{\"status\":\"UP\",\"checks\":[]}")).doesNotThrowAnyException();
        assertThatCode(() -> OpenApiContract.check("GET", SESSION + "?x=1", 404, PROBLEM, NOT_FOUND))
                .doesNotThrowAnyException();
    }

    @Test
    void aStatusTheOperationDoesNotDocumentFails() {
        assertThatThrownBy(() -> OpenApiContract.check("GET", SESSION, 418, PROBLEM, NOT_FOUND))
                .isInstanceOf(AssertionError.class).hasMessageContaining("Response status 418 not defined");
    }

    @Test
    void aBodyThatBreaksItsSchemaFails() {
        assertThatThrownBy(() -> OpenApiContract.check("GET", "/health/live", 200, JSON,
                "{\"status\":\"SORT OF\",\"checks\":[]}"))
                .isInstanceOf(AssertionError.class).hasMessageContaining("SORT OF");
        assertThatThrownBy(() -> OpenApiContract.check("GET", SESSION, 404, PROBLEM, "{\"status\":404}"))
                .as("a problem says what went wrong").isInstanceOf(AssertionError.class)
                .hasMessageContaining("detail");
    }

    @Test
    void aFieldTheDocumentDoesNotNameFails() {
        assertThatThrownBy(() -> OpenApiContract.check("GET", "/health/live", 200, JSON,
                "{\"status\":\"UP\",\"checks\":[],\"uptime\":12}"))
                .isInstanceOf(AssertionError.class).hasMessageContaining("uptime");
    }

    @Test
    void anAnswerOffTheDocumentMustBeAnErrorInThePathsShape() {
        assertThatCode(() -> OpenApiContract.check("GET", "/api/v1/nothing-here", 404, PROBLEM, NOT_FOUND))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> OpenApiContract.check("GET", "/api/v1/nothing-here", 200, JSON, "{}"))
                .isInstanceOf(AssertionError.class);
        assertThatThrownBy(() -> OpenApiContract.check("PUT", SESSION, 405,
                Map.of("Content-Type", List.of("text/html")), "<html>Method Not Allowed</html>"))
                .isInstanceOf(AssertionError.class).hasMessageContaining("application/problem+json");
        assertThatThrownBy(() -> OpenApiContract.check("GET", "/v1/nothing-here", 404, PROBLEM, NOT_FOUND))
                .as("under /v1/ every error is OpenAI's").isInstanceOf(AssertionError.class);
    }

    @Test
    void thePrometheusScrapeIsOutsideTheDocument() {
        assertThatCode(() -> OpenApiContract.check("GET", "/metrics", 200,
                Map.of("Content-Type", List.of("text/plain")), "jvm_threads_live_threads 42.0"))
                .doesNotThrowAnyException();
    }
}
