package io.hallmark.core.pipeline;

import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The kinds of step a pipeline may declare, each with the settings it accepts (any other setting is an error).
 * Every kind also accepts {@code id} (default: the kind) and {@code description}.
 */
public enum StepKind {
    /** Input screening: the prompt screens and the policy decide on the prompt before any generator sees it. */
    SCREEN("screen", Set.of()),
    /** Outlines a long text into sections with their own prompts (optional; before {@code generate}). */
    PLAN("plan", Set.of("minWords", "wordsPerSection", "maxSections")),
    /** The generator plugin(s): the request's plugin writes, {@code crossCheckWith} plugins write too, in parallel. */
    GENERATE("generate", Set.of("crossCheckWith")),
    /**
     * Self-consistency (optional; text only, between {@code generate} and {@code check}): the generator writes
     * {@code samples} more times with other seeds, and how stable each claim is across them becomes
     * {@code selfcheck.instability}.
     */
    SELFCHECK("selfcheck", Set.of("samples", "maxClaims", "temperature")),
    /** The governance stage: fact checking, bias, safety, plugin checks. */
    CHECK("check", Set.of()),
    /** The final policy decision. */
    JUDGE("judge", Set.of()),
    /** When the judge says REVISE: the findings go into a new prompt and the flow returns to {@code backTo}. */
    REVISE("revise", Set.of("maxRounds", "backTo")),
    /** Persists the outcome and appends the audit event. */
    PUBLISH("publish", Set.of());

    /** Settings every kind accepts. */
    public static final Set<String> COMMON_SETTINGS = Set.of("id", "step", "description");

    private final String id;
    private final Set<String> settings;

    StepKind(String id, Set<String> settings) {
        this.id = id;
        this.settings = settings;
    }

    /** The name used in definitions. */
    public String id() {
        return id;
    }

    /** The settings this kind accepts besides {@link #COMMON_SETTINGS}. */
    public Set<String> settings() {
        return settings;
    }

    public static Optional<StepKind> find(String id) {
        return Arrays.stream(values()).filter(k -> k.id.equals(id)).findFirst();
    }

    /** The names of every kind, for error messages. */
    public static String choices() {
        return Arrays.stream(values()).map(StepKind::id).collect(Collectors.joining(", ", "[", "]"));
    }
}
