package io.combot.domain.port.out;

/** The double passes the contract its real adapters pass, so tests may swap one for the other. */
class KeywordClassifierTest extends ClassifyMessagePortContract {
    private final KeywordClassifier subject = new KeywordClassifier();

    @Override
    protected ClassifyMessagePort classifier() {
        return subject;
    }
}
