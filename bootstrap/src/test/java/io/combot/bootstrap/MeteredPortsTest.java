package io.combot.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import io.combot.domain.model.GeneratedReply;
import io.combot.domain.model.Intent;
import io.combot.domain.model.ReplyRequest;
import io.combot.domain.model.ReplySink;
import io.combot.domain.model.Route;
import io.combot.domain.model.TokenUsage;
import io.combot.domain.port.out.GenerateReplyPort;
import io.combot.domain.port.out.TestBots;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MeteredPortsTest {
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final MeteredPorts ports = new MeteredPorts(registry);

    @Test
    void theTimedGeneratorTellsWhetherTheWrappedOneReadsTheContext() {
        GenerateReplyPort reading = ports.generator(generator(true));
        GenerateReplyPort notReading = ports.generator(generator(false));

        assertThat(reading.readsContext()).isTrue();
        assertThat(notReading.readsContext()).isFalse();
    }

    @Test
    void theTimedGeneratorAnswersAndIsTimed() {
        List<String> deltas = new ArrayList<>();

        GeneratedReply reply = ports.generator(generator(false))
                .generate(TestBots.replyRequest(Intent.of("question"), "Where is my order?"), deltas::add);

        assertThat(reply.text()).isEqualTo("Offline answer to question.");
        assertThat(deltas).containsExactly(reply.text());
        assertThat(registry.get("combot.llm.latency").timer().count()).isEqualTo(1);
    }

    private static GenerateReplyPort generator(boolean readsContext) {
        return new GenerateReplyPort() {
            @Override
            public GeneratedReply generate(ReplyRequest request, ReplySink sink) {
                sink.delta(request.offlineReply());
                return new GeneratedReply(request.offlineReply(), Route.OFFLINE, TokenUsage.NONE, true);
            }

            @Override
            public boolean readsContext() {
                return readsContext;
            }
        };
    }
}
