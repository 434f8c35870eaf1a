package io.hallmark.worker;

import io.hallmark.api.Capability;
import io.hallmark.api.CheckInput;
import io.hallmark.api.CheckOutcome;
import io.hallmark.api.CheckResult;
import io.hallmark.api.GeneratedContent;
import io.hallmark.api.GenerationCancelledException;
import io.hallmark.api.GenerationFailedException;
import io.hallmark.api.GenerationRequest;
import io.hallmark.api.GeneratorInfo;
import io.hallmark.api.InvalidRequestException;
import io.hallmark.api.Modality;
import io.hallmark.api.ModelInfo;
import io.hallmark.api.ModelRequirement;
import io.hallmark.api.ParameterSpec;
import io.hallmark.api.ParameterType;
import io.hallmark.api.PermissionDeniedException;
import io.hallmark.api.Span;
import io.hallmark.api.Usage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/** The JSON form of the SDK's values on the wire: plain maps, lists, strings, numbers and booleans. */
public final class Codec {

    private Codec() {}

    // -------------------------------------------------------------------------------------------- generator info

    public static Map<String, Object> info(GeneratorInfo info) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", info.name());
        m.put("description", info.description());
        m.put("modality", info.modality().name());
        m.put("capabilities", info.capabilities().stream().map(Capability::name).sorted().toList());
        m.put("parameters", info.parameters().stream().map(Codec::parameter).toList());
        m.put("models", info.models().stream().map(Codec::requirement).toList());
        return m;
    }

    public static GeneratorInfo info(Map<String, Object> m) {
        Set<Capability> capabilities = new java.util.HashSet<>();
        strings(m.get("capabilities")).forEach(c -> capabilities.add(Capability.valueOf(c)));
        return new GeneratorInfo(str(m, "name"), str(m, "description"), Modality.valueOf(str(m, "modality")),
                capabilities, maps(m.get("parameters")).stream().map(Codec::parameter).toList(),
                maps(m.get("models")).stream().map(Codec::requirement).toList());
    }

    private static Map<String, Object> parameter(ParameterSpec p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", p.name());
        m.put("type", p.type().name());
        m.put("description", p.description());
        m.put("default", p.defaultValue());
        m.put("min", p.min());
        m.put("max", p.max());
        m.put("allowed", List.copyOf(new TreeSet<>(p.allowedValues())));
        return m;
    }

    private static ParameterSpec parameter(Map<String, Object> m) {
        return new ParameterSpec(str(m, "name"), ParameterType.valueOf(str(m, "type")), str(m, "description"),
                m.get("default"), dbl(m.get("min")), dbl(m.get("max")), Set.copyOf(strings(m.get("allowed"))));
    }

    public static Map<String, Object> requirement(ModelRequirement r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", r.name());
        m.put("format", r.format());
        m.put("sha256", r.sha256());
        m.put("optional", r.optional());
        return m;
    }

    public static ModelRequirement requirement(Map<String, Object> m) {
        return new ModelRequirement(str(m, "name"), str(m, "format"), (String) m.get("sha256"),
                Boolean.TRUE.equals(m.get("optional")));
    }

    public static @Nullable Map<String, Object> model(@Nullable ModelInfo model) {
        return model == null ? null : new LinkedHashMap<>(Map.of("id", model.id(), "sha256", model.sha256()));
    }

    public static @Nullable ModelInfo model(@Nullable Object m) {
        return m instanceof Map<?, ?> map ? new ModelInfo(String.valueOf(map.get("id")), String.valueOf(map.get("sha256")))
                : null;
    }

    // ------------------------------------------------------------------------------------------ requests/content

    public static Map<String, Object> request(GenerationRequest r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("modality", r.modality().name());
        m.put("prompt", r.prompt());
        m.put("parameters", r.parameters());
        m.put("seed", r.seed());
        return m;
    }

    public static GenerationRequest request(Map<String, Object> m) {
        return new GenerationRequest(Modality.valueOf(str(m, "modality")), str(m, "prompt"), map(m.get("parameters")),
                m.get("seed") instanceof Number n ? n.longValue() : null);
    }

    /**
     * The content's JSON form; an artifact is inlined as base64 unless {@code artifactFile} names the file (relative
     * to the work folder) it was written to.
     */
    public static Map<String, Object> content(GeneratedContent c, @Nullable String artifactFile) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("modality", c.modality().name());
        m.put("text", c.text());
        if (c.artifact() != null) {
            if (artifactFile != null) {
                m.put("artifactFile", artifactFile);
            } else {
                m.put("artifact", Base64.getEncoder().encodeToString(c.artifact()));
            }
        }
        m.put("mediaType", c.mediaType());
        m.put("model", model(c.model()));
        m.put("seed", c.seed());
        m.put("usage", List.of(c.usage().promptTokens(), c.usage().outputTokens(), c.usage().frames()));
        m.put("durationNanos", c.duration().toNanos());
        m.put("metadata", c.metadata());
        return m;
    }

    /** Reads content; {@code artifactBytes} supplies the bytes of an artifact sent as a file. */
    public static GeneratedContent content(Map<String, Object> m,
            java.util.function.Function<String, byte[]> artifactBytes) {
        byte[] artifact = null;
        if (m.get("artifact") instanceof String b64) {
            artifact = Base64.getDecoder().decode(b64);
        } else if (m.get("artifactFile") instanceof String file) {
            artifact = artifactBytes.apply(file);
        }
        List<Long> usage = longs(m.get("usage"));
        return new GeneratedContent(Modality.valueOf(str(m, "modality")), (String) m.get("text"), artifact,
                str(m, "mediaType"), model(m.get("model")), m.get("seed") instanceof Number n ? n.longValue() : null,
                usage.size() == 3 ? new Usage(usage.get(0), usage.get(1), usage.get(2)) : Usage.NONE,
                Duration.ofNanos(((Number) m.getOrDefault("durationNanos", 0L)).longValue()), map(m.get("metadata")));
    }

    // -------------------------------------------------------------------------------------------------- checks

    public static Map<String, Object> checkInput(CheckInput in) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("modality", in.modality().name());
        m.put("prompt", in.prompt());
        m.put("text", in.text());
        m.put("artifact", in.artifact() == null ? null : Base64.getEncoder().encodeToString(in.artifact()));
        m.put("mediaType", in.mediaType());
        m.put("metadata", in.metadata());
        return m;
    }

    public static CheckInput checkInput(Map<String, Object> m) {
        return new CheckInput(Modality.valueOf(str(m, "modality")), str(m, "prompt"), (String) m.get("text"),
                m.get("artifact") instanceof String b64 ? Base64.getDecoder().decode(b64) : null, str(m, "mediaType"),
                map(m.get("metadata")));
    }

    public static Map<String, Object> checkResult(CheckResult r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("check", r.check());
        m.put("outcome", r.outcome().name());
        m.put("score", r.score());
        m.put("explanation", r.explanation());
        m.put("spans", r.spans().stream().map(s -> List.<Object>of(s.start(), s.end(), s.label())).toList());
        m.put("details", r.details());
        return m;
    }

    public static CheckResult checkResult(Map<String, Object> m) {
        List<Span> spans = new ArrayList<>();
        if (m.get("spans") instanceof List<?> list) {
            for (Object o : list) {
                List<?> s = (List<?>) o;
                spans.add(new Span(((Number) s.get(0)).intValue(), ((Number) s.get(1)).intValue(), String.valueOf(s.get(2))));
            }
        }
        return new CheckResult(str(m, "check"), CheckOutcome.valueOf(str(m, "outcome")),
                ((Number) m.get("score")).doubleValue(), str(m, "explanation"), spans, map(m.get("details")));
    }

    // -------------------------------------------------------------------------------------------------- errors

    /** How an exception travels: its class's simple name, its kind, message and whether a retry may help. */
    public static Map<String, Object> error(Throwable e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("exception", e.getClass().getSimpleName());
        m.put("kind", e instanceof GenerationCancelledException ? "cancelled"
                : e instanceof InvalidRequestException ? "invalid"
                : e instanceof PermissionDeniedException ? "denied"
                : e instanceof GenerationFailedException ? "failed" : "error");
        m.put("message", e.getMessage() == null ? "" : e.getMessage());
        m.put("retriable", e instanceof GenerationFailedException g && g.retriable());
        return m;
    }

    // --------------------------------------------------------------------------------------------------- helpers

    static String str(Map<String, Object> m, String key) {
        Object value = m.get(key);
        if (!(value instanceof String s)) {
            throw new IllegalArgumentException("Field '" + key + "' must be a string, was " + value);
        }
        return s;
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> map(@Nullable Object value) {
        return value instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> maps(@Nullable Object value) {
        return value instanceof List<?> l ? (List<Map<String, Object>>) l : List.of();
    }

    static List<String> strings(@Nullable Object value) {
        return value instanceof java.util.Collection<?> l ? l.stream().map(String::valueOf).toList() : List.of();
    }

    private static List<Long> longs(@Nullable Object value) {
        return value instanceof List<?> l ? l.stream().map(o -> ((Number) o).longValue()).toList() : List.of();
    }

    private static @Nullable Double dbl(@Nullable Object value) {
        return value instanceof Number n ? n.doubleValue() : null;
    }
}
