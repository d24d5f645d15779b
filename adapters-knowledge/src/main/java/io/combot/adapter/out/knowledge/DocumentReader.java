package io.combot.adapter.out.knowledge;

import io.combot.domain.error.InvalidBotException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * Reads one document by its extension: Markdown, plain text, HTML or PDF. Text files must be UTF-8. A file that
 * cannot be read is refused with its path under the documents folder, like every other bad file of a bot.
 */
final class DocumentReader {
    private interface Format {
        ParsedDocument read(String source, String fallbackTitle, Path file) throws IOException;
    }

    private final Map<String, Format> formats = Map.of(
            "md", (source, title, file) -> MarkdownFormat.read(source, title, utf8(file)),
            "markdown", (source, title, file) -> MarkdownFormat.read(source, title, utf8(file)),
            "txt", (source, title, file) -> PlainTextFormat.read(source, title, utf8(file)),
            "html", (source, title, file) -> HtmlFormat.read(source, title, utf8(file)),
            "htm", (source, title, file) -> HtmlFormat.read(source, title, utf8(file)),
            "pdf", PdfFormat::read);

    /** Hidden files (an editor's or the system's: {@code .DS_Store}, {@code .foo.md.swp}) are not documents. */
    static boolean isDocument(Path file) {
        return !file.getFileName().toString().startsWith(".");
    }

    ParsedDocument read(String source, Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String extension = dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
        Format format = formats.get(extension);
        if (format == null) {
            throw new InvalidBotException("knowledge/" + source + ": not a document the knowledge base reads "
                    + "(.md, .markdown, .txt, .html, .htm, .pdf)");
        }
        try {
            return format.read(source, dot <= 0 ? name : name.substring(0, dot), file);
        } catch (CharacterCodingException e) {
            throw new InvalidBotException("knowledge/" + source + ": not UTF-8 text", e);
        } catch (IOException | RuntimeException e) {
            throw new InvalidBotException("knowledge/" + source + ": cannot be read: " + e.getMessage(), e);
        }
    }

    private static String utf8(Path file) throws IOException {
        String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(ByteBuffer.wrap(Files.readAllBytes(file))).toString();
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }
}
