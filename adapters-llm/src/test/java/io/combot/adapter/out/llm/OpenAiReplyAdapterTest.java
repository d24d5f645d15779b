package io.combot.adapter.out.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.combot.domain.error.ReplyUnavailableException;
import io.combot.domain.model.CircuitState;
import io.combot.domain.model.GeneratedReply;
import io.combot.domain.model.Intent;
import io.combot.domain.model.ReplyRequest;
import io.combot.domain.model.ReplySink;
import io.combot.domain.model.Route;
import io.combot.tools.fakellm.FakeLlmBehaviour;
import io.combot.tools.fakellm.FakeOpenAiServerExtension;
import io.combot.tools.fakellm.Fault;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The adapter with the real openai-java client over HTTP to the fake server, in good and bad weather. */
class OpenAiReplyAdapterTest {
    private static final String REPLY = "Opening hours are nine to five on weekdays.";

    @RegisterExtension
    static final FakeOpenAiServerExtension fake = new FakeOpenAiServerExtension();

    private OpenAiReplyAdapter adapter;

    @BeforeAll
    static void warmUp() {
        TestSettings.warmUp(fake.server());
    }

    @BeforeEach
    void freshAdapter() {
        fake.server().resetRecords();
        fake.server().behaviour(FakeLlmBehaviour.defaults().withReply(REPLY));
        adapter = TestSettings.adapter(TestSettings.against(fake.server()));
    }

    @AfterEach
    void closeAdapter() {
        adapter.close();
    }

    @Test
    void streamsTheRepliesPiecesAndReportsTheUsage() {
        List<String> deltas = new CopyOnWriteArrayList<>();

        GeneratedReply reply = adapter.generate(request("When are you open?"), deltas::add);

        assertThat(reply.text()).isEqualTo(REPLY);
        assertThat(reply.route()).isEqualTo(Route.LLM);
        assertThat(reply.complete()).isTrue();
        assertThat(deltas).hasSizeGreaterThan(1);
        assertThat(String.join("", deltas)).isEqualTo(REPLY);
        assertThat(reply.usage().completionTokens()).isEqualTo(deltas.size());
        assertThat(reply.usage().promptTokens()).isPositive();
        assertThat(fake.server().lastRequestBody()).contains("\"stream\":true").contains("\"include_usage\":true")
                .contains("\"model\":\"fake-model\"").contains("\"max_completion_tokens\":256");
        assertThat(fake.server().calls()).isEqualTo(1);
    }

    @Test
    void warmingUpAsksForTheModelListAndSpendsNoCompletion() {
        adapter.warmUp();

        assertThat(fake.server().modelListCalls()).isEqualTo(1);
        assertThat(fake.server().calls()).isZero();
    }

    @Test
    void warmingUpAgainstAServerThatIsDownDoesNotStopTheStart() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }

        try (OpenAiReplyAdapter unreachable = TestSettings.adapter(TestSettings.at("http://127.0.0.1:" + closedPort
                + "/v1"))) {
            assertThatCode(unreachable::warmUp).doesNotThrowAnyException();
        }
    }

    @Test
    void aReceiverThatDoesNotStreamGetsOneCompletionNotAStream() {
        List<String> deltas = new CopyOnWriteArrayList<>();

        GeneratedReply reply = adapter.generate(request("When are you open?"), ReplySink.whole(deltas::add));

        assertThat(reply.text()).isEqualTo(REPLY);
        assertThat(reply.complete()).isTrue();
        assertThat(deltas).containsExactly(REPLY);
        assertThat(reply.usage().completionTokens()).isPositive();
        assertThat(fake.server().lastRequestBody()).doesNotContain("\"stream\":true").doesNotContain("stream_options");
        assertThat(fake.server().calls()).isEqualTo(1);
    }

    @Test
    void retriesAfter429HonouringRetryAfter() {
        fake.server().behaviour(fake.server().behaviour().withRetryAfter(Duration.ofSeconds(1)));
        fake.server().failNext(Fault.TOO_MANY_REQUESTS);
        long start = System.nanoTime();

        GeneratedReply reply = adapter.generate(request("Hello?"), ReplySink.DISCARD);

        assertThat(reply.text()).isEqualTo(REPLY);
        assertThat(fake.server().calls()).isEqualTo(2);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void retriesAfterAServerError() {
        fake.server().failNext(Fault.SERVER_ERROR, Fault.SERVER_ERROR);

        GeneratedReply reply = adapter.generate(request("Hello?"), ReplySink.DISCARD);

        assertThat(reply.text()).isEqualTo(REPLY);
        assertThat(fake.server().calls()).isEqualTo(3);
    }

    @Test
    void givesUpAfterTheConfiguredRetries() {
        fake.server().failNext(Fault.SERVER_ERROR, Fault.SERVER_ERROR, Fault.SERVER_ERROR, Fault.SERVER_ERROR);

        assertThatThrownBy(() -> adapter.generate(request("Hello?"), ReplySink.DISCARD))
                .isInstanceOf(ReplyUnavailableException.class).hasMessageContaining("HTTP 500");
        assertThat(fake.server().calls()).isEqualTo(3);
    }

    @Test
    void retriesWhenTheConnectionIsReset() {
        fake.server().failNext(Fault.RESET_CONNECTION);

        GeneratedReply reply = adapter.generate(request("Hello?"), ReplySink.DISCARD);

        assertThat(reply.text()).isEqualTo(REPLY);
        assertThat(fake.server().calls()).isEqualTo(2);
    }

    @Test
    void aServerThatHangsIsGivenUpWithinTheRequestTimeout() {
        Duration timeout = Duration.ofSeconds(1);
        adapter.close();
        adapter = TestSettings.adapter(TestSettings.against(fake.server(), timeout, 2, 16, Duration.ofMillis(50), 4000));
        fake.server().behaviour(fake.server().behaviour().withFault(Fault.HANG));
        long start = System.nanoTime();

        assertThatThrownBy(() -> adapter.generate(request("Hello?"), ReplySink.DISCARD))
                .isInstanceOf(ReplyUnavailableException.class);
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertThat(took).isGreaterThanOrEqualTo(timeout.minusMillis(50)).isLessThan(timeout.plusMillis(700));
        assertThat(fake.server().calls()).isEqualTo(1);
    }

    @Test
    void malformedJsonIsAFailureThatIsNotRetried() {
        fake.server().failNext(Fault.MALFORMED_JSON);

        assertThatThrownBy(() -> adapter.generate(request("Hello?"), ReplySink.DISCARD))
                .isInstanceOf(ReplyUnavailableException.class);
        assertThat(fake.server().calls()).isEqualTo(1);
    }

    @Test
    void aStreamBrokenAfterTheFirstPieceEndsIncompleteWithoutRetry() {
        fake.server().failNext(Fault.BREAK_MID_STREAM);
        List<String> deltas = new CopyOnWriteArrayList<>();

        GeneratedReply reply = adapter.generate(request("Hello?"), deltas::add);

        assertThat(reply.complete()).isFalse();
        assertThat(reply.text()).isNotBlank().isEqualTo(String.join("", deltas));
        assertThat(REPLY).startsWith(reply.text()).isNotEqualTo(reply.text());
        assertThat(fake.server().calls()).isEqualTo(1);
    }

    @Test
    void aCancelledReceiverStopsTheStreamAndClosesTheUpstreamCall() {
        String longReply = "word ".repeat(200).strip();
        fake.server().behaviour(fake.server().behaviour().withReply(longReply).withTokenLatency(Duration.ofMillis(5)));
        List<String> deltas = new CopyOnWriteArrayList<>();
        ReplySink goesAwayAfterThreePieces = new ReplySink() {
            @Override
            public void delta(String text) {
                deltas.add(text);
            }

            @Override
            public boolean cancelled() {
                return deltas.size() >= 3;
            }
        };

        GeneratedReply reply = adapter.generate(request("Tell me a long story"), goesAwayAfterThreePieces);

        assertThat(reply.complete()).isFalse();
        assertThat(reply.text()).isEqualTo("word word word ");
        awaitUntil(() -> fake.server().abortedStreams() == 1, Duration.ofSeconds(5));
        assertThat(fake.server().abortedStreams()).isEqualTo(1);
    }

    @Test
    void theCircuitOpensOnSustainedFailuresAndClosesAfterASuccessfulProbe() throws InterruptedException {
        adapter.close();
        adapter = TestSettings.adapter(TestSettings.against(fake.server(), TestSettings.REQUEST_TIMEOUT, 0, 16,
                Duration.ofMillis(50), 4000));
        fake.server().behaviour(fake.server().behaviour().withFault(Fault.SERVER_ERROR));
        for (int i = 0; i < 10; i++) {
            assertThatThrownBy(() -> adapter.generate(request("Hello?"), ReplySink.DISCARD))
                    .isInstanceOf(ReplyUnavailableException.class);
        }
        int callsWhenOpened = fake.server().calls();
        assertThat(adapter.circuitState()).isEqualTo(CircuitState.OPEN);

        assertThatThrownBy(() -> adapter.generate(request("Hello?"), ReplySink.DISCARD))
                .isInstanceOf(ReplyUnavailableException.class).hasMessageContaining("circuit breaker is open");
        assertThat(fake.server().calls()).isEqualTo(callsWhenOpened);

        fake.server().behaviour(fake.server().behaviour().withFault(null));
        Thread.sleep(400);
        GeneratedReply probe = adapter.generate(request("Hello?"), ReplySink.DISCARD);
        GeneratedReply after = adapter.generate(request("Hello?"), ReplySink.DISCARD);

        assertThat(probe.text()).isEqualTo(REPLY);
        assertThat(after.text()).isEqualTo(REPLY);
        assertThat(fake.server().calls()).isEqualTo(callsWhenOpened + 2);
        assertThat(adapter.circuitState()).isEqualTo(CircuitState.CLOSED);
    }

    static ReplyRequest request(String content) {
        return TestSettings.request(Intent.of("question"), content, List.of());
    }

    static void awaitUntil(BooleanSupplier condition, Duration atMost) {
        long end = System.nanoTime() + atMost.toNanos();
        while (!condition.getAsBoolean() && System.nanoTime() < end) {
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
