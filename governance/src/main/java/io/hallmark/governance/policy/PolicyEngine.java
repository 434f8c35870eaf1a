package io.hallmark.governance.policy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Applies a policy to the scores of one piece of content: every rule whose condition holds fires; the most severe
 * action among them wins (the earliest rule on a tie); with none, the policy's default applies.
 */
public final class PolicyEngine {

    public Decision decide(Policy policy, Map<String, Double> scores) {
        List<String> fired = new ArrayList<>();
        Rule deciding = null;
        for (Rule rule : policy.rules()) {
            if (rule.when().test(scores)) {
                fired.add(rule.id());
                if (deciding == null || rule.action().moreSevereThan(deciding.action())) {
                    deciding = rule;
                }
            }
        }
        Action action = deciding == null ? policy.defaultAction() : deciding.action();
        return new Decision(action, deciding == null ? null : deciding.id(), fired, new TreeMap<>(scores), policy.name(),
                policy.sha256());
    }

    /** One stored decision to replay: its id, the scores it was made on, and the action taken then. */
    public record Case(String id, Map<String, Double> scores, Action recorded) {}

    /** A decision that a draft policy would make differently. */
    public record Change(String id, Action before, Action after, String decidingRule) {}

    /** Replays a draft policy over stored cases and returns the ones whose decision would change. */
    public List<Change> dryRun(Policy draft, List<Case> cases) {
        List<Change> changes = new ArrayList<>();
        for (Case c : cases) {
            Decision d = decide(draft, c.scores());
            if (d.action() != c.recorded()) {
                changes.add(new Change(c.id(), c.recorded(), d.action(), d.decidingRule() == null ? "(default)"
                        : d.decidingRule()));
            }
        }
        return changes;
    }
}
