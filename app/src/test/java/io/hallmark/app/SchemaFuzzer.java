package io.hallmark.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

/**
 * Generates requests for the operations an OpenAPI 3 document declares: values that follow each parameter's and
 * request body's schema (type, enum, format, bounds, required and optional properties, arrays, {@code $ref},
 * {@code oneOf}/{@code anyOf}), and mutations of them (a NUL, a huge string, a wrong type, a missing required field,
 * unknown fields, garbage and invalid UTF-8 bodies, broken JSON, deep nesting, wrong content types). Whatever the
 * document declares is used; where it declares nothing (a body without a schema), a small random object is sent.
 * Deterministic for a seed.
 */
final class SchemaFuzzer {

    /** What a request was made of, for the failure report. */
    enum Mutation { VALID, NUL, HUGE, WRONG_TYPE, MISSING_REQUIRED, UNKNOWN_FIELDS, GARBAGE, INVALID_UTF8, BROKEN_JSON,
        DEEP_NESTING, WRONG_CONTENT_TYPE, PARAMETER_NUL, PARAMETER_HUGE, PARAMETER_WRONG_TYPE }

    /** One declared operation. */
    record Operation(String method, String path, List<JsonNode> parameters, JsonNode bodySchema, boolean hasBody) {

        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    /** A request to send. */
    record Request(String method, String pathAndQuery, String contentType, byte[] body, Mutation mutation) {

        String bodyExcerpt() {
            String text = new String(body, StandardCharsets.UTF_8);
            return text.length() > 160 ? text.substring(0, 160) + "… (" + body.length + " bytes)" : text;
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final JsonNode spec;
    private final Random random;

    SchemaFuzzer(JsonNode spec, long seed) {
        this.spec = spec;
        this.random = new Random(seed);
    }

    /** Every operation of the document (HEAD and OPTIONS left out). */
    List<Operation> operations() {
        List<Operation> out = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = spec.path("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext(); ) {
                Map.Entry<String, JsonNode> op = ops.next();
                String method = op.getKey().toUpperCase(Locale.ROOT);
                if (!List.of("GET", "POST", "PUT", "PATCH", "DELETE").contains(method)) {
                    continue;
                }
                List<JsonNode> parameters = new ArrayList<>();
                path.getValue().path("parameters").forEach(parameters::add);
                op.getValue().path("parameters").forEach(p -> parameters.add(resolve(p)));
                JsonNode content = resolve(op.getValue().path("requestBody")).path("content");
                JsonNode schema = content.path("application/json").path("schema");
                boolean hasBody = !method.equals("GET") && !method.equals("DELETE");
                out.add(new Operation(method, path.getKey(), parameters, schema, hasBody));
            }
        }
        return out;
    }

    /** A request for {@code op} with {@code mutation} applied. */
    Request request(Operation op, Mutation mutation) {
        Map<String, String> pathValues = new LinkedHashMap<>();
        List<String> query = new ArrayList<>();
        List<JsonNode> params = op.parameters();
        JsonNode mutated = params.isEmpty() ? null : params.get(random.nextInt(params.size()));
        for (JsonNode p : params) {
            String name = p.path("name").asText();
            boolean required = p.path("required").asBoolean(false) || "path".equals(p.path("in").asText());
            if (!required && p != mutated && random.nextBoolean()) {
                continue;
            }
            String value = parameterValue(resolve(p.path("schema")));
            if (p == mutated) {
                value = switch (mutation) {
                    case PARAMETER_NUL -> value + "\u0000";
                    case PARAMETER_HUGE -> "h".repeat(3_000 + random.nextInt(3_000));
                    case PARAMETER_WRONG_TYPE -> List.of("abc", "-1", "1e999", "{}", "../..", "%", "true").get(random.nextInt(7));
                    default -> value;
                };
            }
            switch (p.path("in").asText()) {
                case "path" -> pathValues.put(name, value);
                case "query" -> query.add(encode(name) + "=" + encode(value));
                default -> { } // headers and cookies are the client's own
            }
        }
        String path = op.path();
        for (var m = java.util.regex.Pattern.compile("\\{([^}]+)}").matcher(op.path()); m.find(); ) {
            String value = pathValues.getOrDefault(m.group(1), randomId());
            path = path.replace(m.group(), encode(value).replace("+", "%20"));
        }
        if (params.isEmpty() && mutation.name().startsWith("PARAMETER_")) {
            query.add("q=" + encode(mutation == Mutation.PARAMETER_NUL ? "x\u0000" : "h".repeat(3_000)));
        }
        String pathAndQuery = query.isEmpty() ? path : path + "?" + String.join("&", query);
        if (!op.hasBody()) {
            return new Request(op.method(), pathAndQuery, "application/json", new byte[0], mutation);
        }
        JsonNode body = op.bodySchema().isMissingNode() ? randomObject(2) : value(resolve(op.bodySchema()), 0);
        byte[] bytes;
        String contentType = "application/json";
        switch (mutation) {
            case NUL -> bytes = write(replaceLeaf(body, NODES.textNode("x\u0000y")));
            case HUGE -> bytes = write(replaceLeaf(body, NODES.textNode("H".repeat(random.nextInt(4) == 0
                    ? 3 * 1024 * 1024 : 150_000))));
            case WRONG_TYPE -> bytes = write(replaceLeaf(body, List.<JsonNode>of(NODES.numberNode(-1), NODES.textNode("abc"),
                    NODES.booleanNode(true), NODES.nullNode(), NODES.arrayNode().add(1), NODES.objectNode().put("k", 1),
                    NODES.numberNode(1e308), NODES.numberNode(Long.MIN_VALUE)).get(random.nextInt(8))));
            case MISSING_REQUIRED -> {
                if (body instanceof ObjectNode o && o.size() > 0) {
                    o.remove(o.fieldNames().next());
                }
                bytes = write(body);
            }
            case UNKNOWN_FIELDS -> {
                JsonNode b = body.isObject() ? body : NODES.objectNode();
                ((ObjectNode) b).put("unexpected\u00e9", "v").set("__proto__", NODES.objectNode().put("x", 1));
                bytes = write(b);
            }
            case GARBAGE -> {
                bytes = new byte[random.nextInt(2_000)];
                random.nextBytes(bytes);
            }
            case INVALID_UTF8 -> bytes = concat("{\"text\":\"".getBytes(StandardCharsets.UTF_8),
                    new byte[] {(byte) 0xc3, (byte) 0x28, (byte) 0xff, (byte) 0xfe}, "\"}".getBytes(StandardCharsets.UTF_8));
            case BROKEN_JSON -> {
                byte[] whole = write(body);
                bytes = java.util.Arrays.copyOf(whole, Math.max(1, whole.length - 1 - random.nextInt(Math.max(1, whole.length / 2))));
            }
            case DEEP_NESTING -> bytes = ("[".repeat(5_000) + "]".repeat(5_000)).getBytes(StandardCharsets.UTF_8);
            case WRONG_CONTENT_TYPE -> {
                contentType = List.of("text/plain", "multipart/form-data; boundary=zz", "application/x-www-form-urlencoded",
                        "application/xml").get(random.nextInt(4));
                bytes = contentType.startsWith("multipart") ? "--zz\r\nContent-Disposition: form-data; name=\"archive\"\r\n\r\nnot a jar\r\n--z"
                        .getBytes(StandardCharsets.UTF_8) : write(body);
            }
            default -> bytes = write(body);
        }
        return new Request(op.method(), pathAndQuery, contentType, bytes, mutation);
    }

    /** A value that follows {@code schema}. */
    JsonNode value(JsonNode schema, int depth) {
        schema = resolve(schema);
        for (String choice : List.of("oneOf", "anyOf")) {
            if (schema.has(choice) && schema.get(choice).isArray() && !schema.get(choice).isEmpty()) {
                return value(schema.get(choice).get(random.nextInt(schema.get(choice).size())), depth);
            }
        }
        if (schema.has("allOf")) {
            ObjectNode merged = NODES.objectNode();
            for (JsonNode part : schema.get("allOf")) {
                JsonNode v = value(part, depth);
                if (v.isObject()) {
                    merged.setAll((ObjectNode) v);
                }
            }
            return merged;
        }
        if (schema.has("enum") && !schema.get("enum").isEmpty()) {
            return schema.get("enum").get(random.nextInt(schema.get("enum").size()));
        }
        if (schema.has("example") && random.nextInt(3) == 0) {
            return schema.get("example");
        }
        String type = schema.path("type").isArray() ? schema.path("type").get(0).asText() : schema.path("type").asText("");
        if (type.isEmpty()) {
            type = schema.has("properties") ? "object" : schema.has("items") ? "array" : "string";
        }
        return switch (type) {
            case "object" -> {
                ObjectNode o = NODES.objectNode();
                java.util.Set<String> required = new java.util.HashSet<>();
                schema.path("required").forEach(r -> required.add(r.asText()));
                for (Iterator<Map.Entry<String, JsonNode>> it = schema.path("properties").fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> p = it.next();
                    if (depth < 4 && (required.contains(p.getKey()) || random.nextBoolean())) {
                        o.set(p.getKey(), value(p.getValue(), depth + 1));
                    }
                }
                yield o;
            }
            case "array" -> {
                ArrayNode a = NODES.arrayNode();
                int min = schema.path("minItems").asInt(0);
                int n = depth >= 4 ? min : min + random.nextInt(3);
                for (int i = 0; i < n; i++) {
                    a.add(value(schema.path("items"), depth + 1));
                }
                yield a;
            }
            case "integer" -> {
                long min = schema.path("minimum").asLong(-5);
                long max = schema.path("maximum").asLong(Math.max(min, 0) + 100);
                yield NODES.numberNode(min + (long) (random.nextDouble() * (max - min)));
            }
            case "number" -> {
                double min = schema.path("minimum").asDouble(0);
                double max = schema.path("maximum").asDouble(min + 10);
                yield NODES.numberNode(min + random.nextDouble() * (max - min));
            }
            case "boolean" -> NODES.booleanNode(random.nextBoolean());
            default -> NODES.textNode(string(schema));
        };
    }

    private String parameterValue(JsonNode schema) {
        JsonNode v = value(schema, 3);
        return v.isTextual() ? v.asText() : v.toString();
    }

    private String string(JsonNode schema) {
        String format = schema.path("format").asText("");
        switch (format) {
            case "uuid" -> {
                return UUID.randomUUID().toString();
            }
            case "date-time" -> {
                return java.time.Instant.ofEpochSecond(1_700_000_000L + random.nextInt(100_000_000)).toString();
            }
            case "date" -> {
                return java.time.LocalDate.ofEpochDay(19_000 + random.nextInt(2_000)).toString();
            }
            default -> { }
        }
        int min = schema.path("minLength").asInt(1);
        int max = Math.min(schema.path("maxLength").asInt(24), 64);
        int length = Math.max(min, Math.min(max, 1 + random.nextInt(Math.max(1, max))));
        String alphabet = schema.has("pattern") ? "abcdefghijklmnopqrstuvwxyz0123456789"
                : "abcdefghijklmnopqrstuvwxyz ABCXYZ0123456789.-_éß漢";
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < length; i++) {
            s.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return s.toString();
    }

    private JsonNode randomObject(int depth) {
        ObjectNode o = NODES.objectNode();
        int n = random.nextInt(4);
        for (int i = 0; i < n; i++) {
            String key = List.of("name", "text", "prompt", "id", "value", "modality", "items").get(random.nextInt(7));
            o.set(key, depth > 0 && random.nextInt(4) == 0 ? randomObject(depth - 1) : value(NODES.objectNode()
                    .put("type", List.of("string", "integer", "boolean", "number").get(random.nextInt(4))), depth));
        }
        return o;
    }

    /** Replaces one random leaf of {@code body} (or adds a member) with {@code leaf}. */
    private JsonNode replaceLeaf(JsonNode body, JsonNode leaf) {
        List<JsonNode> containers = new ArrayList<>();
        collect(body, containers);
        if (containers.isEmpty()) {
            return leaf;
        }
        JsonNode target = containers.get(random.nextInt(containers.size()));
        if (target instanceof ObjectNode o) {
            List<String> names = new ArrayList<>();
            o.fieldNames().forEachRemaining(names::add);
            o.set(names.isEmpty() ? "text" : names.get(random.nextInt(names.size())), leaf);
        } else if (target instanceof ArrayNode a) {
            if (a.isEmpty()) {
                a.add(leaf);
            } else {
                a.set(random.nextInt(a.size()), leaf);
            }
        }
        return body;
    }

    private static void collect(JsonNode node, List<JsonNode> containers) {
        if (node.isContainerNode()) {
            containers.add(node);
            node.forEach(child -> collect(child, containers));
        }
    }

    private JsonNode resolve(JsonNode node) {
        for (int i = 0; i < 10 && node.has("$ref"); i++) {
            String ref = node.get("$ref").asText();
            if (!ref.startsWith("#/")) {
                return NODES.objectNode();
            }
            node = spec.at(ref.substring(1));
        }
        return node;
    }

    private String randomId() {
        return random.nextBoolean() ? UUID.randomUUID().toString() : string(NODES.objectNode().put("maxLength", 12));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static byte[] write(JsonNode node) {
        try {
            return JSON.writeValueAsBytes(node);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] concat(byte[]... parts) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }
}
