package io.hallmark.retrieval.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hallmark.retrieval.InvalidRetrievalRequestException;
import io.hallmark.retrieval.testing.Texts;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DocumentLoaderTest {

    @TempDir
    Path dir;

    @Test
    void aFolderOfTextMarkdownHtmlAndPdfBecomesOneDocumentPerFileWithRelativeIds() throws IOException {
        Files.createDirectories(dir.resolve("notes"));
        Files.writeString(dir.resolve("notes/glaciers.md"), Texts.GLACIERS_MD);
        Files.writeString(dir.resolve("bread.html"), Texts.BREAD_HTML);
        Files.writeString(dir.resolve("trains.txt"), Texts.TRAINS_TXT);
        writePdf(dir.resolve("report.pdf"), "Tidal power uses the rise and fall of the sea.", "Page two speaks of turbines.");
        Files.writeString(dir.resolve(".hidden.txt"), "never read");

        LoadResult result = new DocumentLoader().load(dir);

        assertThat(result.skips()).isEmpty();
        assertThat(result.documents()).extracting(SourceDocument::id)
                .containsExactly("bread.html", "notes/glaciers.md", "report.pdf", "trains.txt");
        SourceDocument html = result.documents().get(0);
        assertThat(html.title()).isEqualTo("Baking bread at home");
        assertThat(html.sections()).extracting(Section::heading).contains("Proofing");
        assertThat(html.sections().toString()).doesNotContain("console.log", "Home | Recipes", "color:red");
        SourceDocument md = result.documents().get(1);
        assertThat(md.title()).isEqualTo("Glaciers");
        assertThat(md.sections()).extracting(Section::heading).containsExactly("Glaciers", "Retreat", "Movement");
        SourceDocument pdf = result.documents().get(2);
        assertThat(pdf.sections()).extracting(Section::heading).containsExactly("Page 1", "Page 2");
        assertThat(pdf.sections().get(0).text()).contains("Tidal power");
        assertThat(pdf.metadata()).containsEntry("format", "pdf");
    }

    @Test
    void invalidJsonLinesRowsAreReportedByLineNumberAndTheRestIngested() throws IOException {
        Files.writeString(dir.resolve("records.jsonl"), String.join("\n",
                "{\"id\": \"a\", \"text\": \"Alpha text.\", \"title\": \"A\", \"metadata\": {\"lang\": \"en\"}, \"year\": 2020}",
                "{\"id\": \"b\", \"text\": \"\"}",
                "not json at all",
                "",
                "{\"text\": \"no id\"}",
                "{\"id\": \"c\", \"text\": \"Gamma text.\", \"metadata\": [1]}",
                "{\"id\": \"a\", \"text\": \"Duplicate.\"}",
                "{\"id\": 7, \"text\": \"Numeric id.\"}"));

        LoadResult result = new DocumentLoader().load(dir.resolve("records.jsonl"));

        // a record without an id is named after its file and line
        assertThat(result.documents()).extracting(SourceDocument::id).containsExactly("a", "records.jsonl#5", "7");
        assertThat(result.documents().get(0).metadata()).containsEntry("lang", "en").containsEntry("year", "2020");
        assertThat(result.documents().get(0).title()).isEqualTo("A");
        assertThat(result.skips()).extracting(Skip::line).containsExactly(2, 3, 6, 7);
        assertThat(result.skips().get(0).reason()).contains("'b'").contains("text");
        assertThat(result.skips().get(1).reason()).contains("not valid JSON");
        assertThat(result.skips().get(3).reason()).contains("duplicate id 'a'");
    }

    @Test
    void binaryEmptyOversizedAndUnknownFilesAreSkippedWithReasons() throws IOException {
        byte[] junk = new byte[800];
        new Random(42).nextBytes(junk);
        Files.write(dir.resolve("junk.txt"), junk);
        Files.write(dir.resolve("empty.md"), new byte[0]);
        Files.writeString(dir.resolve("big.txt"), "x".repeat(2_000));
        Files.writeString(dir.resolve("latin1.txt"), "caf\u00e9", StandardCharsets.ISO_8859_1);
        Files.writeString(dir.resolve("image.png"), "not really");
        Files.writeString(dir.resolve("broken.pdf"), "%PDF-1.4 this is not a pdf");
        Files.writeString(dir.resolve("blank.txt"), "   \n\n  ");
        Files.writeString(dir.resolve("good.txt"), "Fine text.");

        LoadResult result = new DocumentLoader(1_000).load(dir);

        assertThat(result.documents()).extracting(SourceDocument::id).containsExactly("good.txt");
        assertThat(result.skips()).extracting(Skip::source).containsExactlyInAnyOrder(
                "junk.txt", "empty.md", "big.txt", "latin1.txt", "image.png", "broken.pdf", "blank.txt");
        assertThat(reason(result, "junk.txt")).contains("binary");
        assertThat(reason(result, "empty.md")).contains("empty");
        assertThat(reason(result, "big.txt")).contains("2000 bytes").contains("limit 1000");
        assertThat(reason(result, "latin1.txt")).contains("not valid UTF-8");
        assertThat(reason(result, "image.png")).contains("'.png'").contains("md");
        assertThat(reason(result, "broken.pdf")).contains("not a readable PDF");
        assertThat(reason(result, "blank.txt")).contains("no text");
    }

    @Test
    void aMissingPathIsAnErrorThatQuotesIt() {
        assertThatThrownBy(() -> new DocumentLoader().load(dir.resolve("nope")))
                .isInstanceOf(InvalidRetrievalRequestException.class)
                .hasMessageContaining("nope");
    }

    private static String reason(LoadResult result, String source) {
        return result.skips().stream().filter(s -> s.source().equals(source)).findFirst().orElseThrow().reason();
    }

    static void writePdf(Path file, String... pages) throws IOException {
        try (PDDocument pdf = new PDDocument()) {
            for (String text : pages) {
                PDPage page = new PDPage();
                pdf.addPage(page);
                try (PDPageContentStream content = new PDPageContentStream(pdf, page)) {
                    content.beginText();
                    content.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 12);
                    content.newLineAtOffset(72, 700);
                    content.showText(text);
                    content.endText();
                }
            }
            pdf.save(file.toFile());
        }
    }
}
