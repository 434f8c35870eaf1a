package io.hallmark.core.policy;

import io.hallmark.core.NotFoundException;
import io.hallmark.core.db.Database;
import io.hallmark.core.persistence.ContentItem;
import io.hallmark.core.persistence.GovernanceReport;
import io.hallmark.governance.policy.Decision;
import io.hallmark.governance.policy.Policy;
import io.hallmark.governance.policy.PolicyEngine;
import io.hallmark.governance.policy.PolicyParser;
import io.hallmark.governance.stage.Assessment;
import io.hallmark.governance.stage.AssessmentInput;
import io.hallmark.governance.stage.Assessor;
import io.hallmark.governance.stage.GovernanceStage;
import io.hallmark.governance.stage.JudgedBy;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * {@code hallmark check --replay ITEM}: runs the governance stage again on a stored item (its prompt, the documents
 * sent beside it as recorded in its job's request, and its text; data pasted into the prompt is split off again by
 * the same deterministic rules) and
 * decides with the policy version recorded with it, then compares with the recorded decision: the action, every
 * score, and the models that judged. It names the assessors that declare themselves not deterministic, the ones
 * whose scores changed, and the models whose hashes differ from the record (a retrained or replaced model). A replay
 * judged by another guard model than the recorded one ({@code guard:...} in the record: endpoint, model, prompt style)
 * is never {@code same}, and its note says so.
 */
public final class DecisionReplay {

    private final Database db;
    private final GovernanceStage stage;
    private final PolicyService policies;

    public DecisionReplay(Database db, GovernanceStage stage, PolicyService policies) {
        this.db = db;
        this.stage = stage;
        this.policies = policies;
    }

    /**
     * The comparison.
     *
     * @param item the item replayed
     * @param recordedAction the decision on record
     * @param replayedAction the decision now, with the recorded policy version
     * @param same whether the two decisions agree
     * @param policy the policy version replayed (name@sha256)
     * @param changedScores metric to {@code [recorded, replayed]} for every score that differs (missing = null)
     * @param changedAssessors the assessors whose scores changed
     * @param notDeterministic the assessors that declare themselves not deterministic
     * @param changedModels model name to {@code [recorded, now]} SHA-256 for every model that differs
     * @param unavailable the checks that could not run now, with why
     * @param note what to keep in mind reading the comparison, or {@code null}
     */
    public record Result(UUID item, String recordedAction, String replayedAction, boolean same, String policy,
            Map<String, List<@Nullable Double>> changedScores, List<String> changedAssessors,
            List<String> notDeterministic, Map<String, List<@Nullable String>> changedModels,
            Map<String, String> unavailable, @Nullable String note) {}

    public Result replay(UUID itemId) {
        record Stored(ContentItem item, GovernanceReport report, List<io.hallmark.api.InputDocument> documents) {}
        Stored stored = db.inTransaction(s -> {
            ContentItem item = s.find(ContentItem.class, itemId);
            if (item == null) {
                return null;
            }
            GovernanceReport r = s.createSelectionQuery("from GovernanceReport where contentItemId = :id order by "
                    + "createdAt desc", GovernanceReport.class).setParameter("id", itemId).setMaxResults(1)
                    .getResultList().stream().findFirst().orElse(null);
            // the documents sent beside the prompt are recorded in the request of the job that made the item
            List<io.hallmark.api.InputDocument> documents = s.createSelectionQuery("from GenerationJob where "
                    + "contentItemId = :id", io.hallmark.core.persistence.GenerationJob.class).setParameter("id", itemId)
                    .setMaxResults(1).getResultList().stream().findFirst()
                    .map(j -> io.hallmark.core.jobs.GenerationService.documents(j.request())).orElse(List.of());
            return r == null ? null : new Stored(item, r, documents);
        });
        if (stored == null || stored.report().decision() == null) {
            throw new NotFoundException("decision", itemId.toString(), "Item " + itemId + " has no recorded "
                    + "governance decision to replay; list items with hallmark content list");
        }
        String sha = stored.report().policySha256();
        Policy policy = policies.list().stream().filter(p -> p.sha256().equals(sha)).findFirst()
                .map(p -> new PolicyParser().parse(p.body())).orElseThrow(() -> new NotFoundException("policy",
                        String.valueOf(sha), "The policy version " + sha + " that decided item " + itemId
                                + " is no longer stored; it cannot be replayed"));
        ContentItem item = stored.item();
        Assessment now = stage.assess(new AssessmentInput(item.modality(), item.prompt(), item.textBody(), null,
                item.artifactMediaType() == null ? "text/plain" : item.artifactMediaType(), Map.of(),
                stored.documents()));
        Decision decision = new PolicyEngine().decide(policy, ContentTypes.recorded(stored.report().report()),
                now.scores(), now.unavailable(), now.notApplicable(), GovernanceStage.CONTENT_FLOOR);
        Map<String, Double> recorded = new HashMap<>();
        if (stored.report().report().get("scores") instanceof Map<?, ?> scores) {
            scores.forEach((k, v) -> {
                if (v instanceof Number n) {
                    recorded.put(String.valueOf(k), n.doubleValue());
                }
            });
        }
        Map<String, List<@Nullable Double>> changed = new TreeMap<>();
        TreeSet<String> metrics = new TreeSet<>(recorded.keySet());
        metrics.addAll(now.scores().keySet());
        for (String m : metrics) {
            Double before = recorded.get(m);
            Double after = now.scores().get(m);
            boolean equal = before != null && after != null ? Math.abs(before - after) < 1e-9 : before == after;
            // scores the pipeline adds around the stage (self-check, cross-check) are not replayed here; a redacted
            // item's stored text has no personal data left
            boolean redactedAway = m.equals("pii.output") && stored.report().decision().name().equals("REDACT");
            if (!equal && !m.startsWith("selfcheck.") && !m.startsWith("crosscheck.") && !redactedAway) {
                List<@Nullable Double> pair = new ArrayList<>();
                pair.add(before);
                pair.add(after);
                changed.put(m, pair);
            }
        }
        TreeSet<String> changedAssessors = new TreeSet<>();
        for (Assessor a : stage.assessors()) {
            if (a.metrics().stream().anyMatch(changed::containsKey)) {
                changedAssessors.add(a.name());
            }
        }
        List<String> notDeterministic = stage.assessors().stream().filter(a -> !a.deterministic())
                .map(Assessor::name).sorted().toList();
        Map<String, String> recordedModels = JudgedBy.fromMap(item.judgedBy()).models();
        Map<String, String> nowModels = now.judgedBy().models();
        Map<String, List<@Nullable String>> changedModels = new TreeMap<>();
        TreeSet<String> names = new TreeSet<>(nowModels.keySet());
        recordedModels.keySet().stream().filter(n -> !n.startsWith("generator:")).forEach(names::add);
        for (String n : names) {
            if (!Objects.equals(recordedModels.get(n), nowModels.get(n))) {
                List<@Nullable String> pair = new ArrayList<>();
                pair.add(recordedModels.get(n));
                pair.add(nowModels.get(n));
                changedModels.put(n, pair);
            }
        }
        String recordedAction = stored.report().decision().name();
        String replayed = decision.action().name();
        boolean same = recordedAction.equals(replayed);
        String note = null;
        if (recordedAction.equals("REDACT")) {
            // the stored text is the redacted one: its personal data is gone, so approving it now agrees
            note = "the item was redacted when it was decided; the replay reads the redacted text, so its personal "
                    + "data is gone and APPROVE agrees with the recorded REDACT";
            same = replayed.equals("REDACT") || replayed.equals("APPROVE");
        }
        List<String> otherGuards = changedModels.keySet().stream().filter(n -> n.startsWith("guard:")).toList();
        if (!otherGuards.isEmpty()) {
            // a guard model is not hashed by its weights: a different endpoint, model or prompt style (or a guard on
            // one side only) means another judge, so the replay cannot confirm the recorded decision
            same = false;
            String guards = "the guard model differs from the one on record (" + String.join(", ", otherGuards)
                    + "): the replay was judged by another guard, so it does not confirm the recorded decision";
            note = note == null ? guards : note + "; " + guards;
        }
        return new Result(itemId, recordedAction, replayed, same, policy.name() + "@" + sha, changed,
                List.copyOf(changedAssessors), notDeterministic, changedModels, decision.unavailable(), note);
    }
}
