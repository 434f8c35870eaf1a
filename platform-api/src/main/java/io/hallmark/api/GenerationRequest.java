package io.hallmark.api;

import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What to generate: the modality, the prompt, generator parameters and an optional seed.
 *
 * <p>The host validates {@link #parameters()} against the generator's {@link GeneratorInfo} and hands the
 * generator a request whose parameters are converted to their declared types, with defaults filled in.
 *
 * @param modality the kind of content wanted
 * @param prompt the prompt, 1 to {@value #MAX_PROMPT_CHARS} characters
 * @param parameters generator parameters by name
 * @param seed the random seed, or {@code null} to let the generator choose (it reports the seed it used)
 */
public record GenerationRequest(Modality modality, String prompt, Map<String, Object> parameters, @Nullable Long seed) {

    /** The longest prompt accepted. */
    public static final int MAX_PROMPT_CHARS = 100_000;

    public GenerationRequest {
        Objects.requireNonNull(modality, "modality");
        Objects.requireNonNull(prompt, "prompt");
        if (prompt.isBlank()) {
            throw InvalidRequestException.of("prompt", "The prompt must not be empty");
        }
        if (prompt.length() > MAX_PROMPT_CHARS) {
            throw InvalidRequestException.of("prompt", "The prompt has " + prompt.length()
                    + " characters; the limit is " + MAX_PROMPT_CHARS);
        }
        io.hallmark.api.input.TextInput.checked("prompt", prompt, MAX_PROMPT_CHARS); // storable: no NUL, valid Unicode
        parameters = Map.copyOf(Objects.requireNonNull(parameters, "parameters"));
    }

    /** A request without parameters or seed. */
    public static GenerationRequest of(Modality modality, String prompt) {
        return new GenerationRequest(modality, prompt, Map.of(), null);
    }

    /** The same request with other parameters. */
    public GenerationRequest withParameters(Map<String, Object> newParameters) {
        return new GenerationRequest(modality, prompt, newParameters, seed);
    }

    /** The same request with a seed. */
    public GenerationRequest withSeed(@Nullable Long newSeed) {
        return new GenerationRequest(modality, prompt, parameters, newSeed);
    }

    /**
     * The conversation in the {@code messages} parameter, with its roles, for a generator that declares one
     * ({@link ParameterSpec#messages}); empty when the request carries none, in which case {@link #prompt()} is the
     * whole input.
     */
    public java.util.List<ChatTurn> messages() {
        if (!(parameters.get("messages") instanceof java.util.List<?> list)) {
            return java.util.List.of();
        }
        java.util.List<ChatTurn> turns = new java.util.ArrayList<>(list.size());
        for (Object item : list) {
            if (item instanceof ChatTurn t) {
                turns.add(t);
            } else if (item instanceof Map<?, ?> m) {
                turns.add(new ChatTurn(String.valueOf(m.get("role")), String.valueOf(m.get("content"))));
            }
        }
        return java.util.List.copyOf(turns);
    }

    /** A typed parameter value (after validation every declared parameter with a default is present). */
    public <T> T parameter(String name, Class<T> type) {
        Object value = parameters.get(name);
        if (value == null) {
            throw new IllegalArgumentException("No parameter '" + name + "' in the request; present: "
                    + new java.util.TreeSet<>(parameters.keySet()));
        }
        return type.cast(value);
    }
}
