package io.hallmark.retrieval.ingest;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.pdfbox.text.PDFTextStripper;

/**
 * PDF (read with Apache PDFBox 3): one section per page, headed {@code Page N}, so a chunk can be cited by
 * page. Encrypted, broken or image-only PDFs are refused with a message saying so.
 */
public final class PdfReader implements DocumentReader {

    @Override
    public List<String> extensions() {
        return List.of("pdf");
    }

    @Override
    public List<SourceDocument> read(Path file, String sourceId, Consumer<Skip> skips) throws IOException {
        try (PDDocument pdf = Loader.loadPDF(file.toFile())) {
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setSortByPosition(true);
            List<Section> pages = new ArrayList<>();
            for (int page = 1; page <= pdf.getNumberOfPages(); page++) {
                stripper.setStartPage(page);
                stripper.setEndPage(page);
                String text = stripper.getText(pdf).strip();
                if (!text.isEmpty()) {
                    pages.add(new Section("Page " + page, text));
                }
            }
            if (pages.isEmpty()) {
                throw new UnreadableDocumentException("'" + sourceId + "' has no extractable text in its "
                        + pdf.getNumberOfPages() + " page(s); it is probably scanned images: run OCR first");
            }
            String title = pdf.getDocumentInformation() == null ? null : pdf.getDocumentInformation().getTitle();
            return List.of(new SourceDocument(sourceId,
                    title == null || title.isBlank() ? file.getFileName().toString() : title.strip(), pages,
                    Map.of("format", "pdf", "pages", Integer.toString(pdf.getNumberOfPages()))));
        } catch (InvalidPasswordException e) {
            throw new UnreadableDocumentException("'" + sourceId + "' is an encrypted PDF; decrypt it and ingest it again");
        } catch (IOException e) {
            throw new UnreadableDocumentException("'" + sourceId + "' is not a readable PDF (" + e.getMessage()
                    + "); check that the file is a complete, unencrypted PDF");
        }
    }
}
