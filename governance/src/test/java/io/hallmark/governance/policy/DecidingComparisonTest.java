package io.hallmark.governance.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class DecidingComparisonTest {

    private final PolicyEngine engine = new PolicyEngine();

    @Test
    void theDecidingRulesComparisonsCarryTheThresholdAndTheScoreSeen() {
        Policy policy = DefaultPolicy.load();
        Decision decision = engine.decide(policy, Map.of("claims.refuted", 2.0, "claims.total", 4.0,
                "factuality", 0.25));

        assertThat(decision.decidingRule()).isEqualTo("low-factuality");
        assertThat(DecidingComparison.of(policy, decision)).isNotEmpty().allSatisfy(c -> {
            assertThat(c.rule()).isEqualTo("low-factuality");
            assertThat(c.value()).isEqualTo(decision.inputs().get(c.metric()));
        }).anySatisfy(c -> {
            assertThat(c.metric()).isEqualTo("factuality");
            assertThat(c.value()).isEqualTo(0.25);
            assertThat(c.holds()).isTrue();
        });
    }

    @Test
    void nestedConditionsListEveryComparisonAndSayWhichHeld() {
        Policy policy = new PolicyParser().parse("""
                name: nested
                default: APPROVE
                rules:
                  - id: doubtful
                    when: { any: [ { metric: claims.refuted, op: ">=", value: 1 },
                                   { not: { metric: factuality, op: ">", value: 0.5 } } ] }
                    action: NEEDS_REVIEW
                """);
        Decision decision = engine.decide(policy, Map.of("claims.refuted", 0.0, "factuality", 0.3));

        assertThat(DecidingComparison.of(policy, decision)).containsExactly(
                new DecidingComparison("doubtful", "claims.refuted", ">=", 1, 0.0, false),
                new DecidingComparison("doubtful", "factuality", ">", 0.5, 0.3, false));
        assertThat(DecidingComparison.of(policy, engine.decide(policy, Map.of("claims.refuted", 0.0, "factuality", 0.9))))
                .as("the default decided").isEmpty();
    }
}
