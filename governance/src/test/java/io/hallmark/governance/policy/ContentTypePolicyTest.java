package io.hallmark.governance.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hallmark.api.ParameterError;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Rules restricted to content types: syntax, validation, decisions, dry runs, and policies written before. */
class ContentTypePolicyTest {

    private final PolicyParser parser = new PolicyParser();
    private final PolicyEngine engine = new PolicyEngine();

    private static final String POLICY = """
            name: by-type
            rules:
              - id: unsupported-news
                content-types: [news, kb-answer]
                when: { metric: factuality, op: "<", value: 0.9 }
                action: NEEDS_REVIEW
              - id: toxic
                when: { metric: safety.toxicity, op: ">=", value: 0.8 }
                action: REJECT
            """;

    @Test
    void aRuleJudgesOnlyItsContentTypesAndEveryRuleWithoutTypesJudgesAll() {
        Policy policy = parser.parse(POLICY);
        Map<String, Double> scores = Map.of("factuality", 0.5, "safety.toxicity", 0.1);

        Decision news = engine.decide(policy, ContentType.NEWS, scores, Map.of(), Set.of(), Action.NEEDS_REVIEW);
        Decision story = engine.decide(policy, ContentType.STORY, scores, Map.of(), Set.of(), Action.NEEDS_REVIEW);
        Decision toxicStory = engine.decide(policy, ContentType.STORY, Map.of("safety.toxicity", 0.9), Map.of(),
                Set.of("factuality"), Action.NEEDS_REVIEW);

        assertThat(policy.rules().getFirst().contentTypes()).containsExactlyInAnyOrder(ContentType.NEWS,
                ContentType.KB_ANSWER);
        assertThat(news.action()).isEqualTo(Action.NEEDS_REVIEW);
        assertThat(news.decidingRule()).isEqualTo("unsupported-news");
        assertThat(news.contentType()).isEqualTo(ContentType.NEWS);
        assertThat(story.action()).isEqualTo(Action.APPROVE);
        assertThat(story.firedRules()).isEmpty();
        assertThat(story.contentType()).isEqualTo(ContentType.STORY);
        assertThat(toxicStory.decidingRule()).isEqualTo("toxic");
    }

    @Test
    void aRuleForOtherTypesNeedsNoneOfItsMetrics() {
        Policy policy = parser.parse(POLICY);

        // a story's factuality is never unknown to a rule that does not judge stories
        Decision story = engine.decide(policy, ContentType.STORY, Map.of("safety.toxicity", 0.1), Map.of(), Set.of(),
                Action.NEEDS_REVIEW);
        Decision news = engine.decide(policy, ContentType.NEWS, Map.of("safety.toxicity", 0.1), Map.of(), Set.of(),
                Action.NEEDS_REVIEW);

        assertThat(story.unknownMetrics()).isEmpty();
        assertThat(story.action()).isEqualTo(Action.APPROVE);
        assertThat(news.unknownMetrics()).containsExactly("factuality");
        assertThat(news.action()).isEqualTo(Action.NEEDS_REVIEW);
    }

    @Test
    void unknownOrEmptyContentTypesAreReportedWithTheirPath() {
        String broken = """
                name: broken
                rules:
                  - id: a
                    content-types: [news, poem]
                    when: { metric: factuality, op: "<", value: 0.5 }
                    action: NEEDS_REVIEW
                  - id: b
                    content-types: []
                    when: { metric: factuality, op: "<", value: 0.5 }
                    action: NEEDS_REVIEW
                  - id: c
                    content-types: story
                    when: { metric: factuality, op: "<", value: 0.5 }
                    action: NEEDS_REVIEW
                """;

        assertThatThrownBy(() -> parser.parse(broken)).isInstanceOfSatisfying(PolicyValidationException.class, e ->
                assertThat(e.errors()).extracting(ParameterError::field).containsExactly(
                        "rules[0].content-types[1]", "rules[1].content-types", "rules[2].content-types"))
                .hasMessageContaining("unknown content type 'poem'")
                .hasMessageContaining("[story, news, code, kb-answer, general]");
    }

    @Test
    void aPolicyWrittenBeforeContentTypesLoadsAndJudgesEveryType() {
        Policy old = parser.parse("""
                name: old
                rules:
                  - id: low-factuality
                    when: { metric: factuality, op: "<", value: 0.5 }
                    action: NEEDS_REVIEW
                """);

        for (ContentType type : ContentType.values()) {
            Decision d = engine.decide(old, type, Map.of("factuality", 0.2), Map.of(), Set.of(), Action.NEEDS_REVIEW);
            assertThat(d.decidingRule()).as(type.id()).isEqualTo("low-factuality");
        }
        assertThat(old.rules().getFirst().contentTypes()).isEmpty();
        assertThat(engine.decide(old, Map.of("factuality", 0.2)).contentType()).isEqualTo(ContentType.GENERAL);
    }

    @Test
    void aDryRunJudgesEachStoredDecisionAsItsContentType() {
        Policy draft = parser.parse(POLICY);
        List<PolicyEngine.Change> changes = engine.dryRun(draft, List.of(
                new PolicyEngine.Case("story", Map.of("factuality", 0.5, "safety.toxicity", 0.0), Action.APPROVE,
                        Map.of(), Set.of(), ContentType.STORY),
                new PolicyEngine.Case("news", Map.of("factuality", 0.5, "safety.toxicity", 0.0), Action.APPROVE,
                        Map.of(), Set.of(), ContentType.NEWS),
                new PolicyEngine.Case("old record", Map.of("factuality", 0.5, "safety.toxicity", 0.0),
                        Action.APPROVE)));

        assertThat(changes).extracting(PolicyEngine.Change::id).containsExactly("news");
        assertThat(changes.getFirst().decidingRule()).isEqualTo("unsupported-news");
    }

    @Test
    void theDefaultPolicyDoesNotHoldStoriesToTheFactsButHoldsKnowledgeBaseAnswersCloser() {
        Policy policy = DefaultPolicy.load();
        Map<String, Double> scores = Map.of("claims.total", 4.0, "claims.refuted", 1.0, "factuality", 0.25);
        Map<String, Double> mostlySupported = Map.of("claims.total", 4.0, "claims.refuted", 0.0, "factuality", 0.75);

        assertThat(engine.decide(policy, ContentType.GENERAL, scores, Map.of(), Set.of(), Action.APPROVE).action())
                .isEqualTo(Action.NEEDS_REVIEW);
        assertThat(engine.decide(policy, ContentType.STORY, scores, Map.of(), Set.of(), Action.APPROVE).action())
                .isEqualTo(Action.APPROVE);
        assertThat(engine.decide(policy, ContentType.GENERAL, mostlySupported, Map.of(), Set.of(), Action.APPROVE)
                .action()).isEqualTo(Action.APPROVE);
        assertThat(engine.decide(policy, ContentType.KB_ANSWER, mostlySupported, Map.of(), Set.of(), Action.APPROVE)
                .decidingRule()).isEqualTo("ungrounded-answer");
    }

    @Test
    void contentTypeNamesParseLooselyAndRefuseUnknownOnesByName() {
        assertThat(ContentType.parse("KB_Answer")).isEqualTo(ContentType.KB_ANSWER);
        assertThat(ContentType.parse(" story ")).isEqualTo(ContentType.STORY);
        assertThatThrownBy(() -> ContentType.parse("poem")).hasMessageContaining("'poem'")
                .hasMessageContaining("kb-answer");
    }
}
