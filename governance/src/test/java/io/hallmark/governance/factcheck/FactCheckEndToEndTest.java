package io.hallmark.governance.factcheck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.hallmark.api.Modality;
import io.hallmark.governance.factcheck.verify.ConsistencyVerifier;
import io.hallmark.governance.factcheck.verify.SemanticVerifier;
import io.hallmark.governance.stage.Assessment;
import io.hallmark.governance.stage.AssessmentInput;
import io.hallmark.retrieval.IngestListener;
import io.hallmark.retrieval.KnowledgeBase;
import io.hallmark.retrieval.KnowledgeBaseOptions;
import io.hallmark.retrieval.embed.EmbeddingModel;
import io.hallmark.retrieval.embed.OnnxEmbedder;
import io.hallmark.retrieval.ingest.SourceDocument;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A real knowledge base, two real embedding models: a true claim is supported, a false one refuted. */
class FactCheckEndToEndTest {

    @TempDir static Path dir;
    static OnnxEmbedder miniLm;
    static OnnxEmbedder bge;
    static KnowledgeBase kb;
    static FactChecker checker;
    static FactChecker embeddingChecker;

    @BeforeAll
    static void setUp() {
        miniLm = new OnnxEmbedder(EmbeddingModel.ALL_MINILM_L6_V2_Q, 1, 16);
        bge = new OnnxEmbedder(EmbeddingModel.BGE_SMALL_EN_V15_Q, 1, 16);
        // the knowledge base stores both verifiers' passage vectors, so neither verifier embeds evidence
        kb = KnowledgeBase.open(dir.resolve("kb"), KnowledgeBaseOptions.DEFAULT, miniLm, List.of(miniLm, bge));
        kb.ingest(List.of(
                SourceDocument.of("eiffel", "Eiffel Tower",
                        "The Eiffel Tower is a wrought-iron lattice tower in Paris. It was completed in 1889 as the "
                                + "entrance to the World's Fair.", Map.of()),
                SourceDocument.of("everest", "Mount Everest",
                        "Mount Everest is the highest mountain on Earth above sea level. It lies in the Himalayas on "
                                + "the border between Nepal and China.", Map.of()),
                SourceDocument.of("amazon", "Amazon River",
                        "The Amazon River in South America is the largest river by discharge volume of water.", Map.of()),
                SourceDocument.of("bananas", "Bananas", "Bananas are grown in tropical regions.", Map.of())),
                IngestListener.NONE);
        KnowledgeBaseEvidence evidence = new KnowledgeBaseEvidence(kb);
        checker = new FactChecker(new ClaimExtractor(), evidence,
                List.of(new SemanticVerifier(miniLm, SemanticVerifier.defaultThreshold(miniLm.name()),
                                evidence.passageVectors()),
                        new SemanticVerifier(bge, SemanticVerifier.defaultThreshold(bge.name()), evidence.passageVectors()),
                        new ConsistencyVerifier()),
                WeightedVote.equal(), 3);
        embeddingChecker = new FactChecker(new ClaimExtractor(), evidence,
                List.of(new SemanticVerifier(miniLm, SemanticVerifier.defaultThreshold(miniLm.name())),
                        new SemanticVerifier(bge, SemanticVerifier.defaultThreshold(bge.name())),
                        new ConsistencyVerifier()),
                WeightedVote.equal(), 3);
    }

    @AfterAll
    static void tearDown() {
        kb.close();
        miniLm.close();
        bge.close();
    }

    @Test
    void aTrueClaimIsSupportedAndAFalseOneRefutedWithTheRightEvidence() {
        String text = "The Eiffel Tower in Paris was completed in 1889. Mount Everest lies in the Andes on the border "
                + "between Peru and Chile.";
        FactCheckReport report = checker.check(text);

        assertThat(report.claims()).hasSize(2);
        ClaimCheck tower = report.claims().get(0);
        assertThat(tower.verdict()).isEqualTo(Verdict.SUPPORTED);
        assertThat(tower.evidence().get(0).sourceId()).isEqualTo("eiffel");
        assertThat(text.substring(tower.claim().start(), tower.claim().end()))
                .isEqualTo("The Eiffel Tower in Paris was completed in 1889.");
        ClaimCheck everest = report.claims().get(1);
        assertThat(everest.verdict()).isEqualTo(Verdict.REFUTED);
        assertThat(everest.evidence().get(0).sourceId()).isEqualTo("everest");
        assertThat(everest.votes()).hasSize(3);
        assertThat(report.factuality()).isEqualTo(0.5);
        assertThat(report.refuted()).isEqualTo(1);
    }

    @Test
    void storedVectorsGiveTheSameVotesAsEmbeddingEveryClaimAndPassageOneByOne() {
        String text = "The Eiffel Tower in Paris was completed in 1889. Mount Everest lies in the Andes on the border "
                + "between Peru and Chile. The Amazon River is the largest river by discharge volume of water.";
        List<Claim> claims = new ClaimExtractor().extract(text);
        FactCheckReport batched = checker.check(text);
        assertThat(batched.claims()).hasSize(3);
        // the second model embedded the claims while the evidence was searched for; every phase is timed
        assertThat(batched.phaseMillis()).containsKeys("extract", "prepare", "evidence", "combine");
        assertThat(batched.phaseMillis().keySet()).containsAll(checker.verifiers().stream().map(Verifier::name).toList());
        for (int i = 0; i < claims.size(); i++) {
            ClaimCheck alone = embeddingChecker.check(claims.get(i));
            ClaimCheck fast = batched.claims().get(i);
            assertThat(fast.verdict()).isEqualTo(alone.verdict());
            assertThat(fast.evidence()).isEqualTo(alone.evidence());
            for (int v = 0; v < 2; v++) {
                assertThat(fast.votes().get(v).verdict()).isEqualTo(alone.votes().get(v).verdict());
                assertThat(fast.votes().get(v).signals().get("maxSimilarity"))
                        .isCloseTo(alone.votes().get(v).signals().get("maxSimilarity"), within(1e-4));
            }
        }
    }

    @Test
    void theAssessorFillsThePolicyScores() {
        FactCheckAssessor assessor = new FactCheckAssessor(() -> Optional.of(checker), "test");
        Assessment out = new Assessment();
        assessor.assess(new AssessmentInput(Modality.TEXT, "Tell me about the Eiffel Tower",
                "The Eiffel Tower was completed in 1925.", null, "text/plain", Map.of()), out);
        assertThat(out.scores()).containsEntry("claims.total", 1.0).containsEntry("claims.refuted", 1.0)
                .containsEntry("factuality", 0.0).containsKey("verifiers.disagreement");
        assertThat(out.findings()).containsKey("factcheck");
    }

    @Test
    void aMissingKnowledgeBaseMakesTheCheckUnavailable() {
        Assessment out = new Assessment();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new FactCheckAssessor(Optional::empty, "default")
                .assess(new AssessmentInput(Modality.TEXT, "p", "Paris is in France.", null, "text/plain", Map.of()),
                        out))
                .isInstanceOf(io.hallmark.governance.ModelUnavailableException.class)
                .hasMessageContaining("'default'").hasMessageContaining("does not exist yet");
        assertThat(out.scores()).isEmpty();
    }
}
