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
    private final java.util.Optional<String> sha256;

    public TrainedCombiner(VerdictModel model) {
        this(model, null);
    }

    /** @param sha256 the SHA-256 of the saved model's files ({@link #folderSha256}), for the record of decisions */
    public TrainedCombiner(VerdictModel model, @org.jspecify.annotations.Nullable String sha256) {
        this.model = model;
        this.sha256 = java.util.Optional.ofNullable(sha256);
    }

    @Override
    public java.util.Optional<String> sha256() {
        return sha256;
    }

    /** The SHA-256 over a saved model folder: each file's name and bytes, in name order. */
    public static String folderSha256(java.nio.file.Path folder) {
        try (var files = java.nio.file.Files.list(folder)) {
            java.security.MessageDigest digest = java.security.MessageDigest.getInstance("SHA-256");
            for (java.nio.file.Path f : files.filter(java.nio.file.Files::isRegularFile).sorted().toList()) {
                digest.update(f.getFileName().toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
                digest.update((byte) 0);
                digest.update(java.nio.file.Files.readAllBytes(f));
            }
            return java.util.HexFormat.of().formatHex(digest.digest());
        } catch (java.io.IOException | java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("Cannot hash the verdict model in " + folder + ": " + e.getMessage(), e);
        }
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
