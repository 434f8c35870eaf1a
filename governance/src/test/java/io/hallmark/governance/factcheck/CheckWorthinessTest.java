package io.hallmark.governance.factcheck;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.hallmark.governance.factcheck.eval.CheckWorthinessEvaluation;
import io.hallmark.governance.testing.TestData;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CheckWorthinessTest {

    private final ClaimExtractor extractor = new ClaimExtractor();

    @Test
    void storySentencesAreNotClaims() {
        String story = "Once upon a time, there was a little dog named Spot. Spot put a big bow on his head. "
                + "He was happy. He liked to slide in the field.";
        assertThat(extractor.extract(story)).isEmpty();
    }

    @Test
    void statementsAboutTheWorldAreClaims() {
        assertThat(extractor.extract("Paris is the capital of France. The polar bear population has been growing. "
                + "Mount Everest is 8,849 metres high.")).hasSize(3);
    }

    @Test
    void dialogueIsNotAClaim() {
        assertThat(CheckWorthiness.checkWorthy("You are all resolved rather to die than to famish.", Set.of()))
                .isFalse();
        assertThat(CheckWorthiness.checkWorthy("I told you we would be late.", Set.of())).isFalse();
    }

    @Test
    void storyCharactersAreNotEntities() {
        Set<String> characters = CheckWorthiness.characters("There was a girl named Lily and a cat called Tom.");
        assertThat(characters).containsExactlyInAnyOrder("Lily", "Tom");
        assertThat(CheckWorthiness.checkWorthy("Lily met Tom at the station.", characters)).isFalse();
        assertThat(CheckWorthiness.checkWorthy("Lily met Tom at the station.", Set.of())).isTrue();
    }

    @Test
    void cuesExplainTheScore() {
        List<CheckWorthiness.Cue> cues = CheckWorthiness.cues("He was happy.", Set.of());
        assertThat(cues).extracting(CheckWorthiness.Cue::name).contains("narrative-words", "character-past-action");
        assertThat(CheckWorthiness.score("He was happy.", Set.of())).isLessThan(CheckWorthiness.THRESHOLD);
    }

    /** The dev figures of the check-worthiness set (printed; docs/evaluation/factcheck.md records them). */
    @Test
    void devSetSeparatesClaimsFromStoriesAndDialogue() throws Exception {
        CheckWorthinessEvaluation evaluation = new CheckWorthinessEvaluation(extractor);
        Map<String, Object> figures = evaluation.evaluate(evaluation.items(TestData.eval(), "dev"));
        System.out.println("check-worthiness dev: " + new ObjectMapper().writeValueAsString(figures));
        assertThat((double) figures.get("precision")).isGreaterThan(0.9);
        assertThat((double) figures.get("recall")).isGreaterThan(0.8);
    }
}
