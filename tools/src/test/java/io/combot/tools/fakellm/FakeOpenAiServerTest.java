package io.combot.tools.fakellm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class FakeOpenAiServerTest {
    private static final String BODY = "{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"hi there\"}]";
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    @RegisterExtension
    static final FakeOpenAiServerExtension fake = new FakeOpenAiServerExtension();

    @BeforeEach
    void reset() {
        fake.server().resetRecords();
        fake.server().behaviour(FakeLlmBehaviour.defaults().withReply("Hello {user}"));
    }

    @Test
    void answersAPlainCompletionQuotingTheUserAndRecordsTheBody() throws Exception {
        HttpResponse<String> response = post(BODY + "}");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"object\":\"chat.completion\"")
                .contains("\"content\":\"Hello hi there\"").contains("\"completion_tokens\":3");
        assertThat(fake.server().calls()).isEqualTo(1);
        assertThat(fake.server().lastRequestBody()).isEqualTo(BODY + "}");
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
        fake.server().behaviour(fake.server().behaviour().withRetryAfter(Duration.ofMillis(1500)));
        fake.server().failNext(Fault.TOO_MANY_REQUESTS);

        HttpResponse<String> limited = post(BODY + "}");
        HttpResponse<String> next = post(BODY + "}");

        assertThat(limited.statusCode()).isEqualTo(429);
        assertThat(limited.headers().firstValue("Retry-After")).hasValue("2");
        assertThat(limited.headers().firstValue("retry-after-ms")).hasValue("1500");
        assertThat(next.statusCode()).isEqualTo(200);
    }

    @Test
    void aResetConnectionGivesTheClientAnIoError() {
        fake.server().failNext(Fault.RESET_CONNECTION);

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
        return HTTP.send(HttpRequest.newBuilder(URI.create(fake.server().baseUrl() + "/chat/completions"))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
