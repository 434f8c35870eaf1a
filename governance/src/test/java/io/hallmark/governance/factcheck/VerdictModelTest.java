package io.hallmark.governance.factcheck;

import static org.assertj.core.api.Assertions.assertThat;

import io.hallmark.governance.factcheck.train.TrainedCombiner;
import io.hallmark.governance.factcheck.train.VerdictModel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The verdict model learns a separable rule with DJL's training API and survives a save and load. */
class VerdictModelTest {

    @TempDir Path dir;

    @Test
    void learnsFromVotesAndReloads() {
        Random r = new Random(7);
        List<VerdictModel.Example> examples = new ArrayList<>();
        for (int i = 0; i < 90; i++) {
            Verdict label = Verdict.values()[i % 3];
            double sim = label == Verdict.NOT_ENOUGH_INFO ? 0.3 + 0.2 * r.nextDouble() : 0.7 + 0.2 * r.nextDouble();
            double mismatch = label == Verdict.REFUTED ? 1 : 0;
            examples.add(new VerdictModel.Example(Map.of("semantic.maxSimilarity", sim, "consistency.numberMismatch",
                    mismatch), label));
        }
        try (VerdictModel model = VerdictModel.train(examples, 60, 7)) {
            model.save(dir);
        }
        assertThat(VerdictModel.exists(dir)).isTrue();
        try (VerdictModel loaded = VerdictModel.load(dir)) {
            TrainedCombiner combiner = new TrainedCombiner(loaded);
            Vote refuted = combiner.combine(Claim.of("x."), List.of(), List.of(new Vote("semantic", Verdict.SUPPORTED,
                    0.8, "", "", Map.of("maxSimilarity", 0.85)), new Vote("consistency", Verdict.REFUTED, 0.8, "", "",
                    Map.of("numberMismatch", 1.0))));
            Vote nei = combiner.combine(Claim.of("x."), List.of(), List.of(new Vote("semantic",
                    Verdict.NOT_ENOUGH_INFO, 0.8, "", "", Map.of("maxSimilarity", 0.35))));
            Vote supported = combiner.combine(Claim.of("x."), List.of(), List.of(new Vote("semantic",
                    Verdict.SUPPORTED, 0.8, "", "", Map.of("maxSimilarity", 0.8))));
            assertThat(refuted.verdict()).isEqualTo(Verdict.REFUTED);
            assertThat(nei.verdict()).isEqualTo(Verdict.NOT_ENOUGH_INFO);
            assertThat(supported.verdict()).isEqualTo(Verdict.SUPPORTED);
            assertThat(refuted.confidence()).isBetween(0.34, 1.0);
            assertThat(combiner.sha256()).as("no hash given, none claimed").isEmpty();
        }
        // what a decision records for this combiner: the same saved files, the same hash
        String sha = TrainedCombiner.folderSha256(dir);
        assertThat(sha).hasSize(64).isEqualTo(TrainedCombiner.folderSha256(dir));
        Path dataDir = dir.resolve("data");
        Path saved = FactCheckers.verdictModelFolder(dataDir);
        try {
            java.nio.file.Files.createDirectories(saved);
            try (var files = java.nio.file.Files.list(dir)) {
                for (Path f : files.filter(java.nio.file.Files::isRegularFile).toList()) {
                    java.nio.file.Files.copy(f, saved.resolve(f.getFileName()));
                }
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        VoteCombiner platformCombiner = FactCheckers.combiner(dataDir);
        assertThat(platformCombiner.name()).isEqualTo("verdict-model");
        assertThat(platformCombiner.sha256()).as("loaded from <data-dir>/factcheck/verdict-model").contains(sha);
    }
}
