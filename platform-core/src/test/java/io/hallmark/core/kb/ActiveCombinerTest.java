package io.hallmark.core.kb;

import static org.assertj.core.api.Assertions.assertThat;

import io.hallmark.governance.GovernanceModels;
import io.hallmark.governance.artifact.ArtifactKind;
import io.hallmark.governance.artifact.FolderModelStore;
import io.hallmark.governance.artifact.GovernanceArtifact;
import io.hallmark.governance.artifact.ModelStore;
import io.hallmark.governance.factcheck.FactChecker;
import io.hallmark.governance.factcheck.FactCheckers;
import io.hallmark.retrieval.IngestListener;
import io.hallmark.retrieval.ingest.SourceDocument;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * With nothing trained in the data directory, the fact check combines its verifiers' votes with the cluster's active
 * {@code factcheck-combiner} artifact: a decision names that artifact's hash (so the auditor's export finds its
 * manifest), and an activated version replaces it at the next check.
 */
class ActiveCombinerTest {

    private static final String KIND = ArtifactKind.FACTCHECK_COMBINER.id();

    @Test
    void theFactCheckUsesTheActiveCombinerArtifactAndFollowsAnActivation(@TempDir Path tmp) {
        Path folder = tmp.resolve("governance");
        ModelStore store = new FolderModelStore(folder.resolve("artifacts"));
        try (KnowledgeBases knowledgeBases = new KnowledgeBases(tmp.resolve("data"));
                GovernanceModels models = new GovernanceModels(folder, Optional::empty, store, false)) {
            FactCheckService service = new FactCheckService(knowledgeBases, "facts", tmp.resolve("data"))
                    .useActiveCombiner(models::combiner);
            knowledgeBases.open("facts").ingest(List.of(SourceDocument.of("everest", "Mount Everest", "Mount Everest "
                    + "is the highest mountain on Earth above sea level.", Map.of())), IngestListener.NONE);

            FactChecker checker = service.checker().orElseThrow();
            String active = store.active(KIND).orElseThrow().sha256();
            assertThat(checker.combiner().name()).isEqualTo("equal-vote");
            assertThat(checker.combiner().sha256()).as("the decision names the artifact itself").contains(active);
            assertThat(service.checker().orElseThrow()).as("unchanged: the same checker").isSameAs(checker);

            String json = new String(store.active(KIND).orElseThrow().bytes(), StandardCharsets.UTF_8);
            GovernanceArtifact consistencyOnly = GovernanceArtifact.of(KIND, json
                    .replace("\"equal-vote\"", "\"consistency-only\"")
                    .replaceAll("\"semantic-all-minilm-l6-v2\"\\s*:\\s*1(\\.0)?", "\"semantic-all-minilm-l6-v2\":0")
                    .getBytes(StandardCharsets.UTF_8), Map.of("note", "an administrator's choice"));
            store.put(consistencyOnly);
            store.activate(KIND, consistencyOnly.sha256(), "cli:admin");
            models.reload(); // what ActiveModelFollower does when it sees the activation

            FactChecker after = service.checker().orElseThrow();
            assertThat(after.combiner().name()).isEqualTo("consistency-only");
            assertThat(after.combiner().sha256()).contains(consistencyOnly.sha256());
        }
    }

    @Test
    void aCombinerTrainedOnThisNodeDoesNotOverrideTheClustersActiveOne(@TempDir Path tmp) throws Exception {
        Path folder = tmp.resolve("governance");
        ModelStore store = new FolderModelStore(folder.resolve("artifacts"));
        try (KnowledgeBases knowledgeBases = new KnowledgeBases(tmp.resolve("data"));
                GovernanceModels models = new GovernanceModels(folder, Optional::empty, store, false)) {
            models.combiner(); // the cluster's active combiner artifact, made on first use
            // what 'hallmark train factcheck' leaves on one node: a tuned vote of its own
            String json = new String(store.active(KIND).orElseThrow().bytes(), StandardCharsets.UTF_8);
            Path voteFile = FactCheckers.tunedVoteFile(tmp.resolve("data"));
            Files.createDirectories(voteFile.getParent());
            Files.writeString(voteFile, json.replace("\"equal-vote\"", "\"node-local-vote\""));
            assertThat(FactCheckers.trainedCombiner(tmp.resolve("data")).orElseThrow().name())
                    .as("the node has a trained combiner").isEqualTo("node-local-vote");
            FactCheckService service = new FactCheckService(knowledgeBases, "facts", tmp.resolve("data"))
                    .useActiveCombiner(models::combiner);
            knowledgeBases.open("facts").ingest(List.of(SourceDocument.of("everest", "Mount Everest", "Mount Everest "
                    + "is the highest mountain on Earth above sea level.", Map.of())), IngestListener.NONE);

            FactChecker checker = service.checker().orElseThrow();
            assertThat(checker.combiner().name()).isEqualTo("equal-vote");
            assertThat(checker.combiner().sha256()).as("decided with the cluster's active artifact, not the node's file")
                    .contains(store.active(KIND).orElseThrow().sha256());
        }
    }
}
