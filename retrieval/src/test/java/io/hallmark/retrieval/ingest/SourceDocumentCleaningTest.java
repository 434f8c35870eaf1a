package io.hallmark.retrieval.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SourceDocumentCleaningTest {

    @Test
    void everyFieldLosesItsNulAndControlCharactersAndTheCountIsKept() {
        SourceDocument doc = new SourceDocument("doc\u0000-1", "Light\u0000houses",
                List.of(new Section("Keep\u0001ers", "A tower\u0000 that emits light.\n\nShips \ud800sail.")),
                Map.of("lang\u0000", "en\u0000"));

        SourceDocument.Cleaned cleaned = doc.cleaned();

        assertThat(cleaned.removed()).isEqualTo(7);
        SourceDocument clean = cleaned.document();
        assertThat(clean.id()).isEqualTo("doc-1");
        assertThat(clean.title()).isEqualTo("Lighthouses");
        assertThat(clean.sections()).singleElement().satisfies(s -> {
            assertThat(s.heading()).isEqualTo("Keepers");
            assertThat(s.text()).isEqualTo("A tower that emits light.\n\nShips sail.");
        });
        assertThat(clean.metadata()).containsExactly(Map.entry("lang", "en"));
    }

    @Test
    void aCleanDocumentIsReturnedAsItIs() {
        SourceDocument doc = SourceDocument.of("a", "T", "Plain text.\tTabbed.", Map.of());
        assertThat(doc.cleaned().document()).isSameAs(doc);
        assertThat(doc.cleaned().removed()).isZero();
    }
}
