package io.hallmark.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The OpenAPI 3.1 document of the REST API: the hand-written description in {@code openapi/hallmark-api.yaml}
 * (request bodies, parameters, responses with schemas and examples) checked against and completed from the
 * registered routes: each operation gets its {@code operationId}, the roles that may call it ({@code x-roles}) and
 * its path parameters from the route. A route the file does not describe still appears, with an empty summary, and
 * a description without a route stays in the document, so the tests that compare both sides see every difference.
 */
final class OpenApi {

    /** Where the description lives on the class path. */
    static final String RESOURCE = "/openapi/hallmark-api.yaml";

    private static final Pattern PATH_PARAM = Pattern.compile("\\{([^}]+)}");
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final ObjectNode DESCRIPTION = load();

    private OpenApi() {}

    private static ObjectNode load() {
        try (InputStream in = OpenApi.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("The OpenAPI description " + RESOURCE + " is missing from the class path");
            }
            return (ObjectNode) YAML.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("The OpenAPI description " + RESOURCE + " cannot be read", e);
        }
    }

    /** The document for {@code routes}, with {@code version} as the API version. */
    static ObjectNode document(List<HttpServer.Route> routes, String version) {
        ObjectNode doc = DESCRIPTION.deepCopy();
        ((ObjectNode) doc.path("info")).put("version", version);
        ObjectNode paths = (ObjectNode) doc.path("paths");
        Set<String> operationIds = new HashSet<>();
        for (HttpServer.Route route : routes) {
            String method = route.method().toLowerCase(Locale.ROOT);
            if (method.equals("head") || method.equals("options")) {
                continue;
            }
            ObjectNode item = paths.has(route.path()) ? (ObjectNode) paths.get(route.path()) : paths.putObject(route.path());
            ObjectNode op;
            if (item.has(method)) {
                op = (ObjectNode) item.get(method);
            } else { // not described: visible, and caught by the tests
                op = item.putObject(method);
                op.put("summary", "");
                op.putObject("responses").putObject("default").put("description", "Not described yet");
            }
            String id = operationId(route);
            op.put("operationId", operationIds.add(id) ? id : id + operationIds.size());
            ArrayNode roles = op.putArray("x-roles");
            route.allowed().stream().map(Enum::name).sorted().forEach(roles::add);
            addPathParameters(op, route.path());
            if (route.allowed().contains(Allowed.PUBLIC) && !op.has("security")) {
                op.putArray("security");
            }
            if (!method.equals("get") && !method.equals("delete")) { // enforced while reading: 413 past it
                op.put("x-max-body-bytes", RequestLimits.limitFor(route.method(), route.path()));
            }
        }
        return doc;
    }

    private static void addPathParameters(ObjectNode op, String path) {
        Set<String> declared = new HashSet<>();
        op.path("parameters").forEach(p -> {
            if ("path".equals(p.path("in").asText())) {
                declared.add(p.path("name").asText());
            }
        });
        Matcher m = PATH_PARAM.matcher(path);
        while (m.find()) {
            if (declared.add(m.group(1))) {
                ArrayNode parameters = op.has("parameters") ? (ArrayNode) op.get("parameters") : op.putArray("parameters");
                ObjectNode p = JsonNodeFactory.instance.objectNode();
                p.put("name", m.group(1)).put("in", "path").put("required", true).putObject("schema").put("type", "string");
                parameters.add(p);
            }
        }
    }

    /** The described operations as {@code METHOD path} (for the tests that compare them with the routes). */
    static Set<String> described() {
        Set<String> ops = new HashSet<>();
        DESCRIPTION.path("paths").properties().forEach(p -> p.getValue().properties()
                .forEach(op -> ops.add(op.getKey().toUpperCase(Locale.ROOT) + " " + p.getKey())));
        return ops;
    }

    /** The raw description (no route data), e.g. for validators. */
    static JsonNode description() {
        return DESCRIPTION.deepCopy();
    }

    private static String operationId(HttpServer.Route route) {
        StringBuilder id = new StringBuilder(route.method().toLowerCase(Locale.ROOT));
        for (String part : route.path().split("[/{}.-]+")) {
            if (!part.isEmpty() && !part.equals("api") && !part.equals("v1")) {
                id.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
            }
        }
        return id.toString();
    }
}
