package io.hallmark.governance.safety;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The authored training files: read through their index with their hashes, a bad file or row refused with its line. */
class AuthoredSetTest {

    private static final String FIXTURES = "/io/hallmark/governance/safety/authored-test/";

    private final AuthoredSet ok = AuthoredSet.read(FIXTURES + "ok/");

    @Test
    void theIndexedFilesAreReadWithTheirHashes() {
        assertThat(ok.rows()).extracting(AuthoredSet.Row::id).containsExactly("a1", "a2", "a3", "a4", "b1", "b2",
                "b3");
        assertThat(ok.rows().get(3).line()).as("a blank line is skipped, lines still count").isEqualTo(5);
        assertThat(ok.rows().get(3).file()).isEqualTo("a.jsonl");
        assertThat(ok.files()).containsOnlyKeys("authored/a.jsonl", "authored/b.jsonl");
        assertThat(ok.files().values()).allMatch(h -> h.matches("[0-9a-f]{64}"));
        assertThat(AuthoredSet.read(FIXTURES + "ok/").files()).isEqualTo(ok.files());
    }

    @Test
    void theBundledFilesAreTheNineAuthoredSetsOfTheProjectsOwnPrompts() {
        AuthoredSet bundled = AuthoredSet.bundled();
        assertThat(bundled.files()).hasSize(9).containsKeys("authored/documents.jsonl", "authored/roles2.jsonl",
                "authored/alarming.jsonl");
        assertThat(bundled.rows()).hasSizeGreaterThan(1000)
                .allSatisfy(r -> assertThat(r.source()).startsWith("authored-"));
        assertThat(bundled.rows()).extracting(AuthoredSet.Row::label).contains("benign", "injection", "jailbreak",
                "harmful");
    }

    @Test
    void anUnknownLabelFailsNamingTheFileAndLine() {
        assertThatThrownBy(() -> AuthoredSet.read(FIXTURES + "unknown-label/"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("c.jsonl, line 2").hasMessageContaining("unknown label 'toxic'");
    }

    @Test
    void aMissingFieldFailsNamingTheFileAndLine() {
        assertThatThrownBy(() -> AuthoredSet.read(FIXTURES + "missing-field/"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("d.jsonl, line 3").hasMessageContaining("'group' is missing");
    }

    @Test
    void aSubsetThatDoesNotGoWithItsLabelFails() {
        assertThatThrownBy(() -> AuthoredSet.read(FIXTURES + "mismatch/"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("e.jsonl, line 1").hasMessageContaining("does not go with label 'benign'");
    }

    @Test
    void aFileTheIndexNamesButThatIsMissingFails() {
        assertThatThrownBy(() -> AuthoredSet.read(FIXTURES + "missing-file/"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Missing authored training file").hasMessageContaining("not-there.jsonl");
        assertThatThrownBy(() -> AuthoredSet.read(FIXTURES + "no-such-folder/"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("index.txt");
    }
}
