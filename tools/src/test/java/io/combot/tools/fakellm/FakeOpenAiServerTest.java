package io.combot.tools.fakellm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class FakeOpenAiServerTest {
    private static final String BODY = "{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"hi there\"}]";
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static FakeOpenAiServer server;

    @BeforeAll
    static void start() throws IOException {
        server = FakeOpenAiServer.start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @BeforeEach
    void reset() {
        server.resetRecords();
        server.behaviour(FakeLlmBehaviour.defaults().withReply("Hello {user}"));
    }

    @Test
    void answersAPlainCompletionQuotingTheUserAndRecordsTheBody() throws Exception {
        HttpResponse<String> response = post(BODY + "}");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"object\":\"chat.completion\"")
                .contains("\"content\":\"Hello hi there\"").contains("\"completion_tokens\":3");
        assertThat(server.calls()).isEqualTo(1);
        assertThat(server.lastRequestBody()).isEqualTo(BODY + "}");
    }

    @Test
    void streamsOneChunkPerTokenThenUsageThenDone() throws Exception {
        HttpResponse<String> response = post(BODY + ",\"stream\":true,\"stream_options\":{\"include_usage\":true}}");

        assertThat(response.headers().firstValue("Content-Type")).hasValue("text/event-stream");
        assertThat(response.body().split("\n\n"))
                .hasSize(6)
                .satisfies(events -> {
                    assertThat(events[0]).startsWith("data: {").contains("\"content\":\"Hello \"");
                    assertThat(events[3]).contains("\"finish_reason\":\"stop\"");
                    assertThat(events[4]).contains("\"usage\"");
                    assertThat(events[5]).isEqualTo("data: [DONE]");
                });
    }

    @Test
    void a429CarriesRetryAfterInSecondsAndMilliseconds() throws Exception {
        server.behaviour(server.behaviour().withRetryAfter(Duration.ofMillis(1500)));
        server.failNext(Fault.TOO_MANY_REQUESTS);

        HttpResponse<String> limited = post(BODY + "}");
        HttpResponse<String> next = post(BODY + "}");

        assertThat(limited.statusCode()).isEqualTo(429);
        assertThat(limited.headers().firstValue("Retry-After")).hasValue("2");
        assertThat(limited.headers().firstValue("retry-after-ms")).hasValue("1500");
        assertThat(next.statusCode()).isEqualTo(200);
    }

    @Test
    void aResetConnectionGivesTheClientAnIoError() {
        server.failNext(Fault.RESET_CONNECTION);

        assertThatThrownBy(() -> post(BODY + "}")).isInstanceOf(IOException.class);
    }

    @Test
    void theFlagsBuildTheBehaviour() {
        FakeLlmCommand.Options options = FakeLlmCommand.parse("--port", "8089", "--latency", "200ms",
                "--error-rate", "0.1", "--429-rate", "0.05", "--retry-after", "2s", "--fault", "hang");

        assertThat(options.port()).isEqualTo(8089);
        assertThat(options.behaviour().latency()).isEqualTo(Duration.ofMillis(200));
        assertThat(options.behaviour().errorRate()).isEqualTo(0.1);
        assertThat(options.behaviour().tooManyRequestsRate()).isEqualTo(0.05);
        assertThat(options.behaviour().retryAfter()).isEqualTo(Duration.ofSeconds(2));
        assertThat(options.behaviour().fault()).isEqualTo(Fault.HANG);
        assertThatThrownBy(() -> FakeLlmCommand.parse("--latency", "soon")).hasMessageContaining("200ms");
    }

    private static HttpResponse<String> post(String body) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/chat/completions"))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
