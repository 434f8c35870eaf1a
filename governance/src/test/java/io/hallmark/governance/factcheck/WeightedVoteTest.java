package io.hallmark.governance.factcheck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hallmark.governance.factcheck.eval.ClassScores;
import io.hallmark.governance.factcheck.train.WeightedVoteTuner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WeightedVoteTest {

    private static final Claim CLAIM = Claim.of("The sky is blue.");

    private static Vote vote(String verifier, Verdict v, double confidence) {
        return new Vote(verifier, v, confidence, "", "", Map.of());
    }

    @Test
    void equalWeightsFollowTheMajorityAndTiesGoToNotEnoughInfo() {
        WeightedVote equal = WeightedVote.equal();
        assertThat(equal.combine(CLAIM, List.of(), List.of(vote("a", Verdict.SUPPORTED, 0.8),
                vote("b", Verdict.SUPPORTED, 0.6), vote("c", Verdict.REFUTED, 0.9))).verdict()).isEqualTo(Verdict.SUPPORTED);
        assertThat(equal.combine(CLAIM, List.of(), List.of(vote("a", Verdict.SUPPORTED, 0.7),
                vote("b", Verdict.NOT_ENOUGH_INFO, 0.7))).verdict()).isEqualTo(Verdict.NOT_ENOUGH_INFO);
    }

    @Test
    void aVerdictScaleLetsFewerVotesCarryIt() {
        List<Vote> votes = List.of(vote("a", Verdict.SUPPORTED, 0.8), vote("b", Verdict.REFUTED, 0.6));
        assertThat(WeightedVote.equal().combine(CLAIM, List.of(), votes).verdict()).isEqualTo(Verdict.SUPPORTED);
        WeightedVote refutedTwice = new WeightedVote("v", Map.of(), 1.0, Map.of(Verdict.REFUTED, 2.0));
        assertThat(refutedTwice.combine(CLAIM, List.of(), votes).verdict()).isEqualTo(Verdict.REFUTED);
    }

    @Test
    void aSavedVoteReadsBackTheSame(@TempDir Path dir) {
        WeightedVote vote = new WeightedVote(WeightedVoteTuner.NAME, Map.of("a", 2.0, "b", 0.0), 0.5,
                Map.of(Verdict.REFUTED, 1.5, Verdict.NOT_ENOUGH_INFO, 0.75));
        Path file = dir.resolve("fc").resolve(WeightedVote.FILE);
        vote.save(file);
        WeightedVote back = WeightedVote.load(file);
        assertThat(back.name()).isEqualTo(WeightedVoteTuner.NAME);
        assertThat(back.weights()).isEqualTo(vote.weights());
        assertThat(back.scales()).isEqualTo(vote.scales());
    }

    @Test
    void aBrokenFileIsAClearError(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("w.json"), "{\"weights\": {\"a\": -1}}");
        assertThatThrownBy(() -> WeightedVote.load(file)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least 0").hasMessageContaining(file.toString());
    }

    @Test
    void tuningOnVotesGivesTheReliableVerifierTheSayAndBeatsEqualWeights() {
        // "good" is right 85% of the time, "noisy" 40%, "lazy" always says NOT_ENOUGH_INFO
        Random random = new Random(3);
        List<List<Vote>> votes = new ArrayList<>();
        List<Verdict> gold = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            Verdict truth = Verdict.values()[random.nextInt(3)];
            gold.add(truth);
            Verdict good = random.nextDouble() < 0.85 ? truth : Verdict.values()[random.nextInt(3)];
            Verdict noisy = random.nextDouble() < 0.4 ? truth : Verdict.values()[random.nextInt(3)];
            votes.add(List.of(vote("good", good, 0.7), vote("noisy", noisy, 0.9),
                    vote("lazy", Verdict.NOT_ENOUGH_INFO, 0.9)));
        }
        WeightedVote tuned = WeightedVoteTuner.tune(votes, p -> ClassScores.of(gold, p).macroF1());
        assertThat(tuned.weights().get("good")).isGreaterThan(tuned.weights().get("noisy"));
        double tunedF1 = ClassScores.of(gold, votes.stream().map(v -> tuned.combine(CLAIM, List.of(), v).verdict())
                .toList()).macroF1();
        double equalF1 = ClassScores.of(gold, votes.stream().map(v -> WeightedVote.equal().combine(CLAIM, List.of(), v)
                .verdict()).toList()).macroF1();
        assertThat(tunedF1).isGreaterThan(equalF1 + 0.1);

        List<Verdict> outOfFold = WeightedVoteTuner.crossValidate(votes, 5, (indexes, predicted) ->
                ClassScores.of(indexes.stream().map(gold::get).toList(), predicted).macroF1());
        assertThat(outOfFold).hasSize(votes.size());
        assertThat(ClassScores.of(gold, outOfFold).macroF1()).isGreaterThan(equalF1);
    }
}
