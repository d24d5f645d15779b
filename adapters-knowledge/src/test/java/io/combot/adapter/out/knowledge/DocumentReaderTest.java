package io.combot.adapter.out.knowledge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.combot.domain.error.InvalidBotException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DocumentReaderTest {
    @TempDir
    Path dir;
    private final DocumentReader reader = new DocumentReader();

    @Test
    void markdownHeadingsOpenSectionsAndEveryBlockIsKept() throws IOException {
        ParsedDocument doc = read("guide.md", """
                Intro before any heading.

                # Setting up **the** router

                Plug it in.

                - first, the cable
                - then the power

                ## Lights

                > A blinking light means it is updating.

                ```
                reset --hard
                ```
                """);
        assertThat(doc.title()).isEqualTo("Setting up the router");
        assertThat(doc.url()).isNull();
        assertThat(doc.blocks()).extracting(DocumentBlock::section).containsExactly("", "Setting up the router",
                "Setting up the router", "Lights", "Lights");
        assertThat(doc.blocks()).extracting(DocumentBlock::text).containsExactly("Intro before any heading.",
                "Plug it in.", "first, the cable then the power", "A blinking light means it is updating.",
                "reset --hard");
    }

    @Test
    void markdownFrontMatterGivesTheUrlAndIsNotText() throws IOException {
        ParsedDocument doc = read("a.md", "---\ntitle: ignored\nurl: \"https://docs.example.com/a\"\n---\nBody.\n");
        assertThat(doc.url()).isEqualTo("https://docs.example.com/a");
        assertThat(doc.title()).isEqualTo("a");
        assertThat(doc.blocks()).extracting(DocumentBlock::text).containsExactly("Body.");
    }

    @Test
    void aUrlThatIsNotAWebAddressIsRefusedWithTheFileNamed() throws IOException {
        write("docs/bad.md", "---\nurl: javascript:alert(1)\n---\nBody.\n");
        assertThatThrownBy(() -> reader.read("docs/bad.md", dir.resolve("docs/bad.md")))
                .isInstanceOf(InvalidBotException.class).hasMessageContaining("knowledge/docs/bad.md")
                .hasMessageContaining("http");
    }

    @Test
    void anUnclosedFrontMatterIsRefused() throws IOException {
        write("open.md", "---\nurl: https://x.test\nBody.\n");
        assertThatThrownBy(() -> reader.read("open.md", dir.resolve("open.md")))
                .isInstanceOf(InvalidBotException.class).hasMessageContaining("open.md").hasMessageContaining("closed");
    }

    @Test
    void htmlHeadingsAndBlocksSkippingScriptsAndNavigation() throws IOException {
        ParsedDocument doc = read("page.html", """
                <html><head><title>Page title</title><style>p { color: red }</style></head>
                <body><nav>Home | About</nav>
                <div>Loose text in a div</div>
                <h2>Opening <em>hours</em></h2>
                <p>Monday to Friday,<br>9 to 5.</p>
                <ul><li><p>Closed on holidays</p></li></ul>
                <script>alert('x')</script>
                </body></html>
                """);
        assertThat(doc.title()).isEqualTo("Opening hours");
        assertThat(doc.blocks()).extracting(DocumentBlock::text)
                .containsExactly("Loose text in a div", "Monday to Friday, 9 to 5.", "Closed on holidays");
        assertThat(doc.blocks().get(1).section()).isEqualTo("Opening hours");
    }

    @Test
    void htmlWithoutHeadingsIsTitledByItsTitleElement() throws IOException {
        assertThat(read("p.htm", "<title> Prices </title><p>Ten euros.</p>").title()).isEqualTo("Prices");
        assertThat(read("q.html", "<p>Ten euros.</p>").title()).isEqualTo("q");
    }

    @Test
    void pdfPagesAreSectionsAndTheDocumentTitleIsKept() throws IOException {
        Path file = dir.resolve("manual.pdf");
        try (PDDocument pdf = new PDDocument()) {
            for (String line : new String[] {"The kettle boils in two minutes.", "Descale it every month."}) {
                PDPage page = new PDPage();
                pdf.addPage(page);
                try (PDPageContentStream content = new PDPageContentStream(pdf, page)) {
                    content.beginText();
                    content.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 12);
                    content.newLineAtOffset(72, 700);
                    content.showText(line);
                    content.endText();
                }
            }
            pdf.getDocumentInformation().setTitle("Kettle manual");
            pdf.save(file.toFile());
        }
        ParsedDocument doc = reader.read("manual.pdf", file);
        assertThat(doc.title()).isEqualTo("Kettle manual");
        assertThat(doc.blocks()).containsExactly(new DocumentBlock("page 1", "The kettle boils in two minutes."),
                new DocumentBlock("page 2", "Descale it every month."));
    }

    @Test
    void aBrokenPdfIsRefusedWithTheFileNamed() throws IOException {
        write("scans/broken.pdf", "%PDF-1.7 this is not a PDF");
        assertThatThrownBy(() -> reader.read("scans/broken.pdf", dir.resolve("scans/broken.pdf")))
                .isInstanceOf(InvalidBotException.class).hasMessageContaining("knowledge/scans/broken.pdf");
    }

    @Test
    void plainTextParagraphsAreSplitOnBlankLinesAndTheByteOrderMarkIsDropped() throws IOException {
        ParsedDocument doc = read("notes.txt", "\uFEFFFirst line\nsame paragraph.\r\n\r\nSecond.\n");
        assertThat(doc.title()).isEqualTo("notes");
        assertThat(doc.blocks()).extracting(DocumentBlock::text).containsExactly("First line same paragraph.",
                "Second.");
    }

    @Test
    void hiddenFilesAreNotDocuments() {
        assertThat(DocumentReader.isDocument(Path.of("a/.DS_Store"))).isFalse();
        assertThat(DocumentReader.isDocument(Path.of("a/faq.md"))).isTrue();
    }

    private ParsedDocument read(String name, String text) throws IOException {
        write(name, text);
        return reader.read(name, dir.resolve(name));
    }

    private void write(String name, String text) throws IOException {
        Path file = dir.resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }
}
