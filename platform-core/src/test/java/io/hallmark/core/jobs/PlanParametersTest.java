package io.hallmark.core.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hallmark.api.InvalidRequestException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The pipeline's own request parameters ({@code words}, {@code sections}) are taken out of the generator's. */
class PlanParametersTest {

    @Test
    void wordsAndSectionsLeaveTheGeneratorsParametersAndBecomeThePlan() {
        Map<String, Object> parameters = new LinkedHashMap<>(Map.of("words", 900, "sections", List.of("A", "B"),
                "temperature", 0.5));

        Map<String, Object> plan = GenerationService.planParameters(parameters);

        assertThat(plan).containsEntry("words", 900).containsEntry("sections", List.of("A", "B"));
        assertThat(parameters).containsOnlyKeys("temperature");
    }

    @Test
    void badValuesNameTheParameterAndWhatIsExpected() {
        assertThatThrownBy(() -> GenerationService.planParameters(new LinkedHashMap<>(Map.of("words", 2.5))))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessage("'words' must be a whole number from 1 to 100000, found '2.5'");
        assertThatThrownBy(() -> GenerationService.planParameters(new LinkedHashMap<>(Map.of("sections", 51))))
                .hasMessageStartingWith("'sections' must be a count from 1 to 50 or a list of up to 50 section titles");
        assertThatThrownBy(() -> GenerationService.planParameters(new LinkedHashMap<>(Map.of("sections",
                List.of("ok", " "))))).isInstanceOf(InvalidRequestException.class);
        assertThat(GenerationService.planParameters(new LinkedHashMap<>(Map.of("sections", 3.0))))
                .containsEntry("sections", 3);
    }
}
