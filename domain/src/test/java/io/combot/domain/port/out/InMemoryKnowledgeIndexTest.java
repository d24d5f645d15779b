package io.combot.domain.port.out;

class InMemoryKnowledgeIndexTest extends KnowledgeIndexPortContract {
    @Override
    protected Indexes indexes(EmbedTextsPort embedder) {
        InMemoryKnowledgeIndex index = new InMemoryKnowledgeIndex(embedder);
        return new Indexes(index, index);
    }
}
