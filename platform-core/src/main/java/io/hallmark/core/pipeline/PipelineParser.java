package io.hallmark.core.pipeline;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.hallmark.api.InvalidRequestException;
import io.hallmark.api.Modality;
import io.hallmark.api.ParameterError;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Reads pipeline definitions written in YAML (or JSON) and validates them, collecting every problem with the line
 * and field it concerns:
 *
 * <pre>
 * name: long texts
 * modality: TEXT
 * steps:
 *   - step: plan
 *     minWords: 400
 *   - step: generate
 *     crossCheckWith: [other-plugin]
 *   - step: check
 *   - step: judge
 *   - step: revise
 *     maxRounds: 2
 *   - step: publish
 * </pre>
 *
 * Rules: at most one {@code screen}, before everything that generates; at most one {@code selfcheck} (text only),
 * between {@code generate} and {@code check}; exactly one {@code generate}, {@code check}, {@code judge} and {@code publish}, in that order, with
 * {@code publish} last; at most one {@code plan} (before {@code generate}, text and code only) and one
 * {@code revise} (after {@code judge}, returning to an earlier step: a jump forward or onto itself is rejected).
 */
public final class PipelineParser {

    private static final YAMLFactory YAML = new YAMLFactory();
    private static final Pattern ID = Pattern.compile("[a-z][a-z0-9-]{0,39}");
    private static final Set<String> ROOT_KEYS = Set.of("name", "modality", "content-type", "steps");

    /** Parses and validates; {@code expected}, when set, is the modality the file must declare. */
    public PipelineDefinition parse(String text, String source, @Nullable Modality expected) {
        Map<String, Integer> lines = new HashMap<>();
        Object root;
        try (JsonParser p = YAML.createParser(text)) {
            if (p.nextToken() == null) {
                throw invalid(source, List.of(new ParameterError("(file)", "the definition is empty; expected "
                        + "'modality' and 'steps'")));
            }
            root = read(p, "", lines);
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? "" : "line " + e.getLocation().getLineNr() + ": ";
            throw invalid(source, List.of(new ParameterError("(file)", where + "not valid YAML or JSON: "
                    + e.getOriginalMessage())));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return validate(root, lines, source, expected);
    }

    /** Reads back a definition stored as a map (see {@link PipelineDefinition#toMap()}). */
    public PipelineDefinition fromMap(Map<String, Object> map, String source) {
        Map<String, Object> definition = new LinkedHashMap<>(map);
        definition.remove("source"); // where it was first read from, kept beside it
        return validate(definition, Map.of(), source, null);
    }

    private PipelineDefinition validate(Object root, Map<String, Integer> lines, String source,
            @Nullable Modality expected) {
        Problems problems = new Problems(lines);
        if (!(root instanceof Map<?, ?> rootMap)) {
            throw invalid(source, List.of(new ParameterError("(file)", "expected a mapping with 'modality' and "
                    + "'steps'")));
        }
        for (Object key : rootMap.keySet()) {
            if (!ROOT_KEYS.contains(String.valueOf(key))) {
                problems.add(String.valueOf(key), "unknown field; expected " + new java.util.TreeSet<>(ROOT_KEYS));
            }
        }
        Modality modality = null;
        Object m = rootMap.get("modality");
        if (m == null) {
            problems.add("modality", "missing; expected one of " + Modality.choices());
        } else {
            try {
                modality = Modality.parse(String.valueOf(m));
                if (expected != null && modality != expected) {
                    problems.add("modality", "this file is the " + expected + " pipeline but declares " + modality);
                }
            } catch (IllegalArgumentException e) {
                problems.add("modality", e.getMessage());
            }
        }
        io.hallmark.governance.policy.ContentType contentType = null;
        if (rootMap.get("content-type") != null) {
            try {
                contentType = io.hallmark.governance.policy.ContentType.parse(String.valueOf(rootMap.get("content-type")));
            } catch (IllegalArgumentException e) {
                problems.add("content-type", e.getMessage());
            }
        }
        String name = rootMap.get("name") instanceof String s && !s.isBlank() ? s
                : (modality == null ? "pipeline" : modality.name().toLowerCase(java.util.Locale.ROOT) + " pipeline");
        List<StepDefinition> steps = new ArrayList<>();
        if (!(rootMap.get("steps") instanceof List<?> list) || list.isEmpty()) {
            problems.add("steps", "missing or empty; expected a list of steps such as '- step: generate'");
        } else {
            for (int i = 0; i < list.size(); i++) {
                StepDefinition step = step(list.get(i), "steps[" + i + "]", problems, lines);
                if (step != null) {
                    steps.add(step);
                }
            }
            if (steps.size() == list.size()) {
                order(steps, modality, problems);
            }
        }
        if (!problems.list.isEmpty()) {
            throw invalid(source, problems.list);
        }
        return new PipelineDefinition(name, modality, steps, source, contentType);
    }

    private static @Nullable StepDefinition step(Object value, String path, Problems problems,
            Map<String, Integer> lines) {
        if (!(value instanceof Map<?, ?> raw)) {
            problems.add(path, "expected a mapping such as '{step: generate}', found '" + value + "'");
            return null;
        }
        Object kindName = raw.get("step");
        StepKind kind = kindName == null ? null : StepKind.find(String.valueOf(kindName)).orElse(null);
        if (kind == null) {
            problems.add(path + ".step", kindName == null ? "missing; expected one of " + StepKind.choices()
                    : "unknown step '" + kindName + "'; expected one of " + StepKind.choices());
            return null;
        }
        Map<String, Object> settings = new LinkedHashMap<>();
        boolean ok = true;
        for (Map.Entry<?, ?> e : raw.entrySet()) {
            String key = String.valueOf(e.getKey());
            if (StepKind.COMMON_SETTINGS.contains(key)) {
                continue;
            }
            if (!kind.settings().contains(key)) {
                problems.add(path + "." + key, "unknown setting of step '" + kind.id() + "'; expected one of "
                        + new java.util.TreeSet<>(kind.settings()));
                ok = false;
                continue;
            }
            String problem = checkSetting(key, e.getValue());
            if (problem != null) {
                problems.add(path + "." + key, problem);
                ok = false;
            } else {
                settings.put(key, e.getValue());
            }
        }
        String id = raw.get("id") == null ? kind.id() : String.valueOf(raw.get("id"));
        if (!ID.matcher(id).matches()) {
            problems.add(path + ".id", "'" + id + "' is not a step id; expected lower-case letters, digits and '-'");
            ok = false;
        }
        int line = lines.getOrDefault(path, 0);
        return ok ? new StepDefinition(id, kind, settings, line) : null;
    }

    private static @Nullable String checkSetting(String key, @Nullable Object value) {
        return switch (key) {
            case "minWords" -> range(value, 1, 100_000);
            case "wordsPerSection" -> range(value, 20, 5_000);
            case "maxSections" -> range(value, 1, 50);
            case "maxRounds" -> range(value, 0, 10);
            case "samples" -> range(value, 1, 10);
            case "maxClaims" -> range(value, 1, 200);
            case "temperature" -> value instanceof Number n && n.doubleValue() >= 0
                    && n.doubleValue() <= 2 ? null : "expected a number between 0 and 2, found '" + value + "'";
            case "backTo" -> value instanceof String s && ID.matcher(s).matches() ? null
                    : "expected the id of an earlier step, found '" + value + "'";
            case "crossCheckWith" -> {
                if (!(value instanceof List<?> l) || l.stream().anyMatch(v -> !(v instanceof String s) || s.isBlank())) {
                    yield "expected a list of plugin ids such as [other-generator], found '" + value + "'";
                }
                yield new HashSet<>(l).size() == l.size() ? null : "lists a plugin twice: " + l;
            }
            default -> null;
        };
    }

    private static @Nullable String range(@Nullable Object value, int min, int max) {
        if (value instanceof Integer || value instanceof Long) {
            long v = ((Number) value).longValue();
            return v >= min && v <= max ? null : "must be between " + min + " and " + max + ", found " + v;
        }
        return "expected a whole number between " + min + " and " + max + ", found '" + value + "'";
    }

    /** The order rules: which steps are required, which must come before which, where revise may return to. */
    private static void order(List<StepDefinition> steps, @Nullable Modality modality, Problems problems) {
        Map<String, Integer> ids = new HashMap<>();
        for (int i = 0; i < steps.size(); i++) {
            if (ids.putIfAbsent(steps.get(i).id(), i) != null) {
                problems.add("steps[" + i + "].id", "duplicate step id '" + steps.get(i).id() + "'; give each step "
                        + "its own 'id'");
            }
        }
        int generate = single(steps, StepKind.GENERATE, true, "missing generator: add '- step: generate'", problems);
        int check = single(steps, StepKind.CHECK, true, "every pipeline needs the governance stage: add '- step: "
                + "check' after generate", problems);
        int judge = single(steps, StepKind.JUDGE, true, "every pipeline needs a policy decision: add '- step: "
                + "judge' after check", problems);
        int publish = single(steps, StepKind.PUBLISH, true, "nothing would be kept: add '- step: publish' last",
                problems);
        int plan = single(steps, StepKind.PLAN, false, "", problems);
        int revise = single(steps, StepKind.REVISE, false, "", problems);
        int screen = single(steps, StepKind.SCREEN, false, "", problems);
        int selfcheck = single(steps, StepKind.SELFCHECK, false, "", problems);
        before(screen, plan >= 0 ? plan : generate, "screen", plan >= 0 ? "plan" : "generate", problems);
        before(plan, generate, "plan", "generate", problems);
        before(generate, check, "generate", "check", problems);
        before(generate, selfcheck, "generate", "selfcheck", problems);
        before(selfcheck, check, "selfcheck", "check", problems);
        before(check, judge, "check", "judge", problems);
        before(judge, revise, "judge", "revise", problems);
        if (publish >= 0 && publish != steps.size() - 1) {
            problems.add("steps[" + publish + "]", "'publish' must be the last step");
        }
        if (plan >= 0 && modality != null && modality != Modality.TEXT && modality != Modality.CODE) {
            problems.add("steps[" + plan + "]", "'plan' outlines texts; the " + modality + " pipeline cannot have one");
        }
        if (selfcheck >= 0 && modality != null && modality != Modality.TEXT) {
            problems.add("steps[" + selfcheck + "]", "'selfcheck' compares the claims of texts; the " + modality
                    + " pipeline cannot have one");
        }
        boolean textual = modality == null || modality == Modality.TEXT || modality == Modality.CODE;
        if (generate >= 0 && !textual && !steps.get(generate).listSetting("crossCheckWith").isEmpty()) {
            problems.add("steps[" + generate + "].crossCheckWith", "cross-checking compares texts; the " + modality
                    + " pipeline cannot have one");
        }
        if (revise >= 0 && generate >= 0) {
            StepDefinition r = steps.get(revise);
            String target = r.stringSetting("backTo", steps.get(generate).id());
            Integer at = ids.get(target);
            String field = "steps[" + revise + "].backTo";
            if (at == null) {
                problems.add(field, "no step has the id '" + target + "'; steps: " + ids.keySet());
            } else if (at >= revise) {
                problems.add(field, "cycle: '" + target + "' does not come before '" + r.id() + "'; a revision "
                        + "returns to an earlier step, or the flow would never reach publish");
            } else if (steps.get(at).kind() != StepKind.GENERATE && steps.get(at).kind() != StepKind.PLAN) {
                problems.add(field, "'" + target + "' is a " + steps.get(at).kind().id() + " step; a revision "
                        + "returns to 'plan' or 'generate'");
            }
        }
    }

    private static int single(List<StepDefinition> steps, StepKind kind, boolean required, String missing,
            Problems problems) {
        int found = -1;
        for (int i = 0; i < steps.size(); i++) {
            if (steps.get(i).kind() == kind) {
                if (found >= 0) {
                    problems.add("steps[" + i + "]", "a second '" + kind.id() + "' step; a pipeline has at most one");
                } else {
                    found = i;
                }
            }
        }
        if (found < 0 && required) {
            problems.add("steps", missing);
        }
        return found;
    }

    private static void before(int first, int second, String a, String b, Problems problems) {
        if (first >= 0 && second >= 0 && first > second) {
            problems.add("steps[" + first + "]", "'" + a + "' must come before '" + b + "' (steps[" + second + "])");
        }
    }

    private static InvalidRequestException invalid(String source, List<ParameterError> errors) {
        StringBuilder message = new StringBuilder("Pipeline definition ").append(source).append(" is not valid:");
        errors.forEach(e -> message.append("\n  ").append(e.field()).append(": ").append(e.message()));
        return new InvalidRequestException(message.toString(), errors);
    }

    /** Reads the token stream into maps, lists and scalars, noting the line each path starts on. */
    private static @Nullable Object read(JsonParser p, String path, Map<String, Integer> lines) throws IOException {
        lines.putIfAbsent(path, p.currentTokenLocation().getLineNr());
        JsonToken token = p.currentToken();
        return switch (token) {
            case START_OBJECT -> {
                Map<String, Object> map = new LinkedHashMap<>();
                while (p.nextToken() != JsonToken.END_OBJECT) {
                    String key = p.currentName();
                    String child = path.isEmpty() ? key : path + "." + key;
                    lines.putIfAbsent(child, p.currentTokenLocation().getLineNr());
                    p.nextToken();
                    map.put(key, read(p, child, lines));
                }
                yield map;
            }
            case START_ARRAY -> {
                List<Object> list = new ArrayList<>();
                for (int i = 0; p.nextToken() != JsonToken.END_ARRAY; i++) {
                    list.add(read(p, path + "[" + i + "]", lines));
                }
                yield list;
            }
            case VALUE_NUMBER_INT -> p.getNumberValue();
            case VALUE_NUMBER_FLOAT -> p.getDoubleValue();
            case VALUE_TRUE -> true;
            case VALUE_FALSE -> false;
            case VALUE_NULL -> null;
            default -> p.getText();
        };
    }

    /** Problems with their line, when the path has one. */
    private static final class Problems {
        private final Map<String, Integer> lines;
        private final List<ParameterError> list = new ArrayList<>();

        Problems(Map<String, Integer> lines) {
            this.lines = lines;
        }

        void add(String field, String message) {
            Integer line = lines.get(field);
            if (line == null && field.contains(".")) {
                line = lines.get(field.substring(0, field.lastIndexOf('.')));
            }
            list.add(new ParameterError(field, line == null ? message : "line " + line + ": " + message));
        }
    }
}
