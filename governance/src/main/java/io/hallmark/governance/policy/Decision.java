package io.hallmark.governance.policy;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A policy's decision on one piece of content, with everything needed to explain and re-check it.
 *
 * @param action what to do
 * @param decidingRule the rule whose action won, or {@code null} when none fired (the default applied)
 * @param firedRules every rule that fired, in policy order
 * @param inputs every score the policy saw
 * @param policyName the policy
 * @param policySha256 the exact policy version
 */
public record Decision(Action action, @Nullable String decidingRule, List<String> firedRules, Map<String, Double> inputs,
        String policyName, String policySha256) {

    public Decision {
        firedRules = List.copyOf(firedRules);
        inputs = Map.copyOf(inputs);
    }
}
