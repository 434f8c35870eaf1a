package io.hallmark.governance.policy;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The scores the governance stage produces, by the names policies use. A policy that names anything else is
 * refused, so a typo cannot silently disable a rule.
 */
public final class Metrics {

    /** The bias axes scored for every text. */
    public static final Set<String> BIAS_AXES = Set.of("gender", "race_ethnicity", "religion", "age", "disability",
            "nationality", "sexual_orientation", "socioeconomic", "physical_appearance");

    private static final Map<String, String> KNOWN = known();

    private Metrics() {}

    private static Map<String, String> known() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("factuality", "share of checkable claims supported by evidence, 0..1");
        m.put("claims.total", "checkable claims found");
        m.put("claims.refuted", "claims the verifiers refuted");
        m.put("claims.unverified", "claims without enough evidence either way");
        m.put("verifiers.disagreement", "1 - agreement between verifiers (Fleiss' kappa scaled), 0..1");
        m.put("selfcheck.instability", "how much claims change across resampled generations, 0..1");
        m.put("bias.max", "the highest bias score over all axes, 0..1");
        for (String axis : BIAS_AXES) {
            m.put("bias." + axis, "bias score on the " + axis.replace('_', ' ') + " axis, 0..1");
        }
        m.put("safety.injection", "prompt-injection likelihood of the prompt, 0..1");
        m.put("safety.jailbreak", "jailbreak likelihood of the prompt, 0..1");
        m.put("safety.harmful", "harmful-request likelihood of the prompt, 0..1");
        m.put("safety.toxicity", "toxicity of the output, 0..1");
        m.put("safety.guard", "1 when the optional guard model (guard-* settings) flags an input it read, else 0");
        m.put("pii.prompt", "pieces of personal data in the prompt");
        m.put("pii.output", "pieces of personal data in the output");
        m.put("code.findings.high", "high-severity code findings (secrets, command execution, ...)");
        m.put("code.findings.medium", "medium-severity code findings");
        m.put("code.syntax_errors", "syntax errors in generated code");
        m.put("checks.failed", "governance checks that failed: plugin checks whose outcome was FAIL, plus every check "
                + "that could not run");
        m.put("checks.unavailable", "checks that could not run (model training or missing, no knowledge base, error, "
                + "timeout); any makes the decision fail closed");
        return Map.copyOf(m);
    }

    /** Every metric name with a one-line description. */
    public static Map<String, String> known(boolean sorted) {
        return sorted ? new java.util.TreeMap<>(KNOWN) : KNOWN;
    }

    public static boolean isKnown(String name) {
        return KNOWN.containsKey(name);
    }
}
