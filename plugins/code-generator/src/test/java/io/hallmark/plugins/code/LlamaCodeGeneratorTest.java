package io.hallmark.plugins.code;

import static org.assertj.core.api.Assertions.assertThat;

import io.hallmark.api.ContentGenerator;
import io.hallmark.api.GeneratedContent;
import io.hallmark.api.GenerationRequest;
import io.hallmark.api.Modality;
import io.hallmark.testkit.ContentGeneratorContract;
import io.hallmark.testkit.RecordingContext;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The mechanics on stories260k (no code model is available offline): the contract, metadata and findings. */
class LlamaCodeGeneratorTest extends ContentGeneratorContract {

    static {
        if (System.getProperty("DJL_CACHE_DIR") == null) {
            System.setProperty("DJL_CACHE_DIR", Path.of(System.getProperty("hallmark.test.cache.dir", "target/test-cache"), "djl")
                    .toAbsolutePath().toString());
        }
        if (System.getProperty("ai.djl.pytorch.num_threads") == null) {
            System.setProperty("ai.djl.pytorch.num_threads", "1");
        }
    }

    @Override
    protected ContentGenerator generator() {
        return new LlamaCodeGenerator();
    }

    @Override
    protected GenerationRequest validRequest() {
        return new GenerationRequest(Modality.CODE, "print the numbers from one to ten", Map.of("maxTokens", 24), null);
    }

    @Override
    protected RecordingContext newContext() {
        return RecordingContext.withModels(Path.of(System.getProperty("hallmark.shared.dir", "../../../shared"))
                .resolve("models").toAbsolutePath().normalize());
    }

    @Test
    void theContentCarriesTheLanguageSyntaxCheckAndFindingsForReview() {
        GeneratedContent content = generate(new GenerationRequest(Modality.CODE, "Once upon a time",
                Map.of("maxTokens", 20, "temperature", 0, "language", "java"), 3L), newContext());
        assertThat(content.mediaType()).isEqualTo("text/x-java");
        assertThat(content.metadata()).containsEntry("language", "java").containsKeys("extractedCode", "findings", "syntax");
        @SuppressWarnings("unchecked")
        Map<String, Object> syntax = (Map<String, Object>) content.metadata().get("syntax");
        assertThat(syntax).containsEntry("checked", true).containsKey("valid");
        assertThat(content.model()).isNotNull();
    }
}
