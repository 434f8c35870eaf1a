package io.hallmark.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hallmark.api.InvalidRequestException;
import io.javalin.http.Context;
import java.io.IOException;

/** Reading JSON request bodies with errors that name the field. */
final class Json {

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .registerModule(new com.fasterxml.jackson.datatype.jsr310.JavaTimeModule())
            .disable(com.fasterxml.jackson.databind.SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private Json() {}

    static JsonNode body(Context ctx) {
        String text = ctx.body();
        if (text.isBlank()) {
            throw new InvalidRequestException("The request needs a JSON body");
        }
        try {
            JsonNode node = MAPPER.readTree(text);
            if (!node.isObject()) {
                throw new InvalidRequestException("The request body must be a JSON object");
            }
            return node;
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new InvalidRequestException("The request body is not valid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new InvalidRequestException("The request body cannot be read: " + e.getMessage());
        }
    }

    static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static String requiredText(JsonNode body, String field, int maxLength) {
        JsonNode value = body.get(field);
        if (value == null || !value.isTextual() || value.asText().isEmpty()) {
            throw InvalidRequestException.of(field, "Field '" + field + "' is required (a non-empty string)");
        }
        if (value.asText().length() > maxLength) {
            throw InvalidRequestException.of(field, "Field '" + field + "' is longer than " + maxLength + " characters");
        }
        return value.asText();
    }

    /** A string field that may be absent or null ({@code null} then); too long or not a string is refused. */
    static @org.jspecify.annotations.Nullable String optionalText(JsonNode body, String field, int maxLength) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw InvalidRequestException.of(field, "Field '" + field + "' must be a string");
        }
        if (value.asText().length() > maxLength) {
            throw InvalidRequestException.of(field, "Field '" + field + "' is longer than " + maxLength + " characters");
        }
        return value.asText();
    }

    static int intIn(JsonNode body, String field, int min, int max) {
        JsonNode value = body.get(field);
        if (value == null || !value.canConvertToInt() || value.asInt() < min || value.asInt() > max) {
            throw InvalidRequestException.of(field, "Field '" + field + "' must be a whole number from " + min + " to " + max);
        }
        return value.asInt();
    }
}
