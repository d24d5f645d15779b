package io.combot.adapter.out.llm;

import io.combot.domain.port.out.LlmCircuitStatePort;
import io.combot.domain.port.out.LlmCircuitStatePortContract;
import io.combot.tools.fakellm.FakeOpenAiServerExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The circuit port as the configuration builds it, over each reply adapter. */
class LlmCircuitStateContractTest {
    @RegisterExtension
    static final FakeOpenAiServerExtension fake = new FakeOpenAiServerExtension();

    @Nested
    class Offline extends LlmCircuitStatePortContract {
        @Override
        protected LlmCircuitStatePort freshCircuit() {
            return new LlmConfiguration().llmCircuitStatePort(new OfflineReplyAdapter());
        }
    }

    @Nested
    class OpenAi extends LlmCircuitStatePortContract {
        private OpenAiReplyAdapter adapter;

        @Override
        protected LlmCircuitStatePort freshCircuit() {
            adapter = TestSettings.adapter(TestSettings.against(fake.server()));
            return new LlmConfiguration().llmCircuitStatePort(adapter);
        }

        @AfterEach
        void close() {
            adapter.close();
        }
    }
}
