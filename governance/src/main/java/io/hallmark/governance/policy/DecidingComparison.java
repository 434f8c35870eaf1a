package io.hallmark.governance.policy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One comparison of the rule that decided, with the score it saw: what a reader needs to see why a text was approved,
 * reviewed or rejected ({@code claims.refuted >= 1, was 2}).
 *
 * @param rule the deciding rule's id
 * @param metric the metric compared, e.g. {@code claims.refuted}
 * @param op the operator's symbol, e.g. {@code >=}
 * @param threshold the number it is compared with
 * @param value the score the policy saw, or {@code null} when the metric was not produced
 * @param holds whether this comparison held
 */
public record DecidingComparison(String rule, String metric, String op, double threshold, @Nullable Double value,
        boolean holds) {

    /**
     * The comparisons of the rule that decided {@code decision} under {@code policy}, in the order the rule names them;
     * empty when no rule decided (the policy's default) or the fail-closed floor did.
     */
    public static List<DecidingComparison> of(Policy policy, Decision decision) {
        String id = decision.decidingRule();
        if (id == null) {
            return List.of();
        }
        List<DecidingComparison> found = new ArrayList<>();
        policy.rules().stream().filter(r -> r.id().equals(id)).findFirst()
                .ifPresent(rule -> collect(rule.id(), rule.when(), decision.inputs(), found));
        return List.copyOf(found);
    }

    private static void collect(String rule, Condition condition, Map<String, Double> scores,
            List<DecidingComparison> into) {
        switch (condition) {
            case Condition.Compare c -> into.add(new DecidingComparison(rule, c.metric(), c.op().symbol(), c.value(),
                    scores.get(c.metric()), c.evaluate(scores) == Condition.Truth.TRUE));
            case Condition.All all -> all.conditions().forEach(c -> collect(rule, c, scores, into));
            case Condition.Any any -> any.conditions().forEach(c -> collect(rule, c, scores, into));
            case Condition.Not not -> collect(rule, not.condition(), scores, into);
        }
    }

    /** As reports and events store it. */
    public Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("rule", rule);
        map.put("metric", metric);
        map.put("op", op);
        map.put("threshold", threshold);
        map.put("value", value);
        map.put("holds", holds);
        return map;
    }
}
