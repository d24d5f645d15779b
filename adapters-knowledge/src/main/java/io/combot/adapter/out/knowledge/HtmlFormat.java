package io.combot.adapter.out.knowledge;

import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeFilter;

/**
 * HTML through jsoup: h1 to h6 open sections, every block element (paragraph, list item, cell, div) ends a block,
 * scripts, styles and navigation are left out. The title is the first heading, else {@code <title>}.
 */
final class HtmlFormat {
    private static final Set<String> HEADINGS = Set.of("h1", "h2", "h3", "h4", "h5", "h6");
    private static final Set<String> SKIPPED = Set.of("script", "style", "noscript", "template", "nav", "head");

    private HtmlFormat() {
    }

    static ParsedDocument read(String source, String fallbackTitle, String html) {
        Document page = Jsoup.parse(html);
        BlockCollector collector = new BlockCollector();
        StringBuilder pending = new StringBuilder();
        Runnable flush = () -> {
            collector.text(pending.toString());
            pending.setLength(0);
        };
        page.body().filter(new NodeFilter() {
            @Override
            public FilterResult head(Node node, int depth) {
                if (node instanceof TextNode text) {
                    pending.append(text.getWholeText());
                } else if (node instanceof Element element) {
                    if (SKIPPED.contains(element.normalName())) {
                        return FilterResult.SKIP_ENTIRELY;
                    }
                    if (HEADINGS.contains(element.normalName())) {
                        flush.run();
                        collector.heading(element.text());
                        return FilterResult.SKIP_CHILDREN;
                    }
                    if (element.isBlock()) {
                        flush.run();
                    } else if (element.normalName().equals("br")) {
                        pending.append(' ');
                    }
                }
                return FilterResult.CONTINUE;
            }

            @Override
            public FilterResult tail(Node node, int depth) {
                if (node instanceof Element element && element.isBlock()) {
                    flush.run();
                }
                return FilterResult.CONTINUE;
            }
        });
        flush.run();
        String pageTitle = BlockCollector.normalise(page.title());
        return collector.document(source, pageTitle.isEmpty() ? fallbackTitle : pageTitle, null);
    }
}
