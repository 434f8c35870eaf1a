package io.hallmark.governance.policy;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * A policy's decision on one piece of content, with everything needed to explain and re-check it.
 *
 * @param action what to do: the policy's action, raised by the built-in fail-closed floor when a check could not
 *     run or a rule's metric is unknown
 * @param decidingRule the rule whose action won, {@value #FAIL_CLOSED} when the floor raised the action, or
 *     {@code null} when none fired (the default applied)
 * @param firedRules every rule that fired, in policy order
 * @param inputs every score the policy saw
 * @param policyName the policy
 * @param policySha256 the exact policy version
 * @param unknownMetrics the metrics the policy's rules name that were not produced although they applied (their
 *     assessor could not run, or no assessor produces them), sorted; unknown never approves
 * @param unavailable the checks that could not run, with why ("not checked: why")
 * @param policyAction what the policy alone decided, before the floor
 * @param contentType the content type the request declared; rules for other types were not applied
 */
public record Decision(Action action, @Nullable String decidingRule, List<String> firedRules, Map<String, Double> inputs,
        String policyName, String policySha256, List<String> unknownMetrics, Map<String, String> unavailable,
        Action policyAction, ContentType contentType) {

    /** The deciding rule of a decision the fail-closed floor raised. */
    public static final String FAIL_CLOSED = "fail-closed";

    public Decision {
        firedRules = List.copyOf(firedRules);
        inputs = Map.copyOf(inputs);
        unknownMetrics = List.copyOf(unknownMetrics);
        unavailable = java.util.Collections.unmodifiableMap(new TreeMap<>(unavailable));
        java.util.Objects.requireNonNull(contentType, "contentType");
    }

    /** A decision with nothing unknown or unavailable. */
    public Decision(Action action, @Nullable String decidingRule, List<String> firedRules, Map<String, Double> inputs,
            String policyName, String policySha256) {
        this(action, decidingRule, firedRules, inputs, policyName, policySha256, List.of(), Map.of(), action,
                ContentType.GENERAL);
    }

    /** Whether the fail-closed floor, not the policy, set the action. */
    public boolean raisedByFloor() {
        return action != policyAction;
    }
}
