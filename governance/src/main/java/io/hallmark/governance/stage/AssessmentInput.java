package io.hallmark.governance.stage;

import io.hallmark.api.Modality;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What the governance stage looks at.
 *
 * @param modality the content's modality
 * @param prompt the prompt
 * @param text the generated text (text and code), or a caption of an image or video, or {@code null}
 * @param artifact the binary artifact, or {@code null}
 * @param mediaType the content's media type
 * @param metadata the generator's metadata
 */
public record AssessmentInput(Modality modality, String prompt, @Nullable String text, byte @Nullable [] artifact,
        String mediaType, Map<String, Object> metadata) {

    public AssessmentInput {
        Objects.requireNonNull(modality, "modality");
        Objects.requireNonNull(prompt, "prompt");
        metadata = Map.copyOf(metadata);
    }
}
