package io.combot.adapter.out.llm;

import io.combot.domain.port.out.GenerateReplyPort;
import io.combot.domain.port.out.GenerateReplyPortContract;
import io.combot.tools.fakellm.FakeOpenAiServerExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The real client over real HTTP to the fake server passes the port's contract. */
class OpenAiReplyAdapterContractTest extends GenerateReplyPortContract {
    @RegisterExtension
    static final FakeOpenAiServerExtension fake = new FakeOpenAiServerExtension();

    private static OpenAiReplyAdapter adapter;

    @BeforeAll
    static void start() {
        adapter = TestSettings.adapter(TestSettings.against(fake.server()));
    }

    @AfterAll
    static void stop() {
        adapter.close();
    }

    @Override
    protected GenerateReplyPort generator() {
        return adapter;
    }
}
