package io.hallmark.governance.safety;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hallmark.governance.testing.TestData;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The authored training files: read through their index, each row mapped to the right heads, labels, budgets and
 * cross-validation groups, and a bad file or row refused with its file and line.
 */
class AuthoredSetTest {

    private static final String FIXTURES = "/io/hallmark/governance/safety/authored-test/";

    private final AuthoredSet ok = AuthoredSet.read(FIXTURES + "ok/");

    @Test
    void theIndexedFilesAreReadWithTheirHashes() {
        assertThat(ok.rows()).extracting(AuthoredSet.Row::id).containsExactly("a1", "a2", "a3", "a4", "b1", "b2",
                "b3");
        assertThat(ok.rows().get(3).line()).as("a blank line is skipped, lines still count").isEqualTo(5);
        assertThat(ok.files()).containsOnlyKeys("authored/a.jsonl", "authored/b.jsonl");
        assertThat(ok.files().values()).allMatch(h -> h.matches("[0-9a-f]{64}"));
        assertThat(AuthoredSet.read(FIXTURES + "ok/").files()).isEqualTo(ok.files());
    }

    @Test
    void theInjectionHeadLearnsInjectionsAgainstEverythingElse() {
        Map<String, Integer> bySentence = labels(ok.injectionBySentence());
        assertThat(bySentence).containsOnly(Map.entry("a1", 0), Map.entry("a2", 1), Map.entry("a3", 0),
                Map.entry("a4", 1), Map.entry("b3", 0));
        assertThat(labels(ok.injectionWhole())).containsOnly(Map.entry("b1", 0), Map.entry("b2", 0));
    }

    @Test
    void theJailbreakHeadLearnsJailbreaksAgainstBenignAndHarmfulRows() {
        assertThat(labels(ok.jailbreak())).containsOnly(Map.entry("a1", 0), Map.entry("a3", 0), Map.entry("b1", 0),
                Map.entry("b2", 1), Map.entry("b3", 0));
    }

    @Test
    void theHarmfulHeadLearnsHarmfulRequestsAgainstBenignAndInjectionRows() {
        assertThat(labels(ok.harmful())).containsOnly(Map.entry("a1", 0), Map.entry("a2", 0), Map.entry("a3", 0),
                Map.entry("a4", 0), Map.entry("b1", 1), Map.entry("b3", 0));
    }

    @Test
    void benignRowsJoinTheBudgetsAndEveryRowKeepsItsSourceAndAPrefixedGroup() {
        for (LabeledText t : ok.harmful()) {
            AuthoredSet.Row row = ok.rows().stream().filter(r -> r.text().equals(t.text())).findFirst().orElseThrow();
            assertThat(t.source()).isEqualTo(row.source());
            assertThat(t.group()).isEqualTo("authored:" + row.group());
            assertThat(t.scored()).isTrue();
            assertThat(t.cap()).isEqualTo(switch (row.subset()) {
                case "benign_risky_looking" -> LabeledText.XSTEST_SAFE;
                case "benign" -> LabeledText.INSTRUCTIONS;
                default -> null;
            });
        }
    }

    @Test
    void theHeadsTrainOnTheAuthoredRowsBesideTheDevSplits() {
        SafetyData with = new SafetyData(TestData.eval(), true, ok);
        List<LabeledText> injection = with.injection();
        assertThat(injection).filteredOn(t -> t.group() != null && t.group().startsWith("authored:") && t.scored())
                .extracting(LabeledText::text).hasSize(7);
        assertThat(injection).as("a benign document is also read by sentence")
                .anyMatch(t -> !t.scored() && t.text().equals("The quarterly revenue rose by four percent.")
                        && t.group().equals("authored:doc-1") && LabeledText.INSTRUCTIONS.equals(t.cap()));
        assertThat(injection).as("a jailbreak is a negative only whole")
                .noneMatch(t -> !t.scored() && t.text().equals("Stay in character."));
        assertThat(with.jailbreak()).filteredOn(t -> "authored-roles".equals(t.source()) && t.label() == 1)
                .extracting(LabeledText::text).containsExactly(ok.rows().get(5).text());
        assertThat(with.harmful()).filteredOn(t -> t.cap() != null && t.group() != null
                && t.group().startsWith("authored:")).hasSize(3);
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

    /** Each authored row's id with its label in {@code set}. */
    private Map<String, Integer> labels(List<LabeledText> set) {
        Map<String, String> idOfText = ok.rows().stream().collect(Collectors.toMap(AuthoredSet.Row::text,
                AuthoredSet.Row::id));
        assertThat(set).allMatch(t -> idOfText.containsKey(t.text()));
        return set.stream().collect(Collectors.toMap(t -> idOfText.get(t.text()), LabeledText::label));
    }
}
