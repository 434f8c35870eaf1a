package io.hallmark.governance.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hallmark.api.Modality;
import io.hallmark.api.ParameterError;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class PolicyTest {

    private final PolicyParser parser = new PolicyParser();
    private final PolicyEngine engine = new PolicyEngine();

    @Test
    void theDefaultPolicyParsesAndCoversEveryModality() {
        Policy policy = DefaultPolicy.load();

        assertThat(policy.name()).isEqualTo("default");
        assertThat(policy.modalities()).containsExactlyInAnyOrder(Modality.values());
        assertThat(policy.rules()).extracting(Rule::id).contains("refuted-claims", "unsafe-request", "personal-data");
        assertThat(policy.sha256()).hasSize(64);
    }

    @Test
    void theMostSevereFiredRuleDecidesAndEveryInputIsRecorded() {
        Policy policy = DefaultPolicy.load();
        Map<String, Double> scores = Map.of("claims.refuted", 2.0, "pii.output", 1.0, "claims.total", 4.0,
                "factuality", 0.25);

        Decision decision = engine.decide(policy, scores);

        assertThat(decision.action()).isEqualTo(Action.NEEDS_REVIEW);
        assertThat(decision.decidingRule()).isEqualTo("low-factuality");
        assertThat(decision.firedRules()).containsExactly("refuted-claims", "low-factuality", "personal-data");
        assertThat(decision.inputs()).isEqualTo(scores);
        assertThat(decision.policySha256()).isEqualTo(policy.sha256());
    }

    @Test
    void withNoRuleFiringTheDefaultApplies() {
        Decision decision = engine.decide(DefaultPolicy.load(), Map.of("factuality", 1.0, "claims.refuted", 0.0));

        assertThat(decision.action()).isEqualTo(Action.APPROVE);
        assertThat(decision.decidingRule()).isNull();
        assertThat(decision.firedRules()).isEmpty();
    }

    @Test
    void everyProblemIsReportedWithItsLocation() {
        String broken = """
                name: Bad Name
                colour: blue
                default: MAYBE
                rules:
                  - id: a
                    when: { metric: factualty, op: "<", value: 0.5 }
                    action: REJECT
                  - id: a
                    when: { metric: factuality, op: "=>", value: high }
                  - id: b
                    when: { any: [] }
                    action: APPROVE
                """;

        assertThatThrownBy(() -> parser.parse(broken))
                .isInstanceOf(PolicyValidationException.class)
                .satisfies(e -> assertThat(((PolicyValidationException) e).errors()).extracting(ParameterError::field)
                        .contains("name", "colour", "default", "rules[0].when.metric", "rules[1].when.op",
                                "rules[1].when.value", "rules[1].action", "rules[2].when.any"))
                .hasMessageContaining("unknown metric 'factualty'; known: [")
                .hasMessageContaining("unknown operator '=>'; expected one of <, <=, >, >=, ==, !=")
                .hasMessageContaining("unknown action 'MAYBE'");
    }

    @Test
    void malformedYamlSaysWhere() {
        assertThatThrownBy(() -> parser.parse("name: x\nrules: [\n  - {id: a"))
                .isInstanceOf(PolicyValidationException.class)
                .hasMessageContaining("not valid YAML or JSON at line");
    }

    @Test
    void jsonPoliciesWorkToo() {
        Policy policy = parser.parse("""
                {"name": "strict", "modalities": ["TEXT"], "default": "NEEDS_REVIEW",
                 "rules": [{"id": "clean", "when": {"not": {"metric": "claims.refuted", "op": ">", "value": 0}},
                            "action": "APPROVE"}]}
                """);

        assertThat(engine.decide(policy, Map.of("claims.refuted", 0.0)).action()).isEqualTo(Action.APPROVE);
        assertThat(engine.decide(policy, Map.of("claims.refuted", 2.0)).action()).isEqualTo(Action.NEEDS_REVIEW);
        assertThat(engine.decide(policy, Map.of()).action())
                .as("a missing score is unknown, and not(unknown) does not fire").isEqualTo(Action.NEEDS_REVIEW);
    }

    @Test
    void aDryRunShowsWhichDecisionsADraftWouldChange() {
        Policy draft = parser.parse("""
                name: stricter
                rules:
                  - id: any-refuted
                    when: { metric: claims.refuted, op: ">=", value: 1 }
                    action: REJECT
                """);
        List<PolicyEngine.Case> cases = List.of(
                new PolicyEngine.Case("c1", Map.of("claims.refuted", 1.0), Action.REVISE),
                new PolicyEngine.Case("c2", Map.of("claims.refuted", 0.0), Action.APPROVE));

        assertThat(engine.dryRun(draft, cases)).containsExactly(
                new PolicyEngine.Change("c1", Action.REVISE, Action.REJECT, "any-refuted"));
    }

    @Test
    void noDraftApprovesADecisionWhoseChecksCouldNotRun() {
        Policy lenient = parser.parse("name: lenient\ndefault: APPROVE\nrules: []\n");
        List<PolicyEngine.Case> cases = List.of(
                new PolicyEngine.Case("unchecked", Map.of("checks.unavailable", 1.0), Action.NEEDS_REVIEW,
                        Map.of("safety", "not trained"), java.util.Set.of()),
                new PolicyEngine.Case("checked", Map.of("checks.unavailable", 0.0), Action.NEEDS_REVIEW));

        assertThat(engine.dryRun(lenient, cases)).containsExactly(
                new PolicyEngine.Change("checked", Action.NEEDS_REVIEW, Action.APPROVE, "(default)"));
    }

    @Property(tries = 300)
    void theDecisionIsTheMostSevereActionOfTheFiredRules(@ForAll("rules") List<Rule> rules,
            @ForAll("scores") Map<String, Double> scores) {
        Policy policy = new Policy("p", "", java.util.Set.of(Modality.TEXT), "default", rules, Action.APPROVE, "x");

        Decision decision = engine.decide(policy, scores);

        Action expected = rules.stream().filter(r -> r.when().test(scores)).map(Rule::action)
                .max(Enum::compareTo).orElse(Action.APPROVE);
        assertThat(decision.action()).isEqualTo(expected);
    }

    @Property(tries = 300)
    void addingARuleNeverMakesADecisionMilder(@ForAll("rules") List<Rule> rules, @ForAll("rules") List<Rule> more,
            @ForAll("scores") Map<String, Double> scores) {
        List<Rule> extended = new ArrayList<>(rules);
        for (Rule r : more) {
            extended.add(new Rule(r.id() + "-more", r.description(), r.when(), r.action()));
        }
        Policy base = new Policy("p", "", java.util.Set.of(Modality.TEXT), "default", rules, Action.APPROVE, "x");
        Policy bigger = new Policy("p", "", java.util.Set.of(Modality.TEXT), "default", extended, Action.APPROVE, "x");

        assertThat(engine.decide(bigger, scores).action().compareTo(engine.decide(base, scores).action()))
                .isGreaterThanOrEqualTo(0);
    }

    @Provide
    Arbitrary<List<Rule>> rules() {
        Arbitrary<String> metric = Arbitraries.of("factuality", "claims.refuted", "bias.max", "safety.toxicity");
        Arbitrary<Condition> compare = net.jqwik.api.Combinators.combine(metric, Arbitraries.of(Operator.values()),
                Arbitraries.doubles().between(0, 3)).as(Condition.Compare::new);
        return net.jqwik.api.Combinators.combine(compare, Arbitraries.of(Action.values()), Arbitraries.integers().between(0, 1_000_000))
                .as((c, a, n) -> new Rule("r" + n, "", c, a)).list().ofMaxSize(6).uniqueElements(Rule::id);
    }

    @Provide
    Arbitrary<Map<String, Double>> scores() {
        return Arbitraries.maps(Arbitraries.of("factuality", "claims.refuted", "bias.max", "safety.toxicity"),
                Arbitraries.doubles().between(0, 3)).ofMaxSize(4).map(HashMap::new);
    }
}
