package io.hallmark.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.hallmark.api.Capability;
import io.hallmark.api.ContentGenerator;
import io.hallmark.api.GeneratedContent;
import io.hallmark.api.GenerationCancelledException;
import io.hallmark.api.GenerationRequest;
import io.hallmark.api.GeneratorInfo;
import io.hallmark.api.InvalidRequestException;
import io.hallmark.api.Modality;
import io.hallmark.api.ParameterSpec;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The contract every {@link ContentGenerator} must keep. Extend it in your plugin's tests and supply the
 * generator and a valid request; the tests that depend on a capability run only when the generator declares it.
 *
 * <pre>{@code
 * class PoemGeneratorTest extends ContentGeneratorContract {
 *     protected ContentGenerator generator() { return new PoemGenerator(); }
 *     protected GenerationRequest validRequest() { return GenerationRequest.of(Modality.TEXT, "the sea"); }
 * }
 * }</pre>
 */
public abstract class ContentGeneratorContract {

    /** A fresh generator under test. */
    protected abstract ContentGenerator generator();

    /** A request the generator must fulfil (parameters may be left out to use the defaults). */
    protected abstract GenerationRequest validRequest();

    /** The context calls run with; override to give the generator models or settings. */
    protected RecordingContext newContext() {
        return RecordingContext.create();
    }

    /** Validates the request's parameters as the host does, then generates. */
    protected GeneratedContent generate(GenerationRequest request, RecordingContext context) {
        ContentGenerator generator = generator();
        GenerationRequest validated = request.withParameters(generator.info().validate(request.parameters()));
        return generator.generate(validated, context);
    }

    @Test
    void declaresAUsableDescription() {
        GeneratorInfo info = generator().info();

        assertThat(info.name()).as("name").isNotBlank();
        assertThat(info.description()).as("description").isNotBlank();
        assertThat(info.modality()).isEqualTo(validRequest().modality());
        for (ParameterSpec spec : info.parameters()) {
            assertThat(spec.description()).as("description of parameter %s", spec.name()).isNotBlank();
        }
    }

    @Test
    void generatesContentOfItsModality() {
        RecordingContext context = newContext();
        GeneratedContent content = generate(validRequest(), context);

        assertThat(content).isNotNull();
        assertThat(content.modality()).isEqualTo(generator().info().modality());
        assertThat(content.sha256()).hasSize(64);
        if (content.modality() == Modality.TEXT || content.modality() == Modality.CODE) {
            assertThat(content.text()).isNotBlank();
        } else {
            assertThat(content.artifact()).isNotEmpty();
        }
        if (!generator().info().models().isEmpty()) {
            assertThat(content.model()).as("a generator that uses models reports which one").isNotNull();
        }
        assertThat(context.openLeases()).as("model leases are closed after the call").isZero();
    }

    @Test
    void rejectsUnknownParametersNamingTheSupportedOnes() {
        Map<String, Object> parameters = new HashMap<>(validRequest().parameters());
        parameters.put("noSuchParameter", 1);

        assertThatThrownBy(() -> generator().info().validate(parameters))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("noSuchParameter")
                .hasMessageContaining("supported");
    }

    @Test
    void theSameSeedGivesTheSameContent() {
        assumeTrue(generator().info().has(Capability.DETERMINISTIC_SEED), "declares DETERMINISTIC_SEED");
        GenerationRequest seeded = validRequest().withSeed(42L);

        GeneratedContent first = generate(seeded, newContext());
        GeneratedContent second = generate(seeded, newContext());

        assertThat(second.sha256()).isEqualTo(first.sha256());
        assertThat(first.seed()).isEqualTo(42L);
    }

    @Test
    void streamedPiecesAddUpToTheText() {
        assumeTrue(generator().info().has(Capability.STREAMING), "declares STREAMING");
        RecordingContext context = newContext();

        GeneratedContent content = generate(validRequest(), context);

        assertThat(context.streamed()).isNotEmpty();
        assertThat(String.join("", context.streamed())).isEqualTo(content.text());
    }

    @Test
    void reportsProgressUpToCompletion() {
        assumeTrue(generator().info().has(Capability.PROGRESS), "declares PROGRESS");
        RecordingContext context = newContext();

        generate(validRequest(), context);

        assertThat(context.progressReports()).isNotEmpty();
        assertThat(context.progressReports()).allSatisfy(p -> assertThat(p.fraction()).isBetween(0.0, 1.0));
    }

    @Test
    void stopsWhenCancelled() {
        assumeTrue(generator().info().has(Capability.CANCELLATION), "declares CANCELLATION");
        RecordingContext context = newContext();
        context.cancel();

        assertThatThrownBy(() -> generate(validRequest(), context)).isInstanceOf(GenerationCancelledException.class);
    }
}
