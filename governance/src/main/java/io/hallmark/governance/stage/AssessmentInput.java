package io.hallmark.governance.stage;

import io.hallmark.api.Modality;
import io.hallmark.api.InputDocument;
import java.util.List;
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
 * @param documents untrusted documents sent with the request beside its instruction (the prompt): data, which the
 *     injection screen reads and the other prompt screens do not
 */
public record AssessmentInput(Modality modality, String prompt, @Nullable String text, byte @Nullable [] artifact,
        String mediaType, Map<String, Object> metadata, List<InputDocument> documents) {

    public AssessmentInput {
        Objects.requireNonNull(modality, "modality");
        Objects.requireNonNull(prompt, "prompt");
        metadata = Map.copyOf(metadata);
        documents = List.copyOf(documents);
    }

    /** An input without documents. */
    public AssessmentInput(Modality modality, String prompt, @Nullable String text, byte @Nullable [] artifact,
            String mediaType, Map<String, Object> metadata) {
        this(modality, prompt, text, artifact, mediaType, metadata, List.of());
    }
}
