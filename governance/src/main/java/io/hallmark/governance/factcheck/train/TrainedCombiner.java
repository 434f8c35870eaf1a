package io.hallmark.governance.factcheck.train;

import io.hallmark.governance.factcheck.Claim;
import io.hallmark.governance.factcheck.Evidence;
import io.hallmark.governance.factcheck.Verdict;
import io.hallmark.governance.factcheck.Vote;
import io.hallmark.governance.factcheck.VoteCombiner;
import java.util.List;
import java.util.Map;

/** Combines the votes with the trained {@link VerdictModel}: the most probable verdict wins. */
public final class TrainedCombiner implements VoteCombiner {

    private final VerdictModel model;

    public TrainedCombiner(VerdictModel model) {
        this.model = model;
    }

    @Override
    public String name() {
        return "verdict-model";
    }

    @Override
    public Vote combine(Claim claim, List<Evidence> evidence, List<Vote> votes) {
        double[] p = model.predict(VerdictFeatures.of(evidence, votes));
        int best = 0;
        for (int i = 1; i < p.length; i++) {
            if (p[i] > p[best]) {
                best = i;
            }
        }
        Verdict verdict = Verdict.values()[best];
        String evidenceId = votes.stream().filter(v -> v.verdict() == verdict && !v.evidenceId().isEmpty())
                .map(Vote::evidenceId).findFirst()
                .orElse(evidence.isEmpty() ? "" : evidence.get(0).id());
        return new Vote(name(), verdict, p[best], String.format("the verdict model gives %s %.2f (supported %.2f, "
                + "refuted %.2f, not enough info %.2f)", verdict, p[best], p[0], p[1], p[2]), evidenceId,
                Map.of("pSupported", p[0], "pRefuted", p[1], "pNotEnoughInfo", p[2]));
    }
}
