package io.combot.adapter.out.knowledge;

import io.combot.domain.port.out.EmbedTextsPort;
import io.combot.domain.port.out.KnowledgeIndexPortContract;

class LuceneKnowledgeAdapterTest extends KnowledgeIndexPortContract {
    @Override
    protected Indexes indexes(EmbedTextsPort embedder) {
        LuceneKnowledgeAdapter adapter = new LuceneKnowledgeAdapter(() -> embedder, new KnowledgeSettings(200, 50, 0.5));
        return new Indexes(adapter, adapter);
    }
}
