package io.hallmark.governance.safety.guard;

import java.util.List;
import java.util.Objects;

/**
 * What the guard said about one input.
 *
 * @param label its verdict as the model wrote it, lower-case: {@code safe}, {@code unsafe} or (Qwen3Guard)
 *     {@code controversial}
 * @param flagged whether the verdict flags the input ({@code unsafe}, and {@code controversial}: a guard that is not
 *     sure does not let an input through)
 * @param categories the categories it named, spelled out (Llama Guard 3's {@code S1} as {@code S1 Violent Crimes});
 *     empty when it named none
 */
public record GuardVerdict(String label, boolean flagged, List<String> categories) {

    public GuardVerdict {
        Objects.requireNonNull(label, "label");
        categories = List.copyOf(categories);
    }
}
