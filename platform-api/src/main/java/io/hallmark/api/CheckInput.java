package io.hallmark.api;

import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The content a governance check looks at, with its context.
 *
 * @param modality the content's modality
 * @param prompt the prompt that produced it
 * @param text the text (for text and code), or a caption or description of a binary artifact, or {@code null}
 * @param artifact the binary artifact, or {@code null}
 * @param mediaType the content's media type
 * @param metadata the generator's metadata and earlier findings that a check may use
 */
public record CheckInput(
        Modality modality,
        String prompt,
        @Nullable String text,
        byte @Nullable [] artifact,
        String mediaType,
        Map<String, Object> metadata) {

    public CheckInput {
        Objects.requireNonNull(modality, "modality");
        Objects.requireNonNull(prompt, "prompt");
        Objects.requireNonNull(mediaType, "mediaType");
        metadata = Map.copyOf(metadata);
    }

    /** The input for a generated piece of content. */
    public static CheckInput of(GenerationRequest request, GeneratedContent content) {
        return new CheckInput(content.modality(), request.prompt(), content.text(), content.artifact(),
                content.mediaType(), content.metadata());
    }
}
