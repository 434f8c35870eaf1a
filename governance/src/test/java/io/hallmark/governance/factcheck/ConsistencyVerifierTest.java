package io.hallmark.governance.factcheck;

import static org.assertj.core.api.Assertions.assertThat;

import io.hallmark.governance.factcheck.verify.ConsistencyVerifier;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConsistencyVerifierTest {

    private final ConsistencyVerifier verifier = new ConsistencyVerifier();

    private static List<Evidence> passage(String text) {
        return List.of(new Evidence("doc#0", "doc", "", text, 1.0));
    }

    @Test
    void supportsAMatchingStatement() {
        Vote v = verifier.verify(Claim.of("The Eiffel Tower was completed in 1889."),
                passage("The Eiffel Tower was completed in 1889 for the World's Fair."));
        assertThat(v.verdict()).isEqualTo(Verdict.SUPPORTED);
        assertThat(v.evidenceId()).isEqualTo("doc#0");
    }

    @Test
    void refutesAWrongYear() {
        Vote v = verifier.verify(Claim.of("The Eiffel Tower was completed in 1925."),
                passage("The Eiffel Tower was completed in 1889 for the World's Fair."));
        assertThat(v.verdict()).isEqualTo(Verdict.REFUTED);
        assertThat(v.rationale()).contains("1925");
    }

    @Test
    void refutesNegationAndAntonyms() {
        assertThat(verifier.verify(Claim.of("Arctic sea ice extent has increased since 1979."),
                passage("Arctic sea ice extent has decreased since 1979.")).verdict()).isEqualTo(Verdict.REFUTED);
        assertThat(verifier.verify(Claim.of("Penguins can not swim in cold water."),
                passage("Penguins can swim in cold water.")).verdict()).isEqualTo(Verdict.REFUTED);
    }

    @Test
    void hasNotEnoughInfoForUnrelatedEvidence() {
        assertThat(verifier.verify(Claim.of("The Moon orbits the Earth every 27 days."),
                passage("Bananas grow in tropical regions.")).verdict()).isEqualTo(Verdict.NOT_ENOUGH_INFO);
        assertThat(verifier.verify(Claim.of("The Moon orbits the Earth."), List.of()).verdict())
                .isEqualTo(Verdict.NOT_ENOUGH_INFO);
    }
}
