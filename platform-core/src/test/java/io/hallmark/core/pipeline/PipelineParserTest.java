package io.hallmark.core.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hallmark.api.InvalidRequestException;
import io.hallmark.api.Modality;
import io.hallmark.api.ParameterError;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Pipeline definitions: the shipped defaults, overrides, and every kind of mistake named by line and field. */
class PipelineParserTest {

    private final PipelineParser parser = new PipelineParser();

    private static List<String> errors(String yaml) {
        try {
            new PipelineParser().parse(yaml, "test.yaml", null);
        } catch (InvalidRequestException e) {
            assertThat(e.getMessage()).startsWith("Pipeline definition test.yaml is not valid:");
            return e.errors().stream().map(err -> err.field() + ": " + err.message()).toList();
        }
        throw new AssertionError("expected the definition to be rejected:\n" + yaml);
    }

    @Test
    void everyShippedDefaultIsValidAndEndsWithPublish() {
        for (Modality modality : Modality.values()) {
            PipelineDefinition p = PipelineDefinitions.defaults().shipped(modality);

            assertThat(p.modality()).isEqualTo(modality);
            assertThat(p.steps().getLast().kind()).isEqualTo(StepKind.PUBLISH);
            assertThat(p.first(StepKind.GENERATE)).isPresent();
        }
        PipelineDefinition text = PipelineDefinitions.defaults().shipped(Modality.TEXT);
        assertThat(text.steps()).extracting(StepDefinition::id)
                .containsExactly("screen", "plan", "generate", "check", "judge", "revise", "publish");
        assertThat(text.first(StepKind.REVISE).orElseThrow().intSetting("maxRounds", -1)).isEqualTo(2);
        assertThat(text.first(StepKind.PLAN).orElseThrow().line()).isEqualTo(6);
    }

    @Test
    void aDefinitionSurvivesTheRoundTripThroughItsStoredForm() {
        PipelineDefinition p = parser.parse("""
                name: cross-checked
                modality: TEXT
                steps:
                  - step: generate
                    id: write
                    crossCheckWith: [other, third]
                  - {step: check}
                  - {step: judge}
                  - {step: revise, maxRounds: 1, backTo: write}
                  - {step: publish}
                """, "x", Modality.TEXT);

        PipelineDefinition back = parser.fromMap(p.toMap(), "stored");

        assertThat(back.steps()).isEqualTo(p.steps().stream().map(s -> new StepDefinition(s.id(), s.kind(),
                s.settings(), 0)).toList());
        assertThat(back.first(StepKind.GENERATE).orElseThrow().listSetting("crossCheckWith"))
                .containsExactly("other", "third");
    }

    @Test
    void anUnknownStepIsNamedWithItsLineAndTheKnownKinds() {
        assertThat(errors("""
                modality: TEXT
                steps:
                  - step: generate
                  - step: chekc
                  - step: judge
                  - step: publish
                """)).containsExactly("steps[1].step: line 4: unknown step 'chekc'; expected one of "
                        + "[screen, plan, generate, selfcheck, check, judge, revise, publish]");
    }

    @Test
    void aPipelineWithoutAGeneratorIsRejected() {
        assertThat(errors("""
                modality: TEXT
                steps:
                  - step: check
                  - step: judge
                  - step: publish
                """)).singleElement().asString().contains("missing generator");
    }

    @Test
    void aBadRoundCountAnUnknownSettingAndAWrongTypeAreEachReported() {
        List<String> errors = errors("""
                modality: TEXT
                steps:
                  - step: generate
                    crossCheckWith: other
                  - step: check
                  - step: judge
                  - step: revise
                    maxRounds: 11
                    rounds: 2
                  - step: publish
                """);

        assertThat(errors).containsExactlyInAnyOrder(
                "steps[0].crossCheckWith: line 4: expected a list of plugin ids such as [other-generator], found 'other'",
                "steps[3].maxRounds: line 8: must be between 0 and 10, found 11",
                "steps[3].rounds: line 9: unknown setting of step 'revise'; expected one of [backTo, maxRounds]");
    }

    @Test
    void aSelfCheckBetweenGenerateAndCheckIsAcceptedWithItsSettings() {
        PipelineDefinition p = parser.parse("""
                modality: TEXT
                steps:
                  - step: generate
                  - step: selfcheck
                    samples: 2
                    maxClaims: 10
                    temperature: 0.9
                  - step: check
                  - step: judge
                  - step: publish
                """, "x", Modality.TEXT);

        StepDefinition selfcheck = p.first(StepKind.SELFCHECK).orElseThrow();
        assertThat(selfcheck.intSetting("samples", -1)).isEqualTo(2);
        assertThat(selfcheck.intSetting("maxClaims", -1)).isEqualTo(10);
        assertThat(selfcheck.settings()).containsEntry("temperature", 0.9);
        assertThat(parser.fromMap(p.toMap(), "stored").first(StepKind.SELFCHECK).orElseThrow().settings())
                .isEqualTo(selfcheck.settings());
    }

    @Test
    void aSelfCheckWithBadSettingsOutOfPlaceOrOnImagesIsRejectedWithTheReason() {
        assertThat(errors("""
                modality: TEXT
                steps:
                  - step: generate
                  - step: selfcheck
                    samples: 0
                    maxClaims: lots
                    temperature: 3
                    seeds: [1, 2]
                  - step: check
                  - step: judge
                  - step: publish
                """)).containsExactlyInAnyOrder(
                "steps[1].samples: line 5: must be between 1 and 10, found 0",
                "steps[1].maxClaims: line 6: expected a whole number between 1 and 200, found 'lots'",
                "steps[1].temperature: line 7: expected a number between 0 and 2, found '3'",
                "steps[1].seeds: line 8: unknown setting of step 'selfcheck'; expected one of [maxClaims, samples, "
                        + "temperature]");
        assertThat(errors("""
                modality: TEXT
                steps: [{step: selfcheck}, {step: generate}, {step: check}, {step: judge}, {step: publish}]
                """)).anySatisfy(e -> assertThat(e).contains("'generate' must come before 'selfcheck' (steps[0])"));
        assertThat(errors("""
                modality: TEXT
                steps: [{step: generate}, {step: check}, {step: selfcheck}, {step: judge}, {step: publish}]
                """)).anySatisfy(e -> assertThat(e).contains("'selfcheck' must come before 'check'"));
        assertThat(errors("""
                modality: IMAGE
                steps: [{step: generate}, {step: selfcheck}, {step: check}, {step: judge}, {step: publish}]
                """)).anySatisfy(e -> assertThat(e).contains("'selfcheck' compares the claims of texts; the IMAGE "
                        + "pipeline cannot have one"));
    }

    @Test
    void aRevisionThatJumpsForwardIsACycleThatNeverReachesPublish() {
        assertThat(errors("""
                modality: TEXT
                steps:
                  - step: generate
                  - step: check
                  - step: judge
                  - step: revise
                    backTo: revise
                  - step: publish
                """)).singleElement().asString().startsWith("steps[3].backTo: line 7: cycle: 'revise' does not come "
                        + "before 'revise'");
        assertThat(errors("""
                modality: TEXT
                steps:
                  - step: generate
                  - step: check
                  - step: judge
                  - step: revise
                    backTo: check
                  - step: publish
                """)).singleElement().asString().contains("'check' is a check step; a revision returns to 'plan' or "
                        + "'generate'");
    }

    @Test
    void orderDuplicatesAndModalityMistakesAreReported() {
        assertThat(errors("""
                modality: IMAGE
                colour: blue
                steps:
                  - step: check
                  - step: generate
                    crossCheckWith: [a]
                  - step: plan
                  - step: judge
                  - step: publish
                  - step: publish
                    id: check
                """)).containsExactlyInAnyOrder(
                        "colour: line 2: unknown field; expected [content-type, modality, name, steps]",
                        "steps[5].id: line 11: duplicate step id 'check'; give each step its own 'id'",
                        "steps[5]: line 10: a second 'publish' step; a pipeline has at most one",
                        "steps[2]: line 7: 'plan' must come before 'generate' (steps[1])",
                        "steps[1]: line 5: 'generate' must come before 'check' (steps[0])",
                        "steps[4]: line 9: 'publish' must be the last step",
                        "steps[2]: line 7: 'plan' outlines texts; the IMAGE pipeline cannot have one",
                        "steps[1].crossCheckWith: line 6: cross-checking compares texts; the IMAGE pipeline cannot "
                                + "have one");
    }

    @Test
    void brokenYamlAndAWrongModalityForTheFileAreClearErrors() {
        assertThat(errors("modality: TEXT\nsteps: [ {step: generate\n")).singleElement().asString()
                .startsWith("(file): line ").contains("not valid YAML or JSON");
        assertThatThrownBy(() -> parser.parse("""
                modality: CODE
                steps: [{step: generate}, {step: check}, {step: judge}, {step: publish}]
                """, "text.yaml", Modality.TEXT)).isInstanceOf(InvalidRequestException.class)
                .extracting(e -> ((InvalidRequestException) e).errors()).asInstanceOf(
                        org.assertj.core.api.InstanceOfAssertFactories.list(ParameterError.class))
                .extracting(ParameterError::message)
                .containsExactly("line 1: this file is the TEXT pipeline but declares CODE");
    }

    @Test
    void anOperatorsOverrideInTheDataDirectoryReplacesTheDefault(@TempDir Path dir) throws Exception {
        PipelineDefinitions definitions = new PipelineDefinitions(dir);
        assertThat(definitions.forModality(Modality.TEXT).source()).isEqualTo("classpath:/pipelines/text.yaml");

        Files.writeString(dir.resolve("text.yaml"), """
                name: no revisions
                modality: TEXT
                steps: [{step: generate}, {step: check}, {step: judge}, {step: publish}]
                """);

        PipelineDefinition p = definitions.forModality(Modality.TEXT);
        assertThat(p.name()).isEqualTo("no revisions");
        assertThat(p.first(StepKind.REVISE)).isEmpty();
        assertThat(definitions.forModality(Modality.CODE).name()).isEqualTo("code");

        Files.writeString(dir.resolve("text.yaml"), "modality: TEXT\nsteps: []\n");
        assertThatThrownBy(() -> definitions.forModality(Modality.TEXT)).isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining(dir.resolve("text.yaml").toString()).hasMessageContaining("missing or empty");
    }
}
