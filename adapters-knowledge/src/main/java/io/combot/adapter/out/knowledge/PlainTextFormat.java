package io.combot.adapter.out.knowledge;

/** Plain text: paragraphs are separated by blank lines; there are no headings, so the file name is the title. */
final class PlainTextFormat {
    private PlainTextFormat() {
    }

    static ParsedDocument read(String source, String fallbackTitle, String text) {
        BlockCollector collector = new BlockCollector();
        for (String paragraph : text.split("\\R\\s*\\R")) {
            collector.text(paragraph);
        }
        return collector.document(source, fallbackTitle, null);
    }
}
