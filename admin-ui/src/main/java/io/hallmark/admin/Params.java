package io.hallmark.admin;

import io.hallmark.api.InvalidRequestException;
import io.javalin.http.Context;
import java.util.Locale;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** Query and path parameters read with errors that name the parameter (400 in the one error shape). */
final class Params {

    private Params() {}

    static int page(Context ctx) {
        return intParam(ctx, "page", 1, 1, 1_000_000);
    }

    static int size(Context ctx) {
        return intParam(ctx, "size", 20, 1, 200);
    }

    static int intParam(Context ctx, String name, int fallback, int min, int max) {
        String value = ctx.queryParam(name);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            int n = Integer.parseInt(value.strip());
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw InvalidRequestException.of(name, "Parameter '" + name + "' must be a whole number from " + min + " to "
                + max + ", was '" + shorten(value) + "'");
    }

    static @Nullable String text(Context ctx, String name, int maxLength) {
        String value = ctx.queryParam(name);
        if (value == null || value.isBlank()) {
            return null;
        }
        if (value.length() > maxLength) {
            throw InvalidRequestException.of(name, "Parameter '" + name + "' may have at most " + maxLength + " characters");
        }
        return value.strip();
    }

    static <E extends Enum<E>> @Nullable E enumParam(Context ctx, String name, Class<E> type) {
        String value = ctx.queryParam(name);
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw InvalidRequestException.of(name, "Unknown " + name + " '" + shorten(value) + "'; valid: "
                    + java.util.Arrays.toString(type.getEnumConstants()));
        }
    }

    static UUID uuid(Context ctx, String name) {
        String value = ctx.pathParam(name);
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            throw InvalidRequestException.of(name, "'" + shorten(value) + "' is not an id (a UUID)");
        }
    }

    private static String shorten(String value) {
        return value.length() > 64 ? value.substring(0, 64) + "…" : value;
    }
}
