package com.example.hallmark.markov;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hallmark.api.ContentGenerator;
import io.hallmark.api.GeneratedContent;
import io.hallmark.api.GenerationFailedException;
import io.hallmark.api.GenerationRequest;
import io.hallmark.api.Modality;
import io.hallmark.testkit.ContentGeneratorContract;
import io.hallmark.testkit.RecordingContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The SDK contract, plus what is particular to this generator. */
class MarkovGeneratorTest extends ContentGeneratorContract {

    @TempDir
    Path models;

    @Override
    protected ContentGenerator generator() {
        return new MarkovGenerator();
    }

    @Override
    protected GenerationRequest validRequest() {
        return GenerationRequest.of(Modality.TEXT, "The keeper").withParameters(Map.of("maxWords", 25));
    }

    @Override
    protected RecordingContext newContext() {
        return RecordingContext.withModels(models);
    }

    @Test
    void writesTheRequestedNumberOfWordsFromTheBuiltInCorpus() {
        GeneratedContent content = generate(validRequest().withSeed(7L), newContext());

        assertThat(content.text().split(" ")).hasSize(25);
        assertThat(content.model().id()).isEqualTo("markov-builtin-corpus");
        assertThat(content.usage().outputTokens()).isEqualTo(25);
        assertThat(content.metadata()).containsEntry("order", 2);
    }

    @Test
    void learnsFromACorpusLeasedFromTheModelDirectory() throws Exception {
        Files.writeString(models.resolve("tiny.txt"), "red fish blue fish red fish blue fish red fish blue fish.");
        RecordingContext context = newContext();

        GeneratedContent content = generate(validRequest().withParameters(Map.of("corpus", "tiny.txt", "maxWords", 8,
                "order", 1)), context);

        assertThat(content.text().split(" ")).allMatch(w -> w.matches("red|fish|blue|fish\\."));
        assertThat(content.model().id()).isEqualTo("tiny.txt");
        assertThat(context.openLeases()).isZero();
    }

    @Test
    void aMissingCorpusFailsNamingIt() {
        assertThatThrownBy(() -> generate(validRequest().withParameters(Map.of("corpus", "nowhere.txt")), newContext()))
                .isInstanceOf(GenerationFailedException.class)
                .hasMessageContaining("nowhere.txt");
    }

    @Test
    void respectsTheAdministratorsWordCap() {
        RecordingContext capped = newContext().withConfig(Map.of("maxWordsCap", "5"));

        assertThat(generate(validRequest(), capped).text().split(" ")).hasSize(5);
    }
}
