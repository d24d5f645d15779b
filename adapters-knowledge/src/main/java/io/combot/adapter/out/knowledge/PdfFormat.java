package io.combot.adapter.out.knowledge;

import java.io.IOException;
import java.nio.file.Path;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;

/**
 * PDF through PDFBox: the text of each page, split into paragraphs; a PDF carries no headings a reader can trust,
 * so the section is the page ("page 3") and the title is the document's own, else the file name.
 */
final class PdfFormat {
    private PdfFormat() {
    }

    static ParsedDocument read(String source, String fallbackTitle, Path file) throws IOException {
        try (PDDocument pdf = Loader.loadPDF(file.toFile())) {
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setSortByPosition(true);
            stripper.setParagraphEnd("\n\n");
            BlockCollector collector = new BlockCollector();
            for (int page = 1; page <= pdf.getNumberOfPages(); page++) {
                stripper.setStartPage(page);
                stripper.setEndPage(page);
                collector.section("page " + page);
                for (String paragraph : stripper.getText(pdf).split("\\R\\s*\\R")) {
                    collector.text(paragraph);
                }
            }
            String title = pdf.getDocumentInformation().getTitle();
            return collector.document(source, title == null || title.isBlank() ? fallbackTitle : title.strip(), null);
        }
    }
}
