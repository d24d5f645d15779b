package io.combot.adapter.out.knowledge;

import java.util.ArrayList;
import java.util.List;

/** Gathers a document's blocks in reading order, each under the latest heading; the first heading is the title. */
final class BlockCollector {
    private final List<DocumentBlock> blocks = new ArrayList<>();
    private String title;
    private String section = "";

    void heading(String text) {
        String heading = normalise(text);
        if (heading.isEmpty()) {
            return;
        }
        section = heading;
        if (title == null) {
            title = heading;
        }
    }

    void text(String text) {
        String block = normalise(text);
        if (!block.isEmpty()) {
            blocks.add(new DocumentBlock(section, block));
        }
    }

    /** Sets the section without making it a title candidate (a PDF's page). */
    void section(String name) {
        section = name;
    }

    ParsedDocument document(String source, String fallbackTitle, String url) {
        return new ParsedDocument(source, title != null ? title : fallbackTitle, url, List.copyOf(blocks));
    }

    static String normalise(String text) {
        return text.replace('\u00A0', ' ').replaceAll("\\s+", " ").strip();
    }
}
