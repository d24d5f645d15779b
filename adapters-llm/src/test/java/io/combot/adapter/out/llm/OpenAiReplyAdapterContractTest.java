package io.combot.adapter.out.llm;

import io.combot.domain.port.out.GenerateReplyPort;
import io.combot.domain.port.out.GenerateReplyPortContract;
import io.combot.tools.fakellm.FakeOpenAiServer;
import java.io.IOException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The real client over real HTTP to the fake server passes the port's contract. */
class OpenAiReplyAdapterContractTest extends GenerateReplyPortContract {
    private static FakeOpenAiServer server;
    private static OpenAiReplyAdapter adapter;

    @BeforeAll
    static void start() throws IOException {
        server = FakeOpenAiServer.start();
        adapter = TestSettings.adapter(TestSettings.against(server));
    }

    @AfterAll
    static void stop() {
        adapter.close();
        server.close();
    }

    @Override
    protected GenerateReplyPort generator() {
        return adapter;
    }
}
