package io.hallmark.core.governance;

import io.hallmark.governance.artifact.ArtifactKind;
import io.hallmark.governance.artifact.FolderModelStore;
import io.hallmark.governance.artifact.GovernanceArtifact;
import io.hallmark.governance.artifact.ModelStore;
import io.hallmark.governance.bias.BiasModel;
import io.hallmark.governance.safety.SafetyModel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Moves the governance models a node kept in its own data directory into the database every node reads, at start, so
 * that nothing trained or placed on one node is lost or used by that node alone:
 *
 * <ul>
 *   <li>model files placed by hand in {@code <data-dir>/governance} ({@code safety-model.json}, {@code
 *       bias-model.json}), which a node used when no version of the kind was active;</li>
 *   <li>artifacts in {@code <data-dir>/governance/artifacts}, where command-line training kept them before the
 *       database did (with that folder's active version of each kind).</li>
 * </ul>
 *
 * <p>Each is stored under its SHA-256 (the same bytes, so the hash decisions record is unchanged). It becomes the
 * active version of its kind only when the cluster has none ({@link DatabaseModelStore#activateIfNone}, atomic: of
 * several nodes starting with their own files the first wins, and all then use the same model); otherwise it is kept
 * as a stored version an administrator may activate. The files stay where they are; once the kind is active in the
 * database they are no longer read.
 */
public final class LocalModelImport {

    private static final Logger log = LoggerFactory.getLogger(LocalModelImport.class);

    private LocalModelImport() {}

    /**
     * Imports the models of {@code folder} ({@code <data-dir>/governance}) into {@code shared}.
     *
     * @param who the actor recorded for an activation ({@code import:<node>})
     * @return one line per artifact stored or activated here (empty when there was nothing new)
     */
    public static List<String> run(Path folder, DatabaseModelStore shared, String who) {
        List<String> done = new ArrayList<>();
        // the folder's active artifacts first: a node preferred them to hand-written files, as the cluster will
        Path artifacts = folder.resolve("artifacts");
        if (Files.isDirectory(artifacts)) {
            try {
                FolderModelStore local = new FolderModelStore(artifacts);
                List<ModelStore.Summary> all = new ArrayList<>(local.list());
                all.sort(java.util.Comparator.comparing(ModelStore.Summary::active).reversed());
                for (ModelStore.Summary s : all) {
                    Optional<GovernanceArtifact> a = local.find(s.sha256());
                    if (a.isPresent()) {
                        store(a.get(), s.active(), shared, who, done);
                    }
                }
            } catch (java.io.UncheckedIOException | IllegalArgumentException | ClassCastException e) {
                log.warn("Cannot import the governance models in {} (left in place): {}", artifacts, e.getMessage());
            }
        }
        importFile(folder.resolve(SafetyModel.FILE), ArtifactKind.SAFETY.id(), shared, who, done);
        importFile(folder.resolve(BiasModel.FILE), ArtifactKind.BIAS.id(), shared, who, done);
        done.forEach(line -> log.info("Governance models of this node's data directory: {}", line));
        return done;
    }

    private static void importFile(Path file, String kind, DatabaseModelStore shared, String who, List<String> done) {
        if (!Files.isRegularFile(file)) {
            return;
        }
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            log.warn("Cannot read the governance model file {} (not imported): {}", file, e.getMessage());
            return;
        }
        Map<String, Object> manifest = new LinkedHashMap<>();
        manifest.put("source", "model file placed in a node's data directory");
        manifest.put("importedFrom", file.toString());
        store(GovernanceArtifact.of(kind, bytes, manifest), true, shared, who, done);
    }

    private static void store(GovernanceArtifact a, boolean activateIfNone, DatabaseModelStore shared, String who,
            List<String> done) {
        boolean known = shared.find(a.sha256()).isPresent();
        if (!known) {
            shared.put(a);
            done.add("stored " + a.kind() + " " + a.shortHash());
        }
        if (activateIfNone && shared.activation(a.kind()).isEmpty() && shared.activateIfNone(a.kind(), a.sha256(),
                who)) {
            done.add("activated " + a.kind() + " " + a.shortHash() + " for every node (none was active)");
        }
    }
}
