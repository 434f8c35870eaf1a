package io.hallmark.governance.policy;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * What a piece of content is meant to be, as the request (or its pipeline) declares it; policy rules may apply to
 * some content types only ({@code content-types: [news, kb-answer]}). A story is not held to the factual standard of
 * news. Requests that declare nothing are {@link #GENERAL}.
 */
public enum ContentType {
    /** Fiction: narrative, dialogue, children's stories. */
    STORY("story"),
    /** Reporting about the world. */
    NEWS("news"),
    /** Source code. */
    CODE("code"),
    /** An answer grounded in the knowledge base. */
    KB_ANSWER("kb-answer"),
    /** Anything else; the default. */
    GENERAL("general");

    private final String id;

    ContentType(String id) {
        this.id = id;
    }

    /** The name requests, policies and records use ({@code story}, {@code kb-answer}, ...). */
    public String id() {
        return id;
    }

    /** Every accepted name, in declaration order. */
    public static List<String> choices() {
        return Arrays.stream(values()).map(ContentType::id).toList();
    }

    /**
     * The content type with this name (case-insensitive; {@code kb_answer} is read as {@code kb-answer}).
     *
     * @throws IllegalArgumentException naming the accepted values when {@code name} is not one
     */
    public static ContentType parse(String name) {
        String wanted = name == null ? "" : name.strip().toLowerCase(Locale.ROOT).replace('_', '-');
        for (ContentType t : values()) {
            if (t.id.equals(wanted)) {
                return t;
            }
        }
        throw new IllegalArgumentException("unknown content type '" + name + "'; expected one of " + choices());
    }

    @Override
    public String toString() {
        return id;
    }
}
