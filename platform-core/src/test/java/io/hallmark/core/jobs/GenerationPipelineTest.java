package io.hallmark.core.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import io.hallmark.api.Modality;
import io.hallmark.api.Permission;
import io.hallmark.api.signing.SigningKeys;
import io.hallmark.core.audit.SequentialAuditLog;
import io.hallmark.core.blob.BlobStore;
import io.hallmark.core.config.PluginSettings;
import io.hallmark.core.db.Database;
import io.hallmark.core.model.ModelDirectory;
import io.hallmark.core.persistence.ContentItem;
import io.hallmark.core.persistence.ContentStatus;
import io.hallmark.core.persistence.GovernanceReport;
import io.hallmark.core.plugin.PluginHost;
import io.hallmark.core.plugin.PluginStore;
import io.hallmark.core.plugin.fixtures.EchoGenerator;
import io.hallmark.core.plugin.fixtures.FixableGenerator;
import io.hallmark.core.plugin.fixtures.MistakeCheck;
import io.hallmark.core.policy.PolicyService;
import io.hallmark.core.testing.PostgresExtension;
import io.hallmark.governance.stage.GovernanceStage;
import io.hallmark.governance.stage.PiiAssessor;
import io.hallmark.testkit.PluginArchiveBuilder;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** Jobs run through workers, a real plugin, the governance stage and the policy in force. */
@ExtendWith(PostgresExtension.class)
class GenerationPipelineTest {

    private final Database db;
    private PluginHost plugins;
    private JobQueue queue;
    private JobWorkers workers;
    private PolicyService policies;

    @TempDir
    Path tmp;

    GenerationPipelineTest(Database db) {
        this.db = db;
    }

    @BeforeEach
    void start() {
        SequentialAuditLog audit = new SequentialAuditLog(db);
        PluginStore store = new PluginStore(db);
        KeyPair key = SigningKeys.generate();
        store.trust(key.getPublic(), "k", "admin");
        db.useTransaction(s -> s.createMutationQuery("delete from PluginRecord").executeUpdate());
        plugins = new PluginHost(new PluginSettings(false, Set.of(Permission.MODELS_READ), Duration.ofSeconds(30),
                Duration.ofSeconds(5), null), tmp.resolve("plugins"), store, audit, new ModelDirectory(tmp), "0.1.0");
        plugins.start();
        plugins.install(PluginArchiveBuilder.plugin("echo", "1.0.0").extension(EchoGenerator.class)
                .resource("version.txt", "1.0.0").signedWith(key).writeTo(tmp.resolve("build")), Set.of(), "admin");
        plugins.install(PluginArchiveBuilder.plugin("fixable", "1.0.0").extension(FixableGenerator.class)
                .extension(MistakeCheck.class).signedWith(key).writeTo(tmp.resolve("build-fixable")), Set.of(), "admin");
        policies = new PolicyService(db, audit);
        policies.ensureDefault();
        queue = new JobQueue(db, new JobQueue.Settings(50, Duration.ofSeconds(3), 3, Duration.ofMillis(50)));
        workers = new JobWorkers(queue, new GenerationPipeline(db, plugins, BlobStore.open(tmp.resolve("blobs"), 1 << 20),
                new GovernanceStage(List.of(new PiiAssessor(), new PluginChecksAssessor(plugins))), policies, audit),
                2, "test-node");
        workers.start();
    }

    @AfterEach
    void stop() {
        workers.close();
        plugins.close();
    }

    private JobView submit(String prompt, Map<String, Object> parameters) {
        return queue.submit("echo", Modality.TEXT, prompt, Map.of("pluginId", "echo", "modality", "TEXT",
                "prompt", prompt, "parameters", parameters, "actor", "alice"), 0, null, "alice");
    }

    private JobView await(UUID job) throws InterruptedException {
        for (int i = 0; i < 300; i++) {
            JobView view = queue.get(job);
            if (List.of("DONE", "WAITING_REVIEW", "FAILED", "CANCELLED", "DEAD").contains(view.state())) {
                return view;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("job " + job + " did not finish: " + queue.get(job));
    }

    @Test
    void aCleanTextIsGeneratedCheckedApprovedAndAudited() throws Exception {
        JobView job = submit("the lighthouse keeper smiled", Map.of());

        JobView done = await(job.id());

        assertThat(done.state()).isEqualTo("DONE");
        ContentItem item = db.inTransaction(s -> s.find(ContentItem.class, job.contentItemId()));
        assertThat(item.status()).isEqualTo(ContentStatus.APPROVED);
        assertThat(item.textBody()).isEqualTo("v1.0.0 the lighthouse keeper smiled");
        assertThat(item.pluginVersion()).isEqualTo("1.0.0");
        GovernanceReport report = db.inTransaction(s -> s.createSelectionQuery(
                "from GovernanceReport where contentItemId = :id", GovernanceReport.class)
                .setParameter("id", job.contentItemId()).getSingleResult());
        assertThat(report.decision().name()).isEqualTo("APPROVE");
        assertThat(report.policySha256()).hasSize(64);
        assertThat(report.report()).containsKeys("scores", "findings", "decision");
        assertThat(queue.events(job.id(), 0)).extracting(JobEvent::type)
                .containsSubsequence("queued", "started", "output", "step", "governance", "decision", "finished");
        long audited = db.inTransaction(s -> s.createSelectionQuery(
                "select count(*) from AuditEvent where eventType = 'generation.completed' and subject = :s", Long.class)
                .setParameter("s", job.contentItemId().toString()).getSingleResult());
        assertThat(audited).isEqualTo(1);
    }

    @Test
    void personalDataInTheOutputIsRedactedByTheDefaultPolicy() throws Exception {
        JobView job = submit("write to jane@example.com today", Map.of());

        await(job.id());

        ContentItem item = db.inTransaction(s -> s.find(ContentItem.class, job.contentItemId()));
        assertThat(item.textBody()).isEqualTo("v1.0.0 write to [EMAIL] today");
        assertThat(item.status()).isEqualTo(ContentStatus.APPROVED);
    }

    @Test
    @SuppressWarnings("unchecked")
    void aPromptThePolicyRejectsNeverReachesTheGenerator() throws Exception {
        policies.apply("""
                name: no-personal-data-in-prompts
                rules:
                  - id: personal-data-in-prompt
                    when: { metric: pii.prompt, op: ">=", value: 1 }
                    action: REJECT
                """, "admin");
        try {
            JobView job = submit("write to jane@example.com today", Map.of());

            JobView done = await(job.id());

            assertThat(done.state()).isEqualTo("DONE");
            ContentItem item = db.inTransaction(s -> s.find(ContentItem.class, job.contentItemId()));
            assertThat(item.status()).isEqualTo(ContentStatus.REJECTED);
            assertThat(item.textBody()).as("the generator was never called").isNull();
            assertThat(item.pluginVersion()).isNull();
            List<JobEvent> events = queue.events(job.id(), 0);
            assertThat(events).extracting(JobEvent::type).doesNotContain("output", "generated", "governance")
                    .containsSubsequence("started", "step", "screened", "decision", "finished");
            GovernanceReport report = db.inTransaction(s -> s.createSelectionQuery(
                    "from GovernanceReport where contentItemId = :id", GovernanceReport.class)
                    .setParameter("id", job.contentItemId()).getSingleResult());
            assertThat(report.decision().name()).isEqualTo("REJECT");
            assertThat(report.report()).containsEntry("rounds", 0);
            assertThat((Map<String, Object>) report.report().get("decision")).containsEntry("rule", "personal-data-in-prompt")
                    .containsEntry("stage", "input");
            Map<String, Object> audited = db.inTransaction(s -> s.createSelectionQuery(
                    "from AuditEvent where eventType = 'generation.completed' and subject = :s",
                    io.hallmark.core.persistence.AuditEvent.class).setParameter("s", job.contentItemId().toString())
                    .getSingleResult().payload());
            assertThat(audited).containsEntry("blockedBeforeGeneration", true).containsEntry("decision", "REJECT");
        } finally {
            policies.apply(io.hallmark.governance.policy.DefaultPolicy.text(), "admin");
        }
    }

    @Test
    void aRedactDecisionOnThePromptHandsTheGeneratorTheRedactedPrompt() throws Exception {
        policies.apply("""
                name: redact-prompts
                rules:
                  - id: personal-data-in-prompt
                    when: { metric: pii.prompt, op: ">=", value: 1 }
                    action: REDACT
                """, "admin");
        try {
            JobView job = submit("call +44 20 7946 0958 about jane@example.com", Map.of());

            await(job.id());

            ContentItem item = db.inTransaction(s -> s.find(ContentItem.class, job.contentItemId()));
            assertThat(item.textBody()).startsWith("v1.0.0 ").doesNotContain("jane@example.com").contains("[EMAIL]");
            assertThat(queue.events(job.id(), 0)).filteredOn(e -> e.type().equals("screened")).singleElement()
                    .satisfies(e -> assertThat(e.data()).containsEntry("action", "REDACT"));
        } finally {
            policies.apply(io.hallmark.governance.policy.DefaultPolicy.text(), "admin");
        }
    }

    @Test
    void aRunningJobCanBeCancelled() throws Exception {
        JobView job = submit("one two three four five six seven eight nine ten", Map.of("delayMillis", 400));
        while (!queue.get(job.id()).state().equals("RUNNING")) {
            Thread.sleep(20);
        }

        queue.cancel(job.id());

        assertThat(await(job.id()).state()).isEqualTo("CANCELLED");
    }

    @Test
    void aReviseDecisionSendsTheDraftBackWithTheFindingsUntilItPasses() throws Exception {
        policies.apply("""
                name: revising
                rules:
                  - id: failed-check
                    when: { metric: checks.failed, op: ">=", value: 1 }
                    action: REVISE
                """, "admin");
        try {
            JobView fixed = queue.submit("fixable", Modality.TEXT, "write a draft", Map.of("pluginId", "fixable",
                    "modality", "TEXT", "prompt", "write a draft"), 0, null, "alice");
            JobView stubborn = queue.submit("fixable", Modality.TEXT, "write a stubborn draft", Map.of("pluginId",
                    "fixable", "modality", "TEXT", "prompt", "write a stubborn draft", "maxRevisions", 1), 0, null, "alice");

            assertThat(await(fixed.id()).state()).isEqualTo("DONE");
            ContentItem item = db.inTransaction(s -> s.find(ContentItem.class, fixed.contentItemId()));
            assertThat(item.textBody()).isEqualTo("a corrected draft");
            assertThat(item.status()).isEqualTo(ContentStatus.APPROVED);
            assertThat(queue.events(fixed.id(), 0)).filteredOn(e -> e.type().equals("revise")).singleElement()
                    .satisfies(e -> assertThat(e.data().get("round")).isEqualTo(2));

            assertThat(await(stubborn.id()).state()).as("revisions run out: a person decides").isEqualTo("WAITING_REVIEW");
            assertThat(queue.events(stubborn.id(), 0)).filteredOn(e -> e.type().equals("revise")).hasSize(1);
            GovernanceReport report = db.inTransaction(s -> s.createSelectionQuery(
                    "from GovernanceReport where contentItemId = :id", GovernanceReport.class)
                    .setParameter("id", stubborn.contentItemId()).getSingleResult());
            assertThat(report.report()).containsEntry("rounds", 2);
        } finally {
            policies.apply(io.hallmark.governance.policy.DefaultPolicy.text(), "admin"); // replaces 'revising' again
        }
    }

    @Test
    void anUnknownPluginDeadLettersTheJobWithItsCause() throws Exception {
        JobView job = queue.submit("nope", Modality.TEXT, "x", Map.of("pluginId", "nope", "modality", "TEXT",
                "prompt", "x"), 0, null, "alice");

        JobView dead = await(job.id());

        assertThat(dead.state()).isEqualTo("DEAD");
        assertThat(dead.error()).contains("Plugin 'nope' is not installed");
    }
}
