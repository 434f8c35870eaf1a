package io.hallmark.core.governance;

import static org.assertj.core.api.Assertions.assertThat;

import io.hallmark.governance.GovernanceModels;
import io.hallmark.governance.artifact.ArtifactKind;
import io.hallmark.governance.artifact.FolderModelStore;
import io.hallmark.governance.artifact.GovernanceArtifact;
import io.hallmark.governance.artifact.ModelStore;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A node follows the cluster's activations: when an administrator activates another version of a model this node has
 * loaded, the node's next check uses the activated version (no restart); while the node is up to date, nothing is
 * reloaded.
 */
class ActiveModelFollowerTest {

    private static final String KIND = ArtifactKind.FACTCHECK_COMBINER.id();

    @Test
    void aNodeSwitchesToTheVersionAnAdministratorActivated(@TempDir Path dir) {
        Path folder = dir.resolve("governance");
        ModelStore store = new FolderModelStore(folder.resolve("artifacts"));
        try (GovernanceModels models = new GovernanceModels(folder, Optional::empty, store, false);
                ActiveModelFollower follower = ActiveModelFollower.start(models, java.time.Duration.ofHours(1))) {
            models.combiner(); // the committed vote, built on first use and activated
            String first = models.loadedModelHashes().get(KIND);
            assertThat(first).isNotNull();
            assertThat(follower.followOnce()).as("up to date: nothing to reload").isEmpty();
            assertThat(models.loadedModelHashes()).containsEntry(KIND, first);

            // another version, as `hallmark models governance import` + `activate` on any node would store it
            String json = new String(store.active(KIND).orElseThrow().bytes(), StandardCharsets.UTF_8);
            GovernanceArtifact other = GovernanceArtifact.of(KIND, json.replaceFirst("\"defaultWeight\"\\s*:\\s*[0-9.]+",
                    "\"defaultWeight\" : 0.5").getBytes(StandardCharsets.UTF_8), Map.of("note", "hand-tuned"));
            assertThat(other.sha256()).isNotEqualTo(first);
            store.put(other);
            store.activate(KIND, other.sha256(), "cli:admin");

            assertThat(follower.followOnce()).containsExactly(KIND);
            models.combiner();
            assertThat(models.loadedModelHashes()).containsEntry(KIND, other.sha256());
            assertThat(follower.followOnce()).isEmpty();
        }
    }
}
