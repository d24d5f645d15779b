package io.combot.domain.port.out;

/** The in-memory double keeps the contract every embedder keeps. */
class HashingEmbedderTest extends EmbedTextsPortContract {
    private final HashingEmbedder embedder = new HashingEmbedder();

    @Override
    protected EmbedTextsPort embedder() {
        return embedder;
    }
}
