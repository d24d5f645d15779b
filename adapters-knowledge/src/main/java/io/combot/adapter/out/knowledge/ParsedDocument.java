package io.combot.adapter.out.knowledge;

import java.util.List;

/** A document as read from its file, before it is split into passages. {@code url} may be null. */
record ParsedDocument(String source, String title, String url, List<DocumentBlock> blocks) {
}
