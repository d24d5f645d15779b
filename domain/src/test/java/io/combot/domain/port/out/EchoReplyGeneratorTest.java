package io.combot.domain.port.out;

/** The double passes the contract its real adapters pass, so tests may swap one for the other. */
class EchoReplyGeneratorTest extends GenerateReplyPortContract {
    private final EchoReplyGenerator subject = new EchoReplyGenerator();

    @Override
    protected GenerateReplyPort generator() {
        return subject;
    }
}
