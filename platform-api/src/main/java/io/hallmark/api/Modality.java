package io.hallmark.api;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The kinds of content Hallmark generates and governs. */
public enum Modality {
    /** Natural-language text. */
    TEXT,
    /** Source code in a programming language. */
    CODE,
    /** A still image. */
    IMAGE,
    /** A short video clip. */
    VIDEO;

    /**
     * Parses a modality name case-insensitively.
     *
     * @throws IllegalArgumentException naming the valid choices when {@code name} is not one of them
     */
    public static Modality parse(String name) {
        for (Modality modality : values()) {
            if (modality.name().equalsIgnoreCase(name.trim())) {
                return modality;
            }
        }
        throw new IllegalArgumentException("Unknown modality '" + name + "'; expected one of " + choices());
    }

    /** The valid names in lower case, for messages and help texts, e.g. {@code text|code|image|video}. */
    public static String choices() {
        return Arrays.stream(values()).map(m -> m.name().toLowerCase(Locale.ROOT)).collect(Collectors.joining("|"));
    }
}
