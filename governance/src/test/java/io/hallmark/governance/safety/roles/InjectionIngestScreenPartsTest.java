package io.hallmark.governance.safety.roles;

import static org.assertj.core.api.Assertions.assertThat;

import io.hallmark.governance.safety.SafetyScreen;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A knowledge-base document longer than one screened request is read in parts that cover every character, each at
 * most {@link SafetyScreen#MAX_CHARACTERS}, overlapping, ending at a line break or a space (no model needed).
 */
class InjectionIngestScreenPartsTest {

    @Test
    void aDocumentLongerThanOneRequestIsReadInOverlappingPartsThatCoverAllOfIt() {
        StringBuilder text = new StringBuilder();
        for (int i = 0; text.length() < 2 * SafetyScreen.MAX_CHARACTERS + 12_345; i++) {
            text.append("Paragraph ").append(i).append(" says something ordinary about kettles.")
                    .append(i % 7 == 6 ? "\n\n" : " ");
        }
        String document = text.toString();
        List<int[]> parts = InjectionIngestScreen.partsOf(document);
        assertThat(parts).hasSize(3);
        assertThat(parts.getFirst()[0]).isZero();
        assertThat(parts.getLast()[1]).isEqualTo(document.length());
        for (int k = 0; k < parts.size(); k++) {
            assertThat(parts.get(k)[1] - parts.get(k)[0]).isLessThanOrEqualTo(SafetyScreen.MAX_CHARACTERS);
            if (k > 0) {
                assertThat(parts.get(k)[0]).as("overlap").isEqualTo(parts.get(k - 1)[1]
                        - InjectionIngestScreen.PART_OVERLAP);
                char before = document.charAt(parts.get(k - 1)[1] - 1);
                assertThat(before == '\n' || before == ' ').as("a part ends at a line break or a space").isTrue();
            }
        }
        assertThat(InjectionIngestScreen.partsOf("short")).singleElement()
                .satisfies(p -> assertThat(p).containsExactly(0, 5));
    }
}
