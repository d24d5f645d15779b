package io.combot.domain.port.out;

class InMemoryFeedbackStoreTest extends FeedbackStorePortContract<InMemorySessionStore> {
    private final InMemorySessionStore subject = new InMemorySessionStore();

    @Override
    protected InMemorySessionStore sessions() {
        return subject;
    }

    @Override
    protected FeedbackStorePort feedback() {
        return subject;
    }
}
