package io.combot.domain.port.out;

/** The double passes the contract its real adapters pass, so tests may swap one for the other. */
class InMemorySessionStoreTest extends SessionStoreContract<InMemorySessionStore> {
    private final InMemorySessionStore subject = new InMemorySessionStore();

    @Override
    protected InMemorySessionStore store() {
        return subject;
    }
}
