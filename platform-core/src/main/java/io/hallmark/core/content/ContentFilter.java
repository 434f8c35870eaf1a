package io.hallmark.core.content;

import io.hallmark.api.Modality;
import io.hallmark.core.persistence.ContentStatus;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * Which items a content search returns; every part is optional and all given parts must match.
 *
 * @param text words that must occur in the prompt or the text (case-insensitive, taken literally)
 */
public record ContentFilter(@Nullable ContentStatus status, @Nullable Modality modality, @Nullable String pluginId,
        @Nullable String text, @Nullable Instant from, @Nullable Instant to) {

    public static final ContentFilter ALL = new ContentFilter(null, null, null, null, null, null);

    public ContentFilter {
        if (text != null && text.length() > 500) {
            throw io.hallmark.api.InvalidRequestException.of("q", "The text query may have at most 500 characters");
        }
    }
}
