package io.combot.adapter.out.knowledge;

import java.util.Locale;
import org.commonmark.node.Block;
import org.commonmark.node.BlockQuote;
import org.commonmark.node.Heading;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.ListBlock;
import org.commonmark.node.ListItem;
import org.commonmark.node.Node;
import org.commonmark.node.ThematicBreak;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.text.TextContentRenderer;
import org.jsoup.Jsoup;

/**
 * Markdown through commonmark: headings open sections, every other top-level block (paragraph, list, quote, code) is
 * a block. A front matter between {@code ---} lines may give {@code url:}, the page a citation links to.
 */
final class MarkdownFormat {
    private static final Parser PARSER = Parser.builder().build();
    private static final TextContentRenderer TEXT = TextContentRenderer.builder().build();

    private MarkdownFormat() {
    }

    static ParsedDocument read(String source, String fallbackTitle, String markdown) {
        String text = markdown.replace("\r\n", "\n");
        String url = null;
        if (text.startsWith("---\n")) {
            int end = text.indexOf("\n---", 3);
            if (end < 0) {
                throw new IllegalArgumentException("the front matter opened by --- on line 1 is never closed");
            }
            url = frontMatterUrl(text.substring(4, end));
            int next = text.indexOf('\n', end + 1);
            text = next < 0 ? "" : text.substring(next + 1);
        }
        BlockCollector collector = new BlockCollector();
        for (Node node = PARSER.parse(text).getFirstChild(); node != null; node = node.getNext()) {
            if (node instanceof Heading) {
                collector.heading(TEXT.render(node));
            } else if (node instanceof HtmlBlock html) {
                collector.text(Jsoup.parse(html.getLiteral()).text());
            } else if (node instanceof Block && !(node instanceof ThematicBreak)) {
                collector.text(plain(node));
            }
        }
        return collector.document(source, fallbackTitle, url);
    }

    /** A list or a quote as the words of its items, without the renderer's bullets and quotation marks. */
    private static String plain(Node node) {
        if (node instanceof ListBlock || node instanceof BlockQuote || node instanceof ListItem) {
            StringBuilder text = new StringBuilder();
            for (Node child = node.getFirstChild(); child != null; child = child.getNext()) {
                text.append(plain(child)).append(' ');
            }
            return text.toString();
        }
        return TEXT.render(node);
    }

    /** Only {@code url:} is read; it must be an http(s) address, as the chat page makes a link of it. */
    private static String frontMatterUrl(String frontMatter) {
        for (String line : frontMatter.split("\n")) {
            if (line.startsWith("url:")) {
                String url = line.substring(4).strip().replaceAll("^[\"']|[\"']$", "");
                String scheme = url.toLowerCase(Locale.ROOT);
                if (!(scheme.startsWith("https://") || scheme.startsWith("http://")) || url.contains(" ")) {
                    throw new IllegalArgumentException("url: must be an http:// or https:// address, not '" + url
                            + "'");
                }
                return url;
            }
        }
        return null;
    }
}
