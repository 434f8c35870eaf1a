package io.hallmark.governance.policy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.hallmark.api.Modality;
import io.hallmark.api.ParameterError;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads policies written in YAML or JSON (JSON is YAML too) and checks them, collecting every problem with its
 * location. The format:
 *
 * <pre>
 * name: default
 * description: What every generation must pass
 * modalities: [TEXT, CODE]          # default: all
 * channel: default                  # default: default
 * default: APPROVE                  # when no rule fires
 * rules:
 *   - id: refuted-claims
 *     description: A refuted claim goes back for revision
 *     when: { metric: claims.refuted, op: "&gt;=", value: 1 }
 *     action: REVISE
 *   - id: low-factuality
 *     content-types: [news, kb-answer]  # default: every content type (ContentType)
 *     when: { metric: factuality, op: "&lt;", value: 0.5 }
 *     action: NEEDS_REVIEW
 *   - id: unsafe
 *     when:
 *       any:
 *         - { metric: safety.injection, op: "&gt;", value: 0.8 }
 *         - { metric: safety.harmful, op: "&gt;", value: 0.8 }
 *     action: REJECT
 * </pre>
 */
public final class PolicyParser {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");
    private static final Set<String> TOP = Set.of("name", "description", "modalities", "channel", "default", "rules");
    private static final Set<String> RULE = Set.of("id", "description", "when", "action", "content-types");

    /** Parses and validates; throws {@link PolicyValidationException} listing every problem. */
    public Policy parse(String text) {
        JsonNode root;
        try {
            root = YAML.readTree(text);
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr();
            throw new PolicyValidationException(List.of(new ParameterError("document",
                    "not valid YAML or JSON" + where + ": " + e.getOriginalMessage())));
        }
        List<ParameterError> problems = new ArrayList<>();
        if (root == null || !root.isObject()) {
            throw new PolicyValidationException(List.of(new ParameterError("document", "must be a mapping with name and rules")));
        }
        unknownFields(root, TOP, "", problems);
        String name = text(root, "name", "", problems, true);
        if (name != null && !ID.matcher(name).matches()) {
            problems.add(new ParameterError("name", "'" + name + "' must be 1-64 lower-case letters, digits, '.', '_' or '-'"));
        }
        String description = text(root, "description", "", problems, false);
        String channel = root.has("channel") ? text(root, "channel", "", problems, true) : "default";
        if (channel != null && !io.hallmark.api.input.FieldLimits.IDENTIFIER.matcher(channel).matches()) {
            problems.add(new ParameterError("channel", "'" + channel + "' must be "
                    + io.hallmark.api.input.FieldLimits.IDENTIFIER_RULE + " (the alphabet every channel has)"));
        }
        Set<Modality> modalities = modalities(root.get("modalities"), problems);
        Action defaultAction = root.has("default") ? action(root.get("default"), "default", problems) : Action.APPROVE;
        List<Rule> rules = new ArrayList<>();
        JsonNode rulesNode = root.get("rules");
        if (rulesNode == null || !rulesNode.isArray()) {
            problems.add(new ParameterError("rules", "is required: a list of rules (may be empty: [])"));
        } else {
            Set<String> ids = new HashSet<>();
            for (int i = 0; i < rulesNode.size(); i++) {
                Rule rule = rule(rulesNode.get(i), "rules[" + i + "]", problems);
                if (rule != null && !ids.add(rule.id())) {
                    problems.add(new ParameterError("rules[" + i + "].id", "'" + rule.id() + "' is used twice"));
                }
                if (rule != null) {
                    rules.add(rule);
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new PolicyValidationException(problems);
        }
        return new Policy(name, description == null ? "" : description, modalities, channel, rules, defaultAction,
                sha256(text));
    }

    private static Rule rule(JsonNode node, String path, List<ParameterError> problems) {
        if (node == null || !node.isObject()) {
            problems.add(new ParameterError(path, "must be a mapping with id, when and action"));
            return null;
        }
        unknownFields(node, RULE, path + ".", problems);
        String id = text(node, "id", path + ".", problems, true);
        if (id != null && !ID.matcher(id).matches()) {
            problems.add(new ParameterError(path + ".id", "'" + id + "' must be 1-64 lower-case letters, digits, '.', '_' or '-'"));
        }
        String description = text(node, "description", path + ".", problems, false);
        Condition when = node.has("when") ? condition(node.get("when"), path + ".when", problems) : null;
        if (!node.has("when")) {
            problems.add(new ParameterError(path + ".when", "is required"));
        }
        Action action = node.has("action") ? action(node.get("action"), path + ".action", problems) : null;
        if (!node.has("action")) {
            problems.add(new ParameterError(path + ".action", "is required; one of " + List.of(Action.values())));
        }
        Set<ContentType> contentTypes = contentTypes(node.get("content-types"), path + ".content-types", problems);
        if (id == null || when == null || action == null || contentTypes == null) {
            return null;
        }
        return new Rule(id, description == null ? "" : description, when, action, contentTypes);
    }

    /** A rule's {@code content-types}: absent means every type; else a non-empty list of known names. */
    private static Set<ContentType> contentTypes(JsonNode node, String path, List<ParameterError> problems) {
        if (node == null) {
            return Set.of();
        }
        if (!node.isArray() || node.isEmpty()) {
            problems.add(new ParameterError(path, "must be a non-empty list of " + ContentType.choices()
                    + " (leave it out for every content type)"));
            return null;
        }
        Set<ContentType> set = EnumSet.noneOf(ContentType.class);
        boolean ok = true;
        for (int i = 0; i < node.size(); i++) {
            try {
                if (!node.get(i).isTextual()) {
                    throw new IllegalArgumentException("must be one of " + ContentType.choices());
                }
                set.add(ContentType.parse(node.get(i).asText()));
            } catch (IllegalArgumentException e) {
                problems.add(new ParameterError(path + "[" + i + "]", e.getMessage()));
                ok = false;
            }
        }
        return ok ? set : null;
    }

    private static Condition condition(JsonNode node, String path, List<ParameterError> problems) {
        if (node == null || !node.isObject()) {
            problems.add(new ParameterError(path, "must be {metric, op, value} or all/any/not"));
            return null;
        }
        for (String combinator : List.of("all", "any")) {
            if (node.has(combinator)) {
                JsonNode list = node.get(combinator);
                if (!list.isArray() || list.isEmpty()) {
                    problems.add(new ParameterError(path + "." + combinator, "must be a non-empty list of conditions"));
                    return null;
                }
                List<Condition> parts = new ArrayList<>();
                for (int i = 0; i < list.size(); i++) {
                    Condition c = condition(list.get(i), path + "." + combinator + "[" + i + "]", problems);
                    if (c != null) {
                        parts.add(c);
                    }
                }
                return parts.size() != list.size() ? null
                        : combinator.equals("all") ? new Condition.All(parts) : new Condition.Any(parts);
            }
        }
        if (node.has("not")) {
            Condition inner = condition(node.get("not"), path + ".not", problems);
            return inner == null ? null : new Condition.Not(inner);
        }
        unknownFields(node, Set.of("metric", "op", "value"), path + ".", problems);
        String metric = text(node, "metric", path + ".", problems, true);
        if (metric != null && !Metrics.isKnown(metric)) {
            problems.add(new ParameterError(path + ".metric", "unknown metric '" + metric + "'; known: "
                    + Metrics.known(true).keySet()));
            metric = null;
        }
        String opText = text(node, "op", path + ".", problems, true);
        Operator op = opText == null ? null : Operator.bySymbol(opText).orElse(null);
        if (opText != null && op == null) {
            problems.add(new ParameterError(path + ".op", "unknown operator '" + opText + "'; expected one of "
                    + Operator.symbols()));
        }
        JsonNode value = node.get("value");
        if (value == null || !value.isNumber()) {
            problems.add(new ParameterError(path + ".value", "must be a number"));
            return null;
        }
        return metric == null || op == null ? null : new Condition.Compare(metric, op, value.asDouble());
    }

    private static Set<Modality> modalities(JsonNode node, List<ParameterError> problems) {
        if (node == null) {
            return EnumSet.allOf(Modality.class);
        }
        Set<Modality> set = EnumSet.noneOf(Modality.class);
        if (!node.isArray() || node.isEmpty()) {
            problems.add(new ParameterError("modalities", "must be a non-empty list of " + Modality.choices()));
            return set;
        }
        for (JsonNode m : node) {
            try {
                set.add(Modality.parse(m.asText()));
            } catch (IllegalArgumentException e) {
                problems.add(new ParameterError("modalities", e.getMessage()));
            }
        }
        return set;
    }

    private static Action action(JsonNode node, String path, List<ParameterError> problems) {
        try {
            return Action.valueOf(node.asText().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            problems.add(new ParameterError(path, "unknown action '" + node.asText() + "'; expected one of "
                    + List.of(Action.values())));
            return null;
        }
    }

    private static String text(JsonNode node, String field, String prefix, List<ParameterError> problems, boolean required) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            if (required) {
                problems.add(new ParameterError(prefix + field, "is required"));
            }
            return null;
        }
        if (!value.isTextual() || value.asText().isBlank()) {
            problems.add(new ParameterError(prefix + field, "must be a non-empty string"));
            return null;
        }
        return value.asText();
    }

    private static void unknownFields(JsonNode node, Set<String> allowed, String prefix, List<ParameterError> problems) {
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!allowed.contains(name)) {
                problems.add(new ParameterError(prefix + name, "unknown field; allowed: " + new java.util.TreeSet<>(allowed)));
            }
        }
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
