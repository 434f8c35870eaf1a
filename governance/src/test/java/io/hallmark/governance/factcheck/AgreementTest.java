package io.hallmark.governance.factcheck;

import static io.hallmark.governance.factcheck.Verdict.NOT_ENOUGH_INFO;
import static io.hallmark.governance.factcheck.Verdict.REFUTED;
import static io.hallmark.governance.factcheck.Verdict.SUPPORTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class AgreementTest {

    @Test
    void fullAgreementIsOneAndNoDisagreement() {
        List<List<Verdict>> votes = List.of(List.of(SUPPORTED, SUPPORTED, SUPPORTED), List.of(REFUTED, REFUTED, REFUTED));
        assertThat(Agreement.fleissKappa(votes)).isEqualTo(1.0);
        assertThat(Agreement.disagreement(votes)).isZero();
    }

    @Test
    void matchesFleissWorkedExample() {
        // 4 claims, 3 raters: hand-computed P-bar = 0.5, Pe = 0.3854..., kappa = 0.1864...
        List<List<Verdict>> votes = List.of(List.of(SUPPORTED, SUPPORTED, SUPPORTED),
                List.of(SUPPORTED, REFUTED, NOT_ENOUGH_INFO), List.of(REFUTED, REFUTED, SUPPORTED),
                List.of(NOT_ENOUGH_INFO, NOT_ENOUGH_INFO, SUPPORTED));
        double pBar = (1 + 0 + 1.0 / 3 + 1.0 / 3) / 4;
        double ps = 6.0 / 12;
        double pr = 3.0 / 12;
        double pn = 3.0 / 12;
        double pe = ps * ps + pr * pr + pn * pn;
        assertThat(Agreement.fleissKappa(votes)).isCloseTo((pBar - pe) / (1 - pe), within(1e-12));
    }

    @Test
    void splitVotesOnOneClaimDisagreeBeyondTheReviewThreshold() {
        assertThat(Agreement.disagreement(List.of(List.of(SUPPORTED, REFUTED, NOT_ENOUGH_INFO)))).isGreaterThan(0.5);
    }

    @Property(tries = 300)
    void disagreementStaysInRange(@ForAll("votes") List<List<Verdict>> votes) {
        double kappa = Agreement.fleissKappa(votes);
        assertThat(kappa).isBetween(-1.0, 1.0);
        assertThat(Agreement.disagreement(votes)).isBetween(0.0, 1.0);
    }

    @Property(tries = 200)
    void weightedVotePicksAVerdictSomeoneVotedFor(@ForAll("row") List<Verdict> row) {
        List<Vote> votes = row.stream().map(v -> new Vote("v" + v.ordinal(), v, 0.7, "", "", Map.of())).toList();
        Vote combined = WeightedVote.equal().combine(Claim.of("x is y."), List.of(), votes);
        assertThat(row).contains(combined.verdict());
        assertThat(combined.confidence()).isBetween(0.0, 1.0);
    }

    @Test
    void weightedVoteFollowsTheWeights() {
        List<Vote> votes = List.of(new Vote("a", SUPPORTED, 0.9, "", "", Map.of()),
                new Vote("b", REFUTED, 0.9, "", "", Map.of()), new Vote("c", REFUTED, 0.9, "", "", Map.of()));
        assertThat(WeightedVote.equal().combine(Claim.of("x."), List.of(), votes).verdict()).isEqualTo(REFUTED);
        assertThat(new WeightedVote(Map.of("a", 3.0), 1.0).combine(Claim.of("x."), List.of(), votes).verdict())
                .isEqualTo(SUPPORTED);
    }

    @Provide
    Arbitrary<List<Verdict>> row() {
        return Arbitraries.of(Verdict.class).list().ofMinSize(1).ofMaxSize(5);
    }

    @Provide
    Arbitrary<List<List<Verdict>>> votes() {
        return Arbitraries.integers().between(2, 5).flatMap(raters ->
                Arbitraries.of(Verdict.class).list().ofSize(raters).list().ofMinSize(1).ofMaxSize(20));
    }
}
