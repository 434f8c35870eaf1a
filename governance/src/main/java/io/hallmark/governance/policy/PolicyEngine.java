package io.hallmark.governance.policy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Applies a policy to the scores of one piece of content: every rule whose condition holds fires; the most severe
 * action among them wins (the earliest rule on a tie); with none, the policy's default applies.
 *
 * <p>Then the built-in fail-closed floor ({@link #decide(Policy, Map, Map, Set, Action)}): when a check could not
 * run, or a rule names a metric that is unknown (neither produced nor declared not applicable), the action is at
 * least the floor (NEEDS_REVIEW for content, REJECT or NEEDS_REVIEW for input screens) whatever the policy says. A
 * policy may be stricter than the floor, never looser.
 */
public final class PolicyEngine {

    /**
     * The policy's decision on stored scores alone, without the fail-closed floor (for replays of stored decisions
     * and what-if dry runs; the unknown metrics are still listed). Live decisions use
     * {@link #decide(Policy, Map, Map, Set, Action)}.
     */
    public Decision decide(Policy policy, Map<String, Double> scores) {
        return decide(policy, ContentType.GENERAL, scores, Map.of(), Set.of(), Action.APPROVE);
    }

    /**
     * The policy's decision with the fail-closed floor.
     *
     * @param scores the scores the stage produced
     * @param unavailable the checks that could not run, with why
     * @param notApplicable metrics deliberately not produced because they do not apply to this content
     * @param floor the least severe action allowed when anything is unavailable or unknown
     */
    public Decision decide(Policy policy, Map<String, Double> scores, Map<String, String> unavailable,
            Set<String> notApplicable, Action floor) {
        return decide(policy, ContentType.GENERAL, scores, unavailable, notApplicable, floor);
    }

    /**
     * The policy's decision on content of a declared type, with the fail-closed floor: rules restricted to other
     * content types ({@link Rule#contentTypes()}) are not applied, and their metrics are not required.
     */
    public Decision decide(Policy policy, ContentType contentType, Map<String, Double> scores,
            Map<String, String> unavailable, Set<String> notApplicable, Action floor) {
        List<String> fired = new ArrayList<>();
        Rule deciding = null;
        Set<String> unknown = new TreeSet<>();
        for (Rule rule : policy.rules()) {
            if (!rule.appliesTo(contentType)) {
                continue;
            }
            for (String metric : rule.when().metrics()) {
                Double value = scores.get(metric);
                if ((value == null || value.isNaN()) && !notApplicable.contains(metric)) {
                    unknown.add(metric);
                }
            }
            if (rule.when().test(scores)) {
                fired.add(rule.id());
                if (deciding == null || rule.action().moreSevereThan(deciding.action())) {
                    deciding = rule;
                }
            }
        }
        Action byPolicy = deciding == null ? policy.defaultAction() : deciding.action();
        String rule = deciding == null ? null : deciding.id();
        Action action = byPolicy;
        boolean failClosed = !unavailable.isEmpty() || !unknown.isEmpty();
        if (failClosed && floor.moreSevereThan(byPolicy)) {
            action = floor;
            rule = Decision.FAIL_CLOSED;
        }
        return new Decision(action, rule, fired, new TreeMap<>(scores), policy.name(), policy.sha256(),
                List.copyOf(unknown), unavailable, byPolicy, contentType);
    }

    /**
     * One stored decision to replay: its id, the scores it was made on, the action taken then, the checks that
     * could not run then (with why) and the metrics that did not apply, when the record has them, and the content
     * type the request declared.
     */
    public record Case(String id, Map<String, Double> scores, Action recorded, Map<String, String> unavailable,
            Set<String> notApplicable, ContentType contentType) {

        /** A case whose record says nothing of unavailable checks (every check ran). */
        public Case(String id, Map<String, Double> scores, Action recorded) {
            this(id, scores, recorded, Map.of(), Set.of(), ContentType.GENERAL);
        }

        /** A case recorded before content types existed: {@link ContentType#GENERAL}. */
        public Case(String id, Map<String, Double> scores, Action recorded, Map<String, String> unavailable,
                Set<String> notApplicable) {
            this(id, scores, recorded, unavailable, notApplicable, ContentType.GENERAL);
        }
    }

    /** A decision that a draft policy would make differently. */
    public record Change(String id, Action before, Action after, String decidingRule) {}

    /**
     * Replays a draft policy over stored cases and returns the ones whose decision would change. A case whose checks
     * could not all run keeps the fail-closed floor (NEEDS_REVIEW): no draft approves it. Unknown metrics count only
     * where the record says which metrics did not apply (older records do not).
     */
    public List<Change> dryRun(Policy draft, List<Case> cases) {
        List<Change> changes = new ArrayList<>();
        for (Case c : cases) {
            Decision d = c.unavailable().isEmpty() && c.notApplicable().isEmpty()
                    ? decide(draft, c.contentType(), c.scores(), Map.of(), Set.of(), Action.APPROVE)
                    : decide(draft, c.contentType(), c.scores(), c.unavailable(), c.notApplicable(), Action.NEEDS_REVIEW);
            if (d.action() != c.recorded()) {
                changes.add(new Change(c.id(), c.recorded(), d.action(), d.decidingRule() == null ? "(default)"
                        : d.decidingRule()));
            }
        }
        return changes;
    }
}
