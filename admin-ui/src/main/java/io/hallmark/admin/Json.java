package io.hallmark.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hallmark.api.InvalidRequestException;
import io.javalin.http.Context;

/** Reading JSON request bodies with errors that name the field. */
final class Json {

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .registerModule(new com.fasterxml.jackson.datatype.jsr310.JavaTimeModule())
            .disable(com.fasterxml.jackson.databind.SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private Json() {}

    /** The body as a JSON object, every string in it checked by the {@link InputBoundary}. */
    static JsonNode body(Context ctx) {
        return InputBoundary.json(ctx);
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
        return io.hallmark.api.input.TextInput.checked(field, value.asText(), maxLength);
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
        return io.hallmark.api.input.TextInput.checked(field, value.asText(), maxLength);
    }

    /** A true/false field that may be absent or null ({@code null} then); anything else is refused. */
    static @org.jspecify.annotations.Nullable Boolean optionalBoolean(JsonNode body, String field) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isBoolean()) {
            throw InvalidRequestException.of(field, "Field '" + field + "' must be true or false, was "
                    + shorten(value.toString()));
        }
        return value.booleanValue();
    }

    /** A whole-number field that may be absent or null ({@code null} then); anything else is refused. */
    static @org.jspecify.annotations.Nullable Long optionalLong(JsonNode body, String field) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isIntegralNumber() || !value.canConvertToLong()) {
            throw InvalidRequestException.of(field, "Field '" + field + "' must be a whole number from "
                    + Long.MIN_VALUE + " to " + Long.MAX_VALUE + ", was " + shorten(value.toString()));
        }
        return value.longValue();
    }

    /** A number field in {@code [min, max]} that may be absent or null ({@code null} then); anything else is refused. */
    static @org.jspecify.annotations.Nullable Double optionalNumber(JsonNode body, String field, double min, double max) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isNumber() || !(value.doubleValue() >= min && value.doubleValue() <= max)) {
            throw InvalidRequestException.of(field, "Field '" + field + "' must be a number from " + min + " to " + max
                    + ", was " + shorten(value.toString()));
        }
        return value.doubleValue();
    }

    private static String shorten(String value) {
        return io.hallmark.api.input.TextInput.quote(value);
    }

    static int intIn(JsonNode body, String field, int min, int max) {
        JsonNode value = body.get(field);
        if (value == null || !value.isIntegralNumber() || !value.canConvertToInt() || value.asInt() < min
                || value.asInt() > max) {
            throw InvalidRequestException.of(field, "Field '" + field + "' must be a whole number from " + min + " to " + max);
        }
        return value.asInt();
    }
}
