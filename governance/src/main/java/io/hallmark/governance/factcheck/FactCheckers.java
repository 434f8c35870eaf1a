package io.hallmark.governance.factcheck;

import io.hallmark.governance.factcheck.train.TrainedCombiner;
import io.hallmark.governance.factcheck.train.VerdictModel;
import io.hallmark.governance.factcheck.verify.ConsistencyVerifier;
import io.hallmark.governance.factcheck.verify.SemanticVerifier;
import io.hallmark.retrieval.embed.Embedder;
import io.hallmark.retrieval.embed.EmbeddingModel;
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

    /** The built-in verifiers over the two embedders (in this order: semantic first, semantic second, consistency). */
    public static List<Verifier> standardVerifiers(Embedder first, Embedder second) {
        return List.of(new SemanticVerifier(first, SemanticVerifier.defaultThreshold(first.name())),
                new SemanticVerifier(second, SemanticVerifier.defaultThreshold(second.name())),
                new ConsistencyVerifier());
    }

    /** Where {@code hallmark train factcheck} saves the verdict model: {@code <data-dir>/factcheck/verdict-model}. */
    public static Path verdictModelFolder(Path dataDir) {
        return dataDir.resolve("factcheck").resolve("verdict-model");
    }

    /** The trained verdict model when one was saved under the data directory, else the equal weighted vote. */
    public static VoteCombiner combiner(Path dataDir) {
        Path folder = verdictModelFolder(dataDir);
        return VerdictModel.exists(folder) ? new TrainedCombiner(VerdictModel.load(folder)) : WeightedVote.equal();
    }
}
