package io.hallmark.governance.safety.guard;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * Where the guard is and how it is used ({@code guard-*} settings).
 *
 * @param baseUrl the OpenAI-compatible endpoint's base URL (e.g. {@code http://guard:8000/v1})
 * @param model the model name the endpoint serves (e.g. {@code meta-llama/Llama-Guard-3-8B})
 * @param apiKey the endpoint's API key, or {@code null} for none: a secret, never in {@link #toString()}, logs or
 *     reports
 * @param style how it is asked and its answer read
 * @param timeout the longest the guard may take over one request (all its inputs, asked at once)
 * @param inputs which inputs it reads
 * @param combine how its verdicts join the built-in screens
 */
public record GuardSettings(URI baseUrl, String model, @Nullable String apiKey, GuardStyle style, Duration timeout,
        Set<Input> inputs, Combine combine) {

    /** An input kind the guard may read. */
    public enum Input {
        /** The user's prompt (the instruction). */
        PROMPT,
        /** Each document sent beside the prompt (untrusted data). */
        DOCUMENTS,
        /** The generated text, judged as the reply to the prompt. */
        OUTPUT;

        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** The kind a settings value names; throws naming the choices when there is none. */
        public static Input of(String id) {
            return Arrays.stream(values()).filter(i -> i.id().equalsIgnoreCase(id.strip())).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("Unknown guard input '" + id + "'; expected "
                            + "prompt, documents or output"));
        }
    }

    /** How the guard's verdicts join the built-in screens. */
    public enum Combine {
        /**
         * Either flags, the request is flagged: an input the guard flags raises the built-in metric the policies act
         * on to 1 ({@code safety.harmful} for the prompt and documents, {@code safety.jailbreak} or
         * {@code safety.injection} when the guard names that category, {@code safety.toxicity} for the output), and
         * {@code safety.guard} is 1.
         */
        EITHER,
        /**
         * The guard's verdicts are reported and scored as {@code safety.guard} only; the built-in metrics are left as
         * the built-in screens scored them, so only policy rules naming {@code safety.guard} act on it (a shadow
         * run to measure a guard before it decides).
         */
        REPORT;

        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** The mode a settings value names; throws naming the choices when there is none. */
        public static Combine of(String id) {
            return Arrays.stream(values()).filter(c -> c.id().equalsIgnoreCase(id.strip())).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("Unknown guard combination '" + id
                            + "'; expected either or report"));
        }
    }

    public GuardSettings {
        Objects.requireNonNull(baseUrl, "baseUrl");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(style, "style");
        Objects.requireNonNull(timeout, "timeout");
        Objects.requireNonNull(combine, "combine");
        if (!("http".equals(baseUrl.getScheme()) || "https".equals(baseUrl.getScheme())) || baseUrl.getHost() == null) {
            throw new IllegalArgumentException("The guard's base URL must be an http:// or https:// URL with a host, "
                    + "such as http://127.0.0.1:8000/v1");
        }
        if (baseUrl.getUserInfo() != null) {
            throw new IllegalArgumentException("The guard's base URL must not hold credentials; set the API key "
                    + "setting instead");
        }
        if (model.isBlank()) {
            throw new IllegalArgumentException("The guard's model name is empty");
        }
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("The guard's timeout must be positive, was " + timeout);
        }
        if (inputs.isEmpty()) {
            throw new IllegalArgumentException("The guard reads no input; name prompt, documents and/or output");
        }
        inputs = Set.copyOf(inputs);
        apiKey = apiKey == null || apiKey.isBlank() ? null : apiKey;
    }

    /** The endpoint as reports and the record of what decided name it: scheme, host, port (no path, query or key). */
    public String endpoint() {
        return baseUrl.getScheme() + "://" + baseUrl.getHost() + (baseUrl.getPort() < 0 ? "" : ":" + baseUrl.getPort());
    }

    /**
     * The guard's name in the record of what judged a decision ({@code JudgedBy}): {@code guard:STYLE:MODEL@HOST},
     * e.g. {@code guard:llama-guard-3:meta-llama/Llama-Guard-3-8B@guard.internal:8000}.
     */
    public String recordName() {
        return "guard:" + style.id() + ":" + model + "@" + endpoint().replaceFirst("^https?://", "");
    }

    /**
     * The SHA-256 the record keeps for the guard: of its endpoint (scheme, host, port and path), model name and
     * prompt style. The guard's weights are behind the endpoint and cannot be hashed here; this tells a replay, or
     * another node, whether the same guard, asked the same way, decided.
     */
    public String recordSha256() {
        String path = baseUrl.getPath() == null ? "" : baseUrl.getPath().replaceAll("/+$", "");
        String identity = "endpoint=" + endpoint() + path + "\nmodel=" + model + "\nstyle=" + style.id() + "\n";
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(identity.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** What the guard is, for logs and listings: never the API key. */
    public String describe() {
        return "guard model " + model + " at " + endpoint() + " (" + style.id() + " prompts, reads "
                + inputs.stream().map(Input::id).sorted().collect(Collectors.joining(", ")) + ", combine "
                + combine.id() + ", timeout " + timeout.toMillis() / 1000.0 + " s" + (apiKey == null ? ", no API key"
                        : ", with an API key") + ")";
    }

    /** Never shows the API key. */
    @Override
    public String toString() {
        return describe();
    }
}
