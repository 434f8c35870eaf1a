package io.hallmark.governance.factcheck;

import io.hallmark.governance.factcheck.train.TrainedCombiner;
import io.hallmark.governance.factcheck.train.VerdictModel;
import io.hallmark.governance.factcheck.train.WeightedVoteTuner;
import io.hallmark.governance.factcheck.verify.ConsistencyVerifier;
import io.hallmark.governance.factcheck.verify.SemanticVerifier;
import io.hallmark.retrieval.embed.Embedder;
import io.hallmark.retrieval.embed.EmbeddingModel;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The standard set-up shared by the governance stage, {@code hallmark train factcheck}, {@code eval factcheck} and
 * {@code bench factcheck}, so that the verdict model is trained on the votes of exactly the verifiers it later
 * combines: semantic verifiers on {@link #FIRST_MODEL} and {@link #SECOND_MODEL} and the consistency verifier.
 */
public final class FactCheckers {

    /** The first semantic verifier's model (also the default knowledge-base model). */
    public static final EmbeddingModel FIRST_MODEL = EmbeddingModel.ALL_MINILM_L6_V2;
    /** The second semantic verifier's model: another family, quantized for speed. */
    public static final EmbeddingModel SECOND_MODEL = EmbeddingModel.BGE_SMALL_EN_V15_Q;

    private FactCheckers() {}

    /**
     * The built-in verifiers over the two embedders (in this order: semantic first, semantic second, consistency);
     * {@code stored} gives passage vectors that need not be embedded again (a knowledge base's chunk vectors,
     * {@link KnowledgeBaseEvidence#passageVectors()}).
     */
    public static List<Verifier> standardVerifiers(Embedder first, Embedder second, PassageVectors stored) {
        return List.of(new SemanticVerifier(first, SemanticVerifier.defaultThreshold(first.name()), stored),
                new SemanticVerifier(second, SemanticVerifier.defaultThreshold(second.name()), stored),
                new ConsistencyVerifier());
    }

    /** Where {@code hallmark train factcheck} saves the verdict model: {@code <data-dir>/factcheck/verdict-model}. */
    public static Path verdictModelFolder(Path dataDir) {
        return dataDir.resolve("factcheck").resolve("verdict-model");
    }

    /** Where {@code hallmark train factcheck} saves the weighted vote it tuned on dev. */
    public static Path tunedVoteFile(Path dataDir) {
        return dataDir.resolve("factcheck").resolve(WeightedVote.FILE);
    }

    /**
     * Where {@code hallmark train factcheck} records which combiner scored better out of fold on dev (one line:
     * {@code verdict-model} or {@code weighted-vote-tuned}).
     */
    public static Path chosenCombinerFile(Path dataDir) {
        return dataDir.resolve("factcheck").resolve("combiner.txt");
    }

    /**
     * The combiner {@code hallmark train factcheck} chose on dev (the trained verdict model or the tuned weighted
     * vote); with no choice recorded the verdict model when saved, else the tuned vote when saved, else the shipped
     * default ({@link #defaultCombiner}).
     */
    public static VoteCombiner combiner(Path dataDir) {
        return trainedCombiner(dataDir).orElseGet(FactCheckers::defaultCombiner);
    }

    /**
     * The combiner {@code hallmark train factcheck} left in this data directory (for internal use: it is fit on
     * Climate-FEVER dev), if any: the chosen one, else the verdict model, else the tuned vote.
     */
    public static java.util.Optional<VoteCombiner> trainedCombiner(Path dataDir) {
        Path model = verdictModelFolder(dataDir);
        Path vote = tunedVoteFile(dataDir);
        String chosen = "";
        try {
            if (Files.isRegularFile(chosenCombinerFile(dataDir))) {
                chosen = Files.readString(chosenCombinerFile(dataDir)).strip();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + chosenCombinerFile(dataDir), e);
        }
        if (chosen.equals(WeightedVoteTuner.NAME) && Files.isRegularFile(vote)) {
            return java.util.Optional.of(WeightedVote.load(vote));
        }
        if (VerdictModel.exists(model)) {
            return java.util.Optional.of(new TrainedCombiner(VerdictModel.load(model), TrainedCombiner.folderSha256(model)));
        }
        return Files.isRegularFile(vote) ? java.util.Optional.of(WeightedVote.load(vote)) : java.util.Optional.empty();
    }

    /**
     * The shipped default combiner: the committed weighted vote of {@code tuned-settings.json} (block {@code
     * factcheck}; the same bytes as the {@code factcheck-combiner} artifact), which needs no training data. It is the
     * configuration the evaluation docs report, not the equal vote.
     */
    public static WeightedVote defaultCombiner() {
        return WeightedVote.fromJson(io.hallmark.governance.artifact.ArtifactTrainer.committedVote(
                io.hallmark.governance.artifact.TunedSettings.committed()));
    }
}
