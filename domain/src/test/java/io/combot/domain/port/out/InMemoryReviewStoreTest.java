package io.combot.domain.port.out;

class InMemoryReviewStoreTest extends ReviewStorePortContract<InMemorySessionStore> {
    private final InMemorySessionStore subject = new InMemorySessionStore();

    @Override
    protected InMemorySessionStore sessions() {
        return subject;
    }

    @Override
    protected FeedbackStorePort feedback() {
        return subject;
    }

    @Override
    protected ReviewStorePort review() {
        return subject;
    }
}
