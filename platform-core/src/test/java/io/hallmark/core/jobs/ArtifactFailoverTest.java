package io.hallmark.core.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import io.hallmark.api.Modality;
import io.hallmark.api.Permission;
import io.hallmark.api.signing.SigningKeys;
import io.hallmark.core.audit.SequentialAuditLog;
import io.hallmark.core.blob.BlobRef;
import io.hallmark.core.blob.BlobStore;
import io.hallmark.core.blob.PostgresBlobStore;
import io.hallmark.core.config.PluginSettings;
import io.hallmark.core.db.Database;
import io.hallmark.core.model.ModelDirectory;
import io.hallmark.core.persistence.ContentItem;
import io.hallmark.core.pipeline.PipelineDefinitions;
import io.hallmark.core.plugin.PluginHost;
import io.hallmark.core.plugin.PluginStore;
import io.hallmark.core.plugin.fixtures.LargeImageGenerator;
import io.hallmark.core.plugin.fixtures.LargeVideoGenerator;
import io.hallmark.core.policy.PolicyService;
import io.hallmark.core.testing.PostgresExtension;
import io.hallmark.governance.stage.GovernanceStage;
import io.hallmark.governance.stage.PiiAssessor;
import io.hallmark.testkit.PluginArchiveBuilder;
import java.io.InputStream;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * An image or video job whose check step cannot find its artifact (a node that does not see the store the generating node
 * wrote to, or a store that cannot be reached) is retried, not failed for good: once the artifact can be read the
 * job resumes at its check step and finishes without generating again; one that never appears fails after its
 * attempts with a message that names the fix.
 */
@ExtendWith(PostgresExtension.class)
class ArtifactFailoverTest {

    private final Database db;
    private PluginHost plugins;
    private JobWorkers workers;

    @TempDir
    Path tmp;

    ArtifactFailoverTest(Database db) {
        this.db = db;
    }

    /** The shared store, but the first {@code misses} reads find nothing. */
    private static final class FlakyStore implements BlobStore {
        private final BlobStore shared;
        private final AtomicInteger misses;

        FlakyStore(BlobStore shared, int misses) {
            this.shared = shared;
            this.misses = new AtomicInteger(misses);
        }

        @Override
        public BlobRef put(InputStream in) {
            return shared.put(in);
        }

        @Override
        public Optional<InputStream> open(String sha256) {
            return misses.getAndDecrement() > 0 ? Optional.empty() : shared.open(sha256);
        }

        @Override
        public boolean contains(String sha256) {
            return shared.contains(sha256);
        }

        @Override
        public Map<String, Object> describe() {
            return shared.describe();
        }
    }

    private JobQueue start(int misses) {
        SequentialAuditLog audit = new SequentialAuditLog(db);
        PluginStore store = new PluginStore(db);
        KeyPair key = SigningKeys.generate();
        store.trust(key.getPublic(), "k", "admin");
        db.useTransaction(s -> s.createMutationQuery("delete from PluginRecord").executeUpdate());
        plugins = new PluginHost(new PluginSettings(false, Set.of(Permission.MODELS_READ), Duration.ofSeconds(30),
                Duration.ofSeconds(5), null), tmp.resolve("plugins"), store, audit, new ModelDirectory(tmp), "0.1.0");
        plugins.start();
        plugins.install(PluginArchiveBuilder.plugin("pictures", "1.0.0").extension(LargeImageGenerator.class)
                .signedWith(key).writeTo(tmp.resolve("build")), Set.of(), "admin");
        plugins.install(PluginArchiveBuilder.plugin("films", "1.0.0").extension(LargeVideoGenerator.class)
                .signedWith(key).writeTo(tmp.resolve("build-films")), Set.of(), "admin");
        PolicyService policies = new PolicyService(db, audit);
        policies.ensureDefault();
        policies.apply(GenerationPipelineTest.STAGE_DEFAULT, "admin");
        JobQueue queue = new JobQueue(db, new JobQueue.Settings(50, Duration.ofSeconds(3), 3, Duration.ofMillis(50)));
        GenerationPipeline pipeline = new GenerationPipeline(db, plugins, new FlakyStore(PostgresBlobStore.open(
                db.dataSource(), 1 << 24), misses), new GovernanceStage(List.of(new PiiAssessor())), policies, audit,
                new PipelineDefinitions(tmp.resolve("pipelines")));
        workers = new JobWorkers(queue, pipeline, 1, "test-node");
        workers.start();
        return queue;
    }

    @AfterEach
    void stop() {
        if (workers != null) {
            workers.close();
        }
        if (plugins != null) {
            plugins.close();
        }
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"pictures:IMAGE", "films:VIDEO"})
    void aCheckThatCannotFindTheArtifactIsRetriedAndResumesWithoutGeneratingAgain(String plugin) throws Exception {
        JobQueue queue = start(1);
        String[] parts = plugin.split(":");
        JobView job = submit(queue, parts[0], Modality.valueOf(parts[1]), "4000");

        JobView done = await(queue, job);

        assertThat(done.state()).as(String.valueOf(done.error())).isIn("DONE", "WAITING_REVIEW");
        assertThat(done.attempts()).isEqualTo(2);
        ContentItem item = db.inTransaction(s -> s.find(ContentItem.class, job.contentItemId()));
        assertThat(item.artifactSize()).isEqualTo(4000L);
        long generated = db.inTransaction(s -> s.createNativeQuery("select count(*) from job_agent_calls where job_id = :j"
                + " and agent like 'generator:%'", Long.class).setParameter("j", job.id()).getSingleResult());
        assertThat(generated).as("resumed at the check step").isEqualTo(1);
    }

    @Test
    void anArtifactThatNeverAppearsFailsTheJobAfterItsAttemptsNamingTheFix() throws Exception {
        JobQueue queue = start(Integer.MAX_VALUE);
        JobView job = submit(queue, "pictures", Modality.IMAGE, "4000");

        JobView done = await(queue, job);

        assertThat(done.state()).isIn("FAILED", "DEAD");
        assertThat(done.attempts()).isEqualTo(3);
        assertThat(done.error()).contains("is not in the blob store").contains("blob-store=postgres");
    }

    private static JobView submit(JobQueue queue, String plugin, Modality modality, String prompt) {
        return queue.submit(plugin, modality, prompt, Map.of("pluginId", plugin, "modality", modality.name(),
                "prompt", prompt, "parameters", Map.of(), "actor", "alice"), 0, null, "alice");
    }

    private static JobView await(JobQueue queue, JobView job) throws InterruptedException {
        for (int i = 0; i < 600; i++) {
            JobView view = queue.get(job.id());
            if (List.of("DONE", "WAITING_REVIEW", "FAILED", "CANCELLED", "DEAD").contains(view.state())
                    && queue.events(job.id(), 0).stream().anyMatch(e -> e.type().equals("finished"))) {
                return view;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("job " + job.id() + " did not finish: " + queue.get(job.id()));
    }
}
