package io.combot.domain.port.out;

/** The double passes the contract its real adapters pass, so tests may swap one for the other. */
class InMemorySessionStoreTest extends SessionStorePortContract {
    private final InMemorySessionStore subject = new InMemorySessionStore();

    @Override
    protected SessionStorePort store() {
        return subject;
    }
}
