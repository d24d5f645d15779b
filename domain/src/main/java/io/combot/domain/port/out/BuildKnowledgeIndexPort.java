package io.combot.domain.port.out;

import io.combot.domain.model.KnowledgeIndexSummary;
import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * Builds a searchable index of a folder of documents (Markdown, plain text, HTML, PDF, at any depth). Passages of an
 * unchanged text reuse the embeddings of the index already in {@code index}, which the new one replaces.
 */
public interface BuildKnowledgeIndexPort {
    /**
     * @param progress told, a line at a time, how far the build is
     * @throws io.combot.domain.error.InvalidBotException naming the file, for a document that cannot be read
     */
    KnowledgeIndexSummary build(Path documents, Path index, Consumer<String> progress);

    /** Whether a build has anything to do: documents to index, or an index of documents since removed to replace. */
    boolean hasWork(Path documents, Path index);
}
