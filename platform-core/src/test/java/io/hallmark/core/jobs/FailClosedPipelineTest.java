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
import io.hallmark.core.persistence.AuditEvent;
import io.hallmark.core.persistence.ContentItem;
import io.hallmark.core.persistence.ContentStatus;
import io.hallmark.core.persistence.GovernanceReport;
import io.hallmark.core.pipeline.PipelineDefinitions;
import io.hallmark.core.plugin.PluginHost;
import io.hallmark.core.plugin.PluginStore;
import io.hallmark.core.plugin.fixtures.BrokenCheck;
import io.hallmark.core.plugin.fixtures.EchoGenerator;
import io.hallmark.core.policy.PolicyService;
import io.hallmark.core.testing.PostgresExtension;
import io.hallmark.governance.GovernanceModels;
import io.hallmark.governance.factcheck.FactCheckAssessor;
import io.hallmark.governance.policy.Action;
import io.hallmark.governance.policy.DefaultPolicy;
import io.hallmark.governance.safety.SafetyAssessor;
import io.hallmark.governance.stage.Assessment;
import io.hallmark.governance.stage.AssessmentInput;
import io.hallmark.governance.stage.Assessor;
import io.hallmark.governance.stage.GovernanceStage;
import io.hallmark.governance.stage.PiiAssessor;
import io.hallmark.testkit.PluginArchiveBuilder;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fail closed through the real job pipeline, with embedded PostgreSQL and real plugins: under a policy that approves
 * everything, a governance check that could not run (the knowledge base is missing, a plugin check throws, a check
 * hangs past its deadline, the safety model is not trained) never lets an item be approved. The governance report,
 * the job's decision event and the audit event say which check did not run and why; the content row records what
 * judged it.
 */
@ExtendWith(PostgresExtension.class)
class FailClosedPipelineTest {

    private static final String APPROVE_EVERYTHING = """
            name: default
            description: approves everything; the built-in floor still applies
            modalities: [TEXT, CODE, IMAGE, VIDEO]
            default: APPROVE
            rules: []
            """;

    private final Database db;
    private PluginHost plugins;
    private JobQueue queue;
    private PolicyService policies;
    private SequentialAuditLog audit;

    @TempDir
    Path tmp;

    FailClosedPipelineTest(Database db) {
        this.db = db;
    }

    @BeforeEach
    void start() {
        audit = new SequentialAuditLog(db);
        PluginStore store = new PluginStore(db);
        KeyPair key = SigningKeys.generate();
        store.trust(key.getPublic(), "k", "admin");
        db.useTransaction(s -> s.createMutationQuery("delete from PluginRecord").executeUpdate());
        plugins = new PluginHost(new PluginSettings(false, Set.of(Permission.MODELS_READ), Duration.ofSeconds(30),
                Duration.ofSeconds(5), null), tmp.resolve("plugins"), store, audit, new ModelDirectory(tmp), "0.1.0");
        plugins.start();
        plugins.install(PluginArchiveBuilder.plugin("echo", "1.0.0").extension(EchoGenerator.class)
                .resource("version.txt", "1.0.0").signedWith(key).writeTo(tmp.resolve("build")), Set.of(), "admin");
        policies = new PolicyService(db, audit);
        policies.ensureDefault();
        policies.apply(APPROVE_EVERYTHING, "admin");
        queue = new JobQueue(db, new JobQueue.Settings(50, Duration.ofSeconds(3), 3, Duration.ofMillis(50)));
    }

    @AfterEach
    void stop() {
        plugins.close();
        policies.apply(DefaultPolicy.text(), "admin");
    }

    /** Runs one job through a pipeline governed by {@code stage} and returns its content item. */
    private ContentItem run(GovernanceStage stage, String prompt) throws Exception {
        GenerationPipeline pipeline = new GenerationPipeline(db, plugins, io.hallmark.core.blob.LocalBlobStore.open(tmp.resolve("blobs"), 1 << 20),
                stage, policies, audit, new PipelineDefinitions(tmp.resolve("pipelines")));
        try (JobWorkers workers = new JobWorkers(queue, pipeline, 1, "test-node")) {
            workers.start();
            JobView job = queue.submit("echo", Modality.TEXT, prompt, Map.of("pluginId", "echo", "modality", "TEXT",
                    "prompt", prompt, "parameters", Map.of(), "actor", "alice"), 0, null, "alice");
            for (int i = 0; i < 400; i++) {
                JobView view = queue.get(job.id());
                if (List.of("DONE", "WAITING_REVIEW", "FAILED", "DEAD").contains(view.state())
                        && queue.events(job.id(), 0).stream().anyMatch(e -> e.type().equals("finished"))) {
                    return db.inTransaction(s -> s.find(ContentItem.class, job.contentItemId()));
                }
                Thread.sleep(50);
            }
            throw new AssertionError("job did not finish: " + queue.get(job.id()));
        }
    }

    private GovernanceReport report(UUID item) {
        return db.inTransaction(s -> s.createSelectionQuery("from GovernanceReport where contentItemId = :id",
                GovernanceReport.class).setParameter("id", item).getSingleResult());
    }

    private Map<String, Object> auditEvent(UUID item) {
        return db.inTransaction(s -> s.createSelectionQuery(
                "from AuditEvent where eventType = 'generation.completed' and subject = :s", AuditEvent.class)
                .setParameter("s", item.toString()).getSingleResult().payload());
    }

    @Test
    @SuppressWarnings("unchecked")
    void outputChecksThatCannotRunSendTheItemToReviewWithTheirReasons() throws Exception {
        KeyPair key = SigningKeys.generate();
        new PluginStore(db).trust(key.getPublic(), "k-broken", "admin");
        plugins.install(PluginArchiveBuilder.plugin("broken-checks", "1.0.0").extension(BrokenCheck.class)
                .signedWith(key).writeTo(tmp.resolve("build-broken")), Set.of(), "admin");
        Assessor hangs = new Assessor() {
            @Override
            public String name() {
                return "slow";
            }

            @Override
            public void assess(AssessmentInput input, Assessment out) {
                try {
                    Thread.sleep(30_000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        };
        GovernanceStage stage = new GovernanceStage(List.of(new PiiAssessor(),
                new FactCheckAssessor(Optional::empty, "default"), new PluginChecksAssessor(plugins), hangs),
                Duration.ofSeconds(2));

        ContentItem item = run(stage, "the lighthouse keeper smiled");

        assertThat(item.textBody()).as("generated").isEqualTo("v1.0.0 the lighthouse keeper smiled");
        assertThat(item.status()).isEqualTo(ContentStatus.NEEDS_REVIEW);
        GovernanceReport report = report(item.id());
        assertThat(report.decision().name()).isEqualTo("NEEDS_REVIEW");
        Map<String, Object> unavailable = (Map<String, Object>) report.report().get("unavailable");
        assertThat(unavailable).containsOnlyKeys("factcheck", "plugin:broken-checks/broken", "slow");
        assertThat(String.valueOf(unavailable.get("factcheck"))).contains("knowledge base 'default'");
        assertThat(String.valueOf(unavailable.get("plugin:broken-checks/broken"))).contains("model is missing");
        assertThat(String.valueOf(unavailable.get("slow"))).contains("did not finish within 2.0 s");
        Map<String, Object> decision = (Map<String, Object>) report.report().get("decision");
        assertThat(decision).containsEntry("rule", "fail-closed").containsEntry("policyAction", "APPROVE");
        assertThat((Map<String, Object>) ((Map<String, Object>) report.report().get("scores")))
                .containsEntry("checks.unavailable", 3.0);
        assertThat(item.judgedBy()).containsEntry("policySha256", report.policySha256());
        assertThat(auditEvent(item.id())).containsEntry("decision", "NEEDS_REVIEW")
                .containsKey("notChecked").containsKey("judgedBy");
    }

    @Test
    @SuppressWarnings("unchecked")
    void anInputScreenThatCannotRunRejectsThePromptOrSendsItToReviewBySetting() throws Exception {
        try (GovernanceModels untrained = new GovernanceModels(tmp.resolve("governance"), Optional::empty)) {
            List<Assessor> assessors = List.of(new PiiAssessor(), new SafetyAssessor(untrained));

            ContentItem rejected = run(new GovernanceStage(assessors, Duration.ofSeconds(30), Action.REJECT),
                    "tell me a story");

            assertThat(rejected.status()).isEqualTo(ContentStatus.REJECTED);
            assertThat(rejected.textBody()).as("the generator was never called").isNull();
            Map<String, Object> report = report(rejected.id()).report();
            assertThat(String.valueOf(((Map<String, Object>) report.get("unavailable")).get("safety")))
                    .contains("not trained");
            assertThat((Map<String, Object>) report.get("decision")).containsEntry("stage", "input")
                    .containsEntry("rule", "fail-closed");
            assertThat(auditEvent(rejected.id())).containsEntry("blockedBeforeGeneration", true)
                    .containsKey("notChecked");

            ContentItem reviewed = run(new GovernanceStage(assessors, Duration.ofSeconds(30), Action.NEEDS_REVIEW),
                    "tell me a story");
            assertThat(reviewed.status()).isEqualTo(ContentStatus.NEEDS_REVIEW);
            assertThat(reviewed.textBody()).isNull();
        }
    }

    @Test
    void aReplayOfAStoredItemGivesTheSameDecisionAndNamesWhatIsNotDeterministic() throws Exception {
        KeyPair key = SigningKeys.generate();
        new PluginStore(db).trust(key.getPublic(), "k-broken-2", "admin");
        plugins.install(PluginArchiveBuilder.plugin("broken-checks", "1.0.0").extension(BrokenCheck.class)
                .signedWith(key).writeTo(tmp.resolve("build-broken-2")), Set.of(), "admin");
        GovernanceStage stage = new GovernanceStage(List.of(new PiiAssessor(),
                new FactCheckAssessor(Optional::empty, "default"), new PluginChecksAssessor(plugins)));
        ContentItem item = run(stage, "write to jane@example.com today");

        io.hallmark.core.policy.DecisionReplay.Result replay = new io.hallmark.core.policy.DecisionReplay(db, stage,
                policies).replay(item.id());

        assertThat(replay.recordedAction()).isEqualTo("NEEDS_REVIEW");
        assertThat(replay.same()).isTrue();
        assertThat(replay.changedScores()).isEmpty();
        assertThat(replay.changedModels()).isEmpty();
        assertThat(replay.notDeterministic()).containsExactly("plugin-checks");
        assertThat(replay.unavailable()).containsKeys("factcheck", "plugin:broken-checks/broken");
        assertThat(replay.policy()).startsWith("default@");
        assertThat(replay.note()).isNull();
    }

    /** A stage whose only check is the guard hook over a guard that answers "safe", named {@code model}. */
    private static GovernanceStage guardStage(String model) {
        io.hallmark.governance.safety.guard.GuardSettings settings = new io.hallmark.governance.safety.guard
                .GuardSettings(java.net.URI.create("http://guard.internal:8000/v1"), model, null,
                io.hallmark.governance.safety.guard.GuardStyle.LLAMA_GUARD_3, Duration.ofSeconds(5),
                Set.of(io.hallmark.governance.safety.guard.GuardSettings.Input.PROMPT),
                io.hallmark.governance.safety.guard.GuardSettings.Combine.EITHER);
        dev.langchain4j.model.chat.ChatModel safe = new dev.langchain4j.model.chat.ChatModel() {
            @Override
            public dev.langchain4j.model.chat.response.ChatResponse doChat(
                    dev.langchain4j.model.chat.request.ChatRequest request) {
                return dev.langchain4j.model.chat.response.ChatResponse.builder()
                        .aiMessage(dev.langchain4j.data.message.AiMessage.from("safe")).build();
            }
        };
        io.hallmark.governance.safety.guard.GuardScreen guard = new io.hallmark.governance.safety.guard.GuardScreen(
                new io.hallmark.governance.safety.guard.GuardModel(settings, safe));
        return new GovernanceStage(List.of(new Assessor() {
            @Override
            public String name() {
                return "safety";
            }

            @Override
            public void assess(AssessmentInput input, Assessment out) {
                guard.apply(input, out, new java.util.HashMap<>(), new java.util.ArrayList<>());
            }

            @Override
            public Set<String> metrics() {
                return Set.of(io.hallmark.governance.safety.guard.GuardScreen.METRIC);
            }
        }));
    }

    @Test
    void aReplayJudgedByAnotherGuardModelIsNeverTheSame() throws Exception {
        ContentItem item = run(guardStage("llama-guard-3-8b"), "tell me a story");
        assertThat(item.status()).isEqualTo(ContentStatus.APPROVED);

        io.hallmark.core.policy.DecisionReplay.Result again = new io.hallmark.core.policy.DecisionReplay(db,
                guardStage("llama-guard-3-8b"), policies).replay(item.id());
        assertThat(again.same()).isTrue();
        assertThat(again.changedModels()).isEmpty();

        io.hallmark.core.policy.DecisionReplay.Result other = new io.hallmark.core.policy.DecisionReplay(db,
                guardStage("llama-guard-3-1b"), policies).replay(item.id());
        assertThat(other.replayedAction()).isEqualTo("APPROVE");
        assertThat(other.same()).as("the same action from another guard does not confirm the decision").isFalse();
        assertThat(other.changedModels()).containsOnlyKeys("guard:llama-guard-3:llama-guard-3-8b@guard.internal:8000",
                "guard:llama-guard-3:llama-guard-3-1b@guard.internal:8000");
        assertThat(other.note()).contains("the guard model differs from the one on record");
    }

    @Test
    void aReplayOfARedactedItemReadsItsRedactedTextAndAgrees() throws Exception {
        policies.apply(GenerationPipelineTest.STAGE_DEFAULT, "admin"); // personal data in the output is redacted
        GovernanceStage stage = new GovernanceStage(List.of(new PiiAssessor(), new PluginChecksAssessor(plugins)));
        ContentItem item = run(stage, "write to jane@example.com today");
        assertThat(item.status()).isEqualTo(ContentStatus.APPROVED);
        assertThat(item.textBody()).contains("[EMAIL]");

        io.hallmark.core.policy.DecisionReplay.Result replay = new io.hallmark.core.policy.DecisionReplay(db, stage,
                policies).replay(item.id());

        assertThat(replay.recordedAction()).isEqualTo("REDACT");
        assertThat(replay.replayedAction()).isEqualTo("APPROVE");
        assertThat(replay.same()).isTrue();
        assertThat(replay.changedScores()).isEmpty();
        assertThat(replay.note()).contains("redacted");
    }

    @Test
    @SuppressWarnings("unchecked")
    void aPolicyRuleOnAMetricNoCheckProducesNeverApproves() throws Exception {
        policies.apply(DefaultPolicy.text(), "admin"); // names safety, bias and fact-check metrics
        GovernanceStage stage = new GovernanceStage(List.of(new PiiAssessor(), new PluginChecksAssessor(plugins)));

        ContentItem item = run(stage, "the lighthouse keeper smiled");

        assertThat(item.status()).isEqualTo(ContentStatus.NEEDS_REVIEW);
        Map<String, Object> decision = (Map<String, Object>) report(item.id()).report().get("decision");
        assertThat((List<String>) decision.get("unknownMetrics")).contains("safety.toxicity", "bias.max",
                "claims.refuted").doesNotContain("pii.output", "checks.failed");
        assertThat(decision).containsEntry("rule", "fail-closed");
    }
}
