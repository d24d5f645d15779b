package io.combot.adapter.out.llm;

import io.combot.domain.port.out.LlmCircuitStatePort;
import io.combot.domain.port.out.LlmCircuitStatePortContract;
import io.combot.tools.fakellm.FakeOpenAiServer;
import java.io.IOException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;

/** The circuit port as the configuration builds it, over each reply adapter. */
class LlmCircuitStateContractTest {
    private static FakeOpenAiServer server;

    @BeforeAll
    static void start() throws IOException {
        server = FakeOpenAiServer.start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Nested
    class Offline extends LlmCircuitStatePortContract {
        @Override
        protected LlmCircuitStatePort freshCircuit() {
            return new LlmConfiguration().llmCircuitStatePort(new OfflineReplyAdapter(PromptTemplates.load(null)));
        }
    }

    @Nested
    class OpenAi extends LlmCircuitStatePortContract {
        private OpenAiReplyAdapter adapter;

        @Override
        protected LlmCircuitStatePort freshCircuit() {
            adapter = TestSettings.adapter(TestSettings.against(server));
            return new LlmConfiguration().llmCircuitStatePort(adapter);
        }

        @AfterEach
        void close() {
            adapter.close();
        }
    }
}
