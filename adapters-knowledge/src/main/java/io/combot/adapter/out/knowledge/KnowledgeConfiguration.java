package io.combot.adapter.out.knowledge;

import io.combot.domain.port.out.BuildKnowledgeIndexPort;
import io.combot.domain.port.out.EmbedTextsPort;
import io.combot.domain.port.out.OpenKnowledgeIndexPort;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * A bot's knowledge base: one bean that is both the {@link BuildKnowledgeIndexPort} and the
 * {@link OpenKnowledgeIndexPort}. Needs the service's {@link EmbedTextsPort} and a {@link KnowledgeSettings} bean.
 */
@Configuration
public class KnowledgeConfiguration {
    /** The encoder is taken when first needed: the bot adapter that holds it opens its bot's index as it starts. */
    @Bean
    LuceneKnowledgeAdapter knowledgeIndexes(ObjectProvider<EmbedTextsPort> textEmbedder, KnowledgeSettings settings) {
        return new LuceneKnowledgeAdapter(textEmbedder::getObject, settings);
    }

    /** The index builder for a composition root without a Spring context (the train command). */
    public static BuildKnowledgeIndexPort indexes(EmbedTextsPort embedder, KnowledgeSettings settings) {
        return new LuceneKnowledgeAdapter(() -> embedder, settings);
    }
}
