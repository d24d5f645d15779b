package io.combot.adapter.out.llm;

import static org.assertj.core.api.Assertions.assertThat;

import io.combot.domain.error.CapacityExceededException;
import io.combot.domain.model.GeneratedReply;
import io.combot.domain.model.ReplySink;
import io.combot.tools.fakellm.FakeLlmBehaviour;
import io.combot.tools.fakellm.FakeOpenAiServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** 200 sends at once: never more than the limit reach the server, and the others are refused, not queued. */
class OpenAiBulkheadTest {
    private static final int LIMIT = 16;
    private static final int SENDS = 200;

    @Test
    void boundsTheCallsInFlightAndRefusesTheRestWithARetryAfter() throws Exception {
        try (FakeOpenAiServer server = FakeOpenAiServer.start()) {
            TestSettings.warmUp(server);
            server.resetRecords();
            server.behaviour(FakeLlmBehaviour.defaults().withLatency(Duration.ofMillis(400)));
            ExecutorService senders = Executors.newFixedThreadPool(SENDS);
            try (OpenAiReplyAdapter adapter = TestSettings.adapter(TestSettings.against(server,
                    TestSettings.REQUEST_TIMEOUT, 2, LIMIT, Duration.ofMillis(50), 4000))) {
                CountDownLatch start = new CountDownLatch(1);
                List<Future<Object>> outcomes = new ArrayList<>();
                for (int i = 0; i < SENDS; i++) {
                    outcomes.add(senders.submit(() -> {
                        start.await();
                        try {
                            return adapter.generate(OpenAiReplyAdapterTest.request("Hello?"), ReplySink.DISCARD);
                        } catch (CapacityExceededException e) {
                            return e;
                        }
                    }));
                }
                start.countDown();
                int replies = 0;
                List<CapacityExceededException> refusals = new ArrayList<>();
                for (Future<Object> outcome : outcomes) {
                    Object result = outcome.get(20, TimeUnit.SECONDS);
                    if (result instanceof GeneratedReply) {
                        replies++;
                    } else {
                        refusals.add((CapacityExceededException) result);
                    }
                }

                assertThat(server.peakInFlight()).isLessThanOrEqualTo(LIMIT);
                assertThat(replies).isGreaterThanOrEqualTo(LIMIT).isEqualTo(server.calls());
                assertThat(refusals).hasSize(SENDS - replies).isNotEmpty()
                        .allSatisfy(refusal -> assertThat(refusal.retryAfter()).isPositive());
                System.out.printf("bulkhead: %d sends, %d replies, %d refused, server peak in flight %d%n", SENDS,
                        replies, refusals.size(), server.peakInFlight());
            } finally {
                senders.shutdownNow();
            }
        }
    }
}
