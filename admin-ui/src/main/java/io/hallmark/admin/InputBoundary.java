package io.hallmark.admin;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.hallmark.api.InvalidRequestException;
import io.hallmark.api.input.FieldLimits;
import io.hallmark.api.input.TextInput;
import io.javalin.http.Context;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Map;

/**
 * Where every string of an HTTP request enters the platform, checked once: query and path parameters (before the
 * route runs), JSON bodies (every string value and member name, wherever it sits), and plain-text bodies. Invalid
 * UTF-8, NUL and unpaired surrogates are refused with a 400 naming the field ({@code messages[0].content},
 * {@code parameters.stop[1]}, the query parameter's name); so are strings over their documented maximum
 * ({@link FieldLimits}). Knowledge-base documents are the exception: {@link #documents} only parses them, and
 * ingestion cleans their text and reports what it removed. The size of a body is limited before it is read, by
 * {@link RequestLimits}.
 */
final class InputBoundary {

    private static final ObjectMapper STRICT = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private InputBoundary() {}

    /** Before every matched route: each query parameter (name and values) and each path parameter. */
    static void checkParameters(Context ctx) {
        for (Map.Entry<String, java.util.List<String>> e : ctx.queryParamMap().entrySet()) {
            String name = e.getKey();
            TextInput.checked("query parameter name", name, 100);
            for (String value : e.getValue()) {
                TextInput.checked(name, value, FieldLimits.PARAMETER);
            }
        }
        for (Map.Entry<String, String> e : ctx.pathParamMap().entrySet()) {
            TextInput.checked(e.getKey(), e.getValue(), FieldLimits.PARAMETER);
        }
    }

    /** The body as a JSON object whose every string is storable and at most {@link FieldLimits#JSON_STRING} long. */
    static JsonNode json(Context ctx) {
        JsonNode node = parse(ctx);
        if (!node.isObject()) {
            throw new InvalidRequestException("The request body must be a JSON object");
        }
        checkStrings(node, "");
        return node;
    }

    /** A knowledge-base ingest body: strict JSON, its text left for ingestion to clean (and report). */
    static JsonNode documents(Context ctx) {
        return parse(ctx);
    }

    /** The body as strict UTF-8 text (a policy, a PEM key), storable and at most {@code maxChars} long. */
    static String text(Context ctx, String field, int maxChars) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes(ctx))).toString();
        } catch (CharacterCodingException e) {
            throw InvalidRequestException.of(field, "The request body is not valid UTF-8 text; send it as UTF-8");
        }
        return TextInput.checked(field, text, maxChars);
    }

    /** The raw body, read within the route's size limit. */
    static byte[] bytes(Context ctx) {
        return ctx.bodyAsBytes(); // RequestLimits stops a body over the route's limit while Jetty reads it
    }

    private static JsonNode parse(Context ctx) {
        byte[] body = bytes(ctx);
        if (body.length == 0 || new String(body, StandardCharsets.UTF_8).isBlank()) {
            throw new InvalidRequestException("The request needs a JSON body");
        }
        try {
            JsonNode node = STRICT.readTree(body);
            if (node == null || node.isMissingNode()) {
                throw new InvalidRequestException("The request needs a JSON body");
            }
            return node;
        } catch (JsonProcessingException e) {
            throw new InvalidRequestException("The request body is not valid JSON in UTF-8: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new InvalidRequestException("The request body cannot be read: " + e.getMessage());
        }
    }

    private static void checkStrings(JsonNode node, String path) {
        if (node.isTextual()) {
            TextInput.checked(path.isEmpty() ? "body" : path, node.textValue(), FieldLimits.JSON_STRING);
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                checkStrings(node.get(i), path + "[" + i + "]");
            }
        } else if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> member = it.next();
                String name = member.getKey();
                if (!TextInput.storable(name) || name.length() > FieldLimits.LABEL) {
                    throw InvalidRequestException.of(path.isEmpty() ? "body" : path, "A member name in "
                            + (path.isEmpty() ? "the body" : "'" + path + "'") + " ('" + TextInput.quote(name)
                            + "') holds a character that cannot be stored or is longer than " + FieldLimits.LABEL
                            + " characters");
                }
                checkStrings(member.getValue(), path.isEmpty() ? name : path + "." + name);
            }
        }
    }
}
