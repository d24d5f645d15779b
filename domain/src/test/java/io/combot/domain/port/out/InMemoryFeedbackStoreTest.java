package io.combot.domain.port.out;

class InMemoryFeedbackStoreTest extends FeedbackStorePortContract {
    private final InMemorySessionStore subject = new InMemorySessionStore();

    @Override
    protected SessionStorePort sessions() {
        return subject;
    }

    @Override
    protected FeedbackStorePort feedback() {
        return subject;
    }
}
