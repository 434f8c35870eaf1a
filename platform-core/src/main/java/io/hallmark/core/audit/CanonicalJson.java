package io.hallmark.core.audit;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;

/**
 * Hallmark canonical JSON, version 1: the one byte sequence a JSON value hashes and signs as.
 *
 * <ul>
 *   <li>No whitespace. UTF-8. Object members sorted by key, comparing UTF-16 code units (as RFC 8785).
 *   <li>Strings: {@code "} and {@code \} escaped with a backslash; {@code \b \t \n \f \r}; other control
 *       characters below U+0020 as {@code \}{@code u00xx} (lower-case hex); everything else literally. U+0000
 *       and unpaired surrogates are rejected (PostgreSQL {@code jsonb} cannot store them).
 *   <li>Numbers: the exact decimal value, written as the shortest plain decimal without exponent and without
 *       trailing zeros ({@code 1.0} and {@code 1} are both {@code 1}; {@code 1e-3} is {@code 0.001};
 *       {@code -0} is {@code 0}). Doubles are taken at their shortest round-trip decimal ({@code 0.1} is
 *       {@code 0.1}). NaN and infinities are rejected. This differs from RFC 8785, which uses ECMAScript's
 *       number form; it was chosen so that a value read back from {@code jsonb} (an exact decimal) gives the
 *       same bytes as the value appended.
 *   <li>{@code true}, {@code false}, {@code null} as usual.
 * </ul>
 */
public final class CanonicalJson {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.USE_BIG_INTEGER_FOR_INTS)
            .build();

    private CanonicalJson() {}

    /** The mapper Hallmark's audit code reads and writes JSON with (exact decimals, ISO-8601 times). */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /** Canonical bytes of any JSON-serializable value (maps, lists, records, strings, numbers). */
    public static byte[] bytes(Object value) {
        return string(value).getBytes(StandardCharsets.UTF_8);
    }

    /** Canonical text of any JSON-serializable value. */
    public static String string(Object value) {
        JsonNode node = value instanceof JsonNode n ? n : MAPPER.valueToTree(value);
        StringBuilder out = new StringBuilder(128);
        write(node, out);
        return out.toString();
    }

    /** Parses JSON text (for instance a {@code jsonb} column) and returns its canonical text. */
    public static String canonicalize(String json) {
        try {
            return string(MAPPER.readTree(json));
        } catch (IOException e) {
            throw new IllegalArgumentException("Not valid JSON: " + e.getMessage(), e);
        }
    }

    /** Parses JSON text with exact decimals. */
    public static JsonNode parse(String json) {
        try {
            return MAPPER.readTree(json);
        } catch (IOException e) {
            throw new IllegalArgumentException("Not valid JSON: " + e.getMessage(), e);
        }
    }

    private static void write(JsonNode node, StringBuilder out) {
        switch (node.getNodeType()) {
            case OBJECT -> {
                List<String> names = new ArrayList<>(node.size());
                for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
                    names.add(it.next());
                }
                Collections.sort(names);
                out.append('{');
                for (int i = 0; i < names.size(); i++) {
                    if (i > 0) {
                        out.append(',');
                    }
                    writeString(names.get(i), out);
                    out.append(':');
                    write(node.get(names.get(i)), out);
                }
                out.append('}');
            }
            case ARRAY -> {
                out.append('[');
                for (int i = 0; i < node.size(); i++) {
                    if (i > 0) {
                        out.append(',');
                    }
                    write(node.get(i), out);
                }
                out.append(']');
            }
            case STRING -> writeString(node.textValue(), out);
            case NUMBER -> out.append(number(node));
            case BOOLEAN -> out.append(node.booleanValue() ? "true" : "false");
            case NULL -> out.append("null");
            default -> throw new IllegalArgumentException("Cannot put a " + node.getNodeType()
                    + " value into canonical JSON; use strings, numbers, booleans, null, lists and maps");
        }
    }

    private static String number(JsonNode node) {
        if (node.isIntegralNumber()) {
            return node.bigIntegerValue().toString();
        }
        BigDecimal value;
        if (node.isDouble() || node.isFloat()) {
            double d = node.doubleValue();
            if (Double.isNaN(d) || Double.isInfinite(d)) {
                throw new IllegalArgumentException("Canonical JSON has no NaN or infinity; was " + d);
            }
            value = node.isFloat() ? new BigDecimal(Float.toString(node.floatValue())) : BigDecimal.valueOf(d);
        } else {
            value = node.decimalValue();
        }
        if (value.signum() == 0) {
            return "0";
        }
        value = value.stripTrailingZeros();
        if (Math.abs((long) value.scale()) > 10_000) {
            throw new IllegalArgumentException("Number too large or too small for canonical JSON: " + value);
        }
        return value.scale() <= 0 ? value.toBigIntegerExact().toString() : value.toPlainString();
    }

    private static void writeString(String s, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\b' -> out.append("\\b");
                case '\t' -> out.append("\\t");
                case '\n' -> out.append("\\n");
                case '\f' -> out.append("\\f");
                case '\r' -> out.append("\\r");
                default -> {
                    if (c == 0) {
                        throw new IllegalArgumentException("Canonical JSON strings must not contain U+0000");
                    } else if (c < 0x20) {
                        out.append("\\u00").append(Character.forDigit(c >> 4, 16)).append(Character.forDigit(c & 15, 16));
                    } else if (Character.isHighSurrogate(c)) {
                        if (i + 1 >= s.length() || !Character.isLowSurrogate(s.charAt(i + 1))) {
                            throw new IllegalArgumentException("Unpaired surrogate in string at index " + i);
                        }
                        out.append(c).append(s.charAt(++i));
                    } else if (Character.isLowSurrogate(c)) {
                        throw new IllegalArgumentException("Unpaired surrogate in string at index " + i);
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
