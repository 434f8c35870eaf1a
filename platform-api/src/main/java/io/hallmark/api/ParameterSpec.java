package io.hallmark.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A parameter a generator accepts: its name, type, default and allowed range or values. The host converts and
 * checks every request against these specs before the generator sees it.
 *
 * @param name the parameter name, e.g. {@code temperature}
 * @param type its type
 * @param description one line for help texts and the console
 * @param defaultValue the value used when the request leaves it out, or {@code null} for none
 * @param min the smallest allowed number (INTEGER, NUMBER), or {@code null}
 * @param max the largest allowed number, or the longest allowed string or list, or {@code null}
 * @param allowedValues the only allowed strings (STRING), or empty for any
 */
public record ParameterSpec(
        String name,
        ParameterType type,
        String description,
        @Nullable Object defaultValue,
        @Nullable Double min,
        @Nullable Double max,
        Set<String> allowedValues) {

    private static final Pattern NAME = Pattern.compile("[a-z][a-zA-Z0-9_]{0,63}");

    public ParameterSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(description, "description");
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("Parameter name '" + name + "' must match " + NAME.pattern());
        }
        if (min != null && max != null && min > max) {
            throw new IllegalArgumentException("Parameter '" + name + "': min " + min + " exceeds max " + max);
        }
        allowedValues = Set.copyOf(allowedValues);
        if (defaultValue != null) {
            defaultValue = new ParameterSpec(name, type, description, null, min, max, allowedValues).convert(defaultValue);
        }
    }

    /** An integer parameter within {@code [min, max]}. */
    public static ParameterSpec integer(String name, String description, long defaultValue, long min, long max) {
        return new ParameterSpec(name, ParameterType.INTEGER, description, defaultValue, (double) min, (double) max, Set.of());
    }

    /** A real-number parameter within {@code [min, max]}. */
    public static ParameterSpec number(String name, String description, double defaultValue, double min, double max) {
        return new ParameterSpec(name, ParameterType.NUMBER, description, defaultValue, min, max, Set.of());
    }

    /** A boolean parameter. */
    public static ParameterSpec bool(String name, String description, boolean defaultValue) {
        return new ParameterSpec(name, ParameterType.BOOLEAN, description, defaultValue, null, null, Set.of());
    }

    /** A string parameter limited to {@code maxLength} characters, optionally with a default. */
    public static ParameterSpec string(String name, String description, @Nullable String defaultValue, int maxLength) {
        return new ParameterSpec(name, ParameterType.STRING, description, defaultValue, null, (double) maxLength, Set.of());
    }

    /** A string parameter that must be one of {@code choices}. */
    public static ParameterSpec choice(String name, String description, String defaultValue, Set<String> choices) {
        return new ParameterSpec(name, ParameterType.STRING, description, defaultValue, null, null, choices);
    }

    /** A list of at most {@code maxItems} strings (e.g. stop sequences). */
    public static ParameterSpec stringList(String name, String description, int maxItems) {
        return new ParameterSpec(name, ParameterType.STRING_LIST, description, List.of(), null, (double) maxItems, Set.of());
    }

    /**
     * A conversation of at most {@code maxItems} messages with their roles ({@link ChatTurn}); empty by default, in
     * which case the generator uses the prompt. Declaring it tells the host the generator formats conversations
     * itself (its model's chat template); {@link GenerationRequest#messages()} reads it.
     */
    public static ParameterSpec messages(String name, String description, int maxItems) {
        return new ParameterSpec(name, ParameterType.MESSAGES, description, List.of(), null, (double) maxItems, Set.of());
    }

    /**
     * Converts a request value (as parsed from JSON) to this parameter's type and checks its range.
     *
     * @throws InvalidRequestException naming the parameter, the value and what was expected
     */
    public Object convert(Object value) {
        Objects.requireNonNull(value, "value");
        return switch (type) {
            case INTEGER -> checkRange(toLong(value));
            case NUMBER -> checkRange(toDouble(value));
            case BOOLEAN -> toBoolean(value);
            case STRING -> checkString(value);
            case STRING_LIST -> toStringList(value);
            case MESSAGES -> toMessages(value);
        };
    }

    private long toLong(Object value) {
        if (value instanceof Number n && (n instanceof Long || n instanceof Integer || n instanceof Short
                || n instanceof Byte || n.doubleValue() == Math.rint(n.doubleValue()))) {
            return n.longValue();
        }
        if (value instanceof String s) {
            try {
                return Long.parseLong(s.trim());
            } catch (NumberFormatException e) {
                // reported below
            }
        }
        throw invalid(value, "a whole number");
    }

    private double toDouble(Object value) {
        if (value instanceof Number n) {
            double d = n.doubleValue();
            if (Double.isFinite(d)) {
                return d;
            }
        }
        if (value instanceof String s) {
            try {
                double d = Double.parseDouble(s.trim());
                if (Double.isFinite(d)) {
                    return d;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
        }
        throw invalid(value, "a finite number");
    }

    private <T extends Number> T checkRange(T number) {
        double d = number.doubleValue();
        if ((min != null && d < min) || (max != null && d > max)) {
            throw invalid(number, "a value from " + show(min) + " to " + show(max));
        }
        return number;
    }

    private boolean toBoolean(Object value) {
        if (value instanceof Boolean b) {
            return b;
        }
        if (value instanceof String s && (s.equalsIgnoreCase("true") || s.equalsIgnoreCase("false"))) {
            return Boolean.parseBoolean(s);
        }
        throw invalid(value, "true or false");
    }

    private String checkString(Object value) {
        if (!(value instanceof String s)) {
            throw invalid(value, "a string");
        }
        if (!allowedValues.isEmpty() && !allowedValues.contains(s)) {
            throw invalid(value, "one of " + new java.util.TreeSet<>(allowedValues));
        }
        if (max != null && s.length() > max) {
            throw invalid(s.length() + " characters", "at most " + max.longValue() + " characters");
        }
        return s;
    }

    private List<String> toStringList(Object value) {
        List<?> items = value instanceof List<?> l ? l : value instanceof String s ? List.of(s) : null;
        if (items == null) {
            throw invalid(value, "a list of strings");
        }
        if (max != null && items.size() > max) {
            throw invalid(items.size() + " items", "at most " + max.longValue() + " items");
        }
        List<String> strings = new ArrayList<>(items.size());
        for (Object item : items) {
            if (!(item instanceof String s)) {
                throw invalid(value, "a list of strings");
            }
            strings.add(s);
        }
        return List.copyOf(strings);
    }

    /** A conversation in its JSON form (a list of {@code {role, content}} maps), each message checked. */
    private List<Map<String, Object>> toMessages(Object value) {
        if (!(value instanceof List<?> items)) {
            throw invalid(value, "a list of {role, content} messages");
        }
        if (max != null && items.size() > max) {
            throw invalid(items.size() + " messages", "at most " + max.longValue() + " messages");
        }
        List<Map<String, Object>> messages = new ArrayList<>(items.size());
        for (Object item : items) {
            ChatTurn turn;
            if (item instanceof ChatTurn t) {
                turn = t;
            } else if (item instanceof Map<?, ?> m && m.get("role") instanceof String role
                    && m.get("content") instanceof String content && m.size() == 2) {
                try {
                    turn = new ChatTurn(role, content);
                } catch (IllegalArgumentException e) {
                    throw invalid(item, "a message whose role is one of " + new java.util.TreeSet<>(ChatTurn.ROLES));
                }
            } else {
                throw invalid(item, "a message {role, content} with two strings");
            }
            messages.add(turn.toMap());
        }
        return List.copyOf(messages);
    }

    private InvalidRequestException invalid(Object value, String expected) {
        String message = "Parameter '" + name + "' is " + quote(value) + "; expected " + expected;
        return InvalidRequestException.of(name, message);
    }

    private static String quote(Object value) {
        String text = String.valueOf(value);
        if (text.length() > 80) {
            text = text.substring(0, 77) + "...";
        }
        return value instanceof String ? "'" + text + "'" : text;
    }

    private static String show(@Nullable Double bound) {
        if (bound == null) {
            return "any";
        }
        return bound == Math.rint(bound) ? Long.toString(bound.longValue()) : bound.toString();
    }
}
