package io.combot.tools.fakellm;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One fake OpenAI server for a test class: started before the class's own {@code @BeforeAll} methods, closed after
 * its tests. Register it on a static field with {@code @RegisterExtension}.
 */
public final class FakeOpenAiServerExtension implements BeforeAllCallback, AfterAllCallback {
    private FakeOpenAiServer server;

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        server = FakeOpenAiServer.start();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        server.close();
    }

    public FakeOpenAiServer server() {
        return server;
    }
}
