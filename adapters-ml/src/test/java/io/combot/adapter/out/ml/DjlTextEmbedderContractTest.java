package io.combot.adapter.out.ml;

import io.combot.domain.port.out.EmbedTextsPort;
import io.combot.domain.port.out.EmbedTextsPortContract;

/** The real MiniLM encoder, through the shared bot's workers, keeps the embedder contract. */
class DjlTextEmbedderContractTest extends EmbedTextsPortContract {
    @Override
    protected EmbedTextsPort embedder() {
        return SharedBot.adapter().embedder();
    }
}
