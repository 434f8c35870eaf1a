package io.hallmark.core.jobs;

import io.hallmark.api.GeneratedContent;
import io.hallmark.api.GenerationRequest;
import io.hallmark.api.Modality;
import io.hallmark.core.audit.AuditLog;
import io.hallmark.core.blob.BlobRef;
import io.hallmark.core.blob.BlobStore;
import io.hallmark.core.db.Database;
import io.hallmark.core.persistence.ContentItem;
import io.hallmark.core.persistence.ContentStatus;
import io.hallmark.core.persistence.Decision;
import io.hallmark.core.persistence.GovernanceReport;
import io.hallmark.core.plugin.CallListener;
import io.hallmark.core.plugin.CallOptions;
import io.hallmark.core.plugin.PluginHost;
import io.hallmark.core.policy.PolicyService;
import io.hallmark.governance.pii.PiiRedactor;
import io.hallmark.governance.pii.PiiDetector;
import io.hallmark.governance.policy.Action;
import io.hallmark.governance.policy.Policy;
import io.hallmark.governance.policy.PolicyEngine;
import io.hallmark.governance.stage.Assessment;
import io.hallmark.governance.stage.AssessmentInput;
import io.hallmark.governance.stage.GovernanceStage;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The steps of a generation job: <b>generate</b> (the plugin, output streamed as events), <b>check</b> (the
 * governance stage), <b>decide</b> (the policy in force) and <b>publish</b> (the content's final status and the
 * audit event). Each completed step is recorded; a job resumed after a crash continues after its last step, and
 * each step is written so that running it twice leaves one result.
 */
public final class GenerationPipeline implements JobRunner {

    private final Database db;
    private final PluginHost plugins;
    private final BlobStore blobs;
    private final GovernanceStage governance;
    private final PolicyService policies;
    private final AuditLog audit;
    private final PolicyEngine engine = new PolicyEngine();
    private final PiiRedactor redactor = new PiiRedactor(new PiiDetector());

    public GenerationPipeline(Database db, PluginHost plugins, BlobStore blobs, GovernanceStage governance,
            PolicyService policies, AuditLog audit) {
        this.db = db;
        this.plugins = plugins;
        this.blobs = blobs;
        this.governance = governance;
        this.policies = policies;
        this.audit = audit;
    }

    /** How many times a REVISE decision may send a draft back before a person must look at it. */
    public static final int DEFAULT_MAX_REVISIONS = 2;

    @Override
    public String run(ClaimedJob job, JobContext context) {
        Map<String, Object> request = job.request();
        String pluginId = (String) request.get("pluginId");
        Modality modality = Modality.parse((String) request.get("modality"));
        String channel = (String) request.getOrDefault("channel", "default");
        int maxRevisions = request.get("maxRevisions") instanceof Number n ? n.intValue() : DEFAULT_MAX_REVISIONS;
        String step = job.lastStep();
        Map<String, Object> state = new LinkedHashMap<>(job.stepState());
        int round = state.get("round") instanceof Number n ? n.intValue() : 1;
        String prompt = (String) state.getOrDefault("prompt", request.get("prompt"));

        while (true) {
            if (step == null || step.equals("revise")) {
                state = generate(job, context, pluginId, modality, prompt, round);
                step = "generate";
            }
            if (step.equals("generate")) {
                @SuppressWarnings("unchecked")
                Map<String, Object> metadata = (Map<String, Object>) state.getOrDefault("metadata", Map.of());
                state = check(job, context, modality, prompt, round, metadata);
                step = "check";
            }
            if (step.equals("check")) {
                state = decide(job, context, modality, channel, state, round, round <= maxRevisions);
                if ("REVISE".equals(state.get("action")) && round <= maxRevisions) {
                    prompt = revisionPrompt((String) request.get("prompt"), job, state);
                    round++;
                    Map<String, Object> revise = Map.of("round", round, "prompt", prompt);
                    context.stepDone("revise", revise);
                    context.event("revise", Map.of("round", round, "reasons", state.getOrDefault("fired", List.of())));
                    step = "revise";
                    continue;
                }
                step = "decide";
            }
            return publish(job, Action.valueOf(String.valueOf(state.get("action"))), pluginId);
        }
    }

    /** The original prompt, what the governance stage objected to, and the draft to revise. */
    private String revisionPrompt(String original, ClaimedJob job, Map<String, Object> decided) {
        ContentItem item = db.inTransaction(s -> s.find(ContentItem.class, job.contentItemId()));
        StringBuilder p = new StringBuilder(original).append("\n\nRevise the draft below. The review found: ");
        p.append(decided.getOrDefault("fired", List.of())).append(".");
        Object reasons = decided.get("reasons");
        if (reasons instanceof List<?> list && !list.isEmpty()) {
            list.forEach(r -> p.append("\n- ").append(r));
        }
        if (item.textBody() != null) {
            p.append("\n\nDraft:\n").append(item.textBody());
        }
        return p.length() > GenerationRequest.MAX_PROMPT_CHARS ? p.substring(0, GenerationRequest.MAX_PROMPT_CHARS)
                : p.toString();
    }

    private Map<String, Object> generate(ClaimedJob job, JobContext context, String pluginId, Modality modality,
            String prompt, int round) {
        Map<String, Object> request = job.request();
        setStatus(job.contentItemId(), ContentStatus.GENERATING);
        context.event("step", Map.of("step", "generate", "status", "started", "round", round));
        @SuppressWarnings("unchecked")
        Map<String, Object> parameters = (Map<String, Object>) request.getOrDefault("parameters", Map.of());
        Object seed = request.get("seed");
        GenerationRequest generation = new GenerationRequest(modality, prompt, parameters,
                seed instanceof Number n ? n.longValue() : null);
        TokenBatcher batcher = new TokenBatcher(context);
        GeneratedContent content = plugins.generate(pluginId, generation, new CallOptions(null, context.cancellation(),
                new CallListener() {
                    @Override
                    public void streamed(String piece) {
                        batcher.add(piece);
                    }

                    @Override
                    public void progress(double fraction, String message) {
                        context.event("progress", Map.of("fraction", fraction, "message", message));
                    }
                }, "job:" + job.id()));
        batcher.flush();
        String version = plugins.find(pluginId).map(v -> v.version()).orElse("?");
        BlobRef blob = content.artifact() == null ? null : blobs.put(content.artifact());
        db.useTransaction(s -> {
            ContentItem item = s.find(ContentItem.class, job.contentItemId());
            item.setPlugin(pluginId, version);
            if (content.model() != null) {
                item.setModel(content.model().id(), content.model().sha256());
            }
            item.setSeed(content.seed());
            if (content.text() != null) {
                item.setTextBody(content.text());
            } else {
                item.setArtifact(blob.sha256(), content.mediaType(), blob.size());
            }
            item.setStatus(ContentStatus.CHECKING);
        });
        Map<String, Object> generated = new LinkedHashMap<>();
        generated.put("round", round);
        generated.put("promptTokens", content.usage().promptTokens());
        generated.put("outputTokens", content.usage().outputTokens());
        generated.put("durationMillis", content.duration().toMillis());
        generated.put("metadata", content.metadata());
        context.event("generated", generated);
        Map<String, Object> done = new LinkedHashMap<>();
        done.put("sha256", content.sha256());
        done.put("mediaType", content.mediaType());
        done.put("outputTokens", content.usage().outputTokens());
        done.put("round", round);
        done.put("prompt", prompt);
        done.put("metadata", content.metadata()); // what the generator found (e.g. code findings) reaches governance
        context.stepDone("generate", done);
        return done;
    }

    private Map<String, Object> check(ClaimedJob job, JobContext context, Modality modality, String prompt, int round,
            Map<String, Object> metadata) {
        context.event("step", Map.of("step", "check", "status", "started"));
        ContentItem item = db.inTransaction(s -> s.find(ContentItem.class, job.contentItemId()));
        byte[] artifact = null;
        if (item.artifactSha256() != null) {
            try (var in = blobs.open(item.artifactSha256()).orElseThrow()) {
                artifact = in.readAllBytes();
            } catch (java.io.IOException e) {
                throw new io.hallmark.api.GenerationFailedException("Cannot read the artifact: " + e.getMessage(), true, e);
            }
        }
        // images and videos are governed on their prompt and, when the generator gave one, their caption
        String text = item.textBody() != null ? item.textBody()
                : metadata.get("caption") instanceof String caption && !caption.isBlank() ? caption : null;
        Assessment assessment = governance.assess(new AssessmentInput(modality, item.prompt(), text, artifact,
                item.artifactMediaType() == null ? "text/plain" : item.artifactMediaType(), metadata));
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("scores", new HashMap<>(assessment.scores()));
        state.put("findings", assessment.findings());
        state.put("round", round);
        state.put("prompt", prompt);
        context.stepDone("check", state);
        context.event("governance", Map.of("scores", assessment.scores()));
        return state;
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> decide(ClaimedJob job, JobContext context, Modality modality, String channel,
            Map<String, Object> state, int round, boolean mayRevise) {
        Map<String, Double> scores = new HashMap<>();
        ((Map<String, Object>) state.getOrDefault("scores", Map.of())).forEach((k, v) -> scores.put(k, ((Number) v).doubleValue()));
        Policy policy = policies.inForce(modality, channel).orElseThrow(() -> new io.hallmark.api.GenerationFailedException(
                "No active policy covers " + modality + " on channel '" + channel + "'; refusing to keep unchecked content"));
        io.hallmark.governance.policy.Decision decision = engine.decide(policy, scores);
        Map<String, Object> decisionMap = new LinkedHashMap<>();
        decisionMap.put("action", decision.action().name());
        decisionMap.put("rule", decision.decidingRule() == null ? "(default)" : decision.decidingRule());
        decisionMap.put("fired", decision.firedRules());
        decisionMap.put("inputs", decision.inputs());
        decisionMap.put("policy", decision.policyName());
        decisionMap.put("policySha256", decision.policySha256());
        boolean revising = decision.action() == Action.REVISE && mayRevise;
        List<String> reasons = reasons(state);
        if (revising) {
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("action", "REVISE");
            result.put("fired", decision.firedRules());
            result.put("reasons", reasons);
            context.event("decision", decisionMap);
            return result;
        }
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("scores", scores);
        report.put("rounds", round);
        report.put("findings", state.getOrDefault("findings", Map.of()));
        report.put("decision", decisionMap);
        UUID policyId = policies.list().stream().filter(p -> p.sha256().equals(policy.sha256()))
                .findFirst().map(PolicyService.StoredPolicy::id).orElse(null);
        db.useTransaction(s -> {
            // one report per item: a resumed job replaces what a crashed attempt may have left
            s.createMutationQuery("delete from GovernanceReport where contentItemId = :id")
                    .setParameter("id", job.contentItemId()).executeUpdate();
            GovernanceReport r = new GovernanceReport(job.contentItemId(), report);
            Double factuality = scores.get("factuality");
            r.setFactualityScore(factuality == null ? null : Math.max(0, Math.min(1, factuality)));
            r.decide(Decision.valueOf(decision.action().name()), policyId, policy.sha256());
            s.persist(r);
            ContentItem item = s.find(ContentItem.class, job.contentItemId());
            if (decision.action() == Action.REDACT && item.textBody() != null) {
                item.setTextBody(redactor.redact(item.textBody()).text());
            }
            item.setStatus(switch (decision.action()) {
                case APPROVE, REDACT -> ContentStatus.APPROVED;
                case REJECT -> ContentStatus.REJECTED;
                case NEEDS_REVIEW, REVISE -> ContentStatus.NEEDS_REVIEW;
            });
        });
        Map<String, Object> done = Map.of("action", decision.action() == Action.REVISE ? "NEEDS_REVIEW"
                : decision.action().name(), "rule", decisionMap.get("rule"));
        context.stepDone("decide", done);
        context.event("decision", decisionMap);
        return done;
    }

    /** Plain-language reasons from the findings: failed plugin checks and refuted claims, when present. */
    @SuppressWarnings("unchecked")
    private static List<String> reasons(Map<String, Object> state) {
        List<String> reasons = new java.util.ArrayList<>();
        Object findings = state.get("findings");
        if (findings instanceof Map<?, ?> all) {
            if (all.get("plugin-checks") instanceof List<?> checks) {
                for (Object c : checks) {
                    if (c instanceof Map<?, ?> m && "FAIL".equals(m.get("outcome"))) {
                        reasons.add(m.get("check") + ": " + m.get("explanation"));
                    }
                }
            }
            all.forEach((assessor, details) -> {
                if (details instanceof Map<?, ?> d && d.get("claims") instanceof List<?> claims) {
                    for (Object claim : claims) {
                        if (claim instanceof Map<?, ?> cm && "REFUTED".equals(cm.get("verdict"))) {
                            reasons.add("refuted claim: " + cm.get("text")
                                    + (cm.get("evidence") instanceof List<?> ev && !ev.isEmpty()
                                            ? " (evidence: " + ev.getFirst() + ")" : ""));
                        }
                    }
                }
            });
        }
        return reasons;
    }

    private String publish(ClaimedJob job, Action action, String pluginId) {
        ContentItem item = db.inTransaction(s -> s.find(ContentItem.class, job.contentItemId()));
        String subject = job.contentItemId().toString();
        boolean recorded = db.inTransaction(s -> s.createSelectionQuery(
                "select count(*) from AuditEvent where eventType = 'generation.completed' and subject = :s", Long.class)
                .setParameter("s", subject).getSingleResult()) > 0;
        if (!recorded) {
            Map<String, Object> event = new LinkedHashMap<>();
            event.put("job", job.id().toString());
            event.put("plugin", pluginId);
            event.put("modality", item.modality().name());
            event.put("decision", action.name());
            event.put("status", item.status().name());
            if (item.modelSha256() != null) {
                event.put("modelSha256", item.modelSha256());
            }
            audit.append(String.valueOf(job.request().getOrDefault("actor", "system")), "generation.completed", subject,
                    event);
        }
        return item.status() == ContentStatus.NEEDS_REVIEW ? "WAITING_REVIEW" : "DONE";
    }

    private void setStatus(UUID itemId, ContentStatus status) {
        db.useTransaction(s -> s.find(ContentItem.class, itemId).setStatus(status));
    }

    /** Streamed pieces become events in batches (every 50 ms or 64 pieces), not one row per token. */
    private static final class TokenBatcher {
        private final JobContext context;
        private final StringBuilder pending = new StringBuilder();
        private int pieces;
        private long lastFlush = System.nanoTime();

        TokenBatcher(JobContext context) {
            this.context = context;
        }

        synchronized void add(String piece) {
            pending.append(piece);
            pieces++;
            if (pieces >= 64 || System.nanoTime() - lastFlush > 50_000_000L) {
                flush();
            }
        }

        synchronized void flush() {
            if (!pending.isEmpty()) {
                context.event("output", Map.of("text", pending.toString(), "pieces", pieces));
                pending.setLength(0);
                pieces = 0;
            }
            lastFlush = System.nanoTime();
        }
    }

    static List<String> steps() {
        return List.of("generate", "check", "decide", "publish");
    }
}
