package io.hallmark.governance.factcheck;

import static org.assertj.core.api.Assertions.assertThat;

import io.hallmark.governance.factcheck.verify.ConsistencyVerifier;
import java.util.List;
import org.junit.jupiter.api.Test;

class SelfConsistencyTest {

    private final SelfConsistency selfCheck = new SelfConsistency(new ClaimExtractor(), List.of(new ConsistencyVerifier()));

    @Test
    void aClaimEverySampleRepeatsIsStableAndAnInventedOneIsNot() {
        String text = "The bridge was opened in 1932. The bridge was painted green by Antonio Ferri.";
        SelfConsistency.Result r = selfCheck.score(text, List.of(
                "The bridge was opened in 1932. It is made of steel.",
                "Opened in 1932, the bridge was opened to traffic. The bridge was painted red in 1950.",
                "The bridge was opened in 1932 after six years of work."));
        assertThat(r.perClaim()).hasSize(2);
        assertThat(r.perClaim().get(0)).isEqualTo(0.0);
        assertThat(r.perClaim().get(1)).isEqualTo(1.0);
        assertThat(r.instability()).isEqualTo(0.5);
    }

    @Test
    void noSamplesMeanNoSignal() {
        assertThat(selfCheck.score("The bridge was opened in 1932.", List.of()).instability()).isZero();
    }

    @Test
    void onlyTheFirstMaxClaimsAreScored() {
        String text = "The bridge was opened in 1932. The bridge was painted green by Antonio Ferri.";
        SelfConsistency.Result r = selfCheck.score(text, List.of("The bridge was opened in 1932."), 1);
        assertThat(r.claims()).hasSize(1);
        assertThat(r.perClaim()).containsExactly(0.0);
        assertThat(r.instability()).isZero();
    }
}
