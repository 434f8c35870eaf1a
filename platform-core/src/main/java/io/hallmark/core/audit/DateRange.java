package io.hallmark.core.audit;

import io.hallmark.api.InvalidRequestException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import org.jspecify.annotations.Nullable;

/**
 * The one rule for date ranges of exports and listings, in the CLI and the REST API alike: each end is a day
 * ({@code 2026-11-28}, UTC) or an instant ({@code 2026-11-28T10:00:00Z}); a day as {@code from} starts at its
 * midnight, a day as {@code to} is <b>inclusive</b> (the range ends at the next midnight), an instant as {@code to} is
 * exclusive. So {@code from = to = 2026-11-28} is that whole day.
 *
 * @param from the first instant in the range
 * @param to the first instant after the range
 */
public record DateRange(Instant from, Instant to) {

    public DateRange {
        if (!from.isBefore(to)) {
            throw InvalidRequestException.of("to", "The range is empty: 'to' (" + to + ", exclusive) must be after "
                    + "'from' (" + from + "); a day as 'to' counts whole, so from=to=2026-11-28 is one day");
        }
    }

    /** Reads both ends; {@code fromName}/{@code toName} name them in errors (e.g. {@code --from}, {@code from}). */
    public static DateRange parse(String from, String to, String fromName, String toName) {
        return new DateRange(start(fromName, from), end(toName, to));
    }

    /** The instant a range starting at {@code value} starts. */
    public static Instant start(String name, String value) {
        return read(name, value, false);
    }

    /** The first instant after a range ending at {@code value} (a day counts whole). */
    public static Instant end(String name, String value) {
        return read(name, value, true);
    }

    /** {@link #start} or {@link #end} of an optional value. */
    public static @Nullable Instant optional(String name, @Nullable String value, boolean end) {
        return value == null || value.isBlank() ? null : read(name, value, end);
    }

    private static Instant read(String name, String value, boolean end) {
        String v = value.strip();
        try {
            if (v.length() == 10) {
                LocalDate day = LocalDate.parse(v);
                return (end ? day.plusDays(1) : day).atStartOfDay(ZoneOffset.UTC).toInstant();
            }
            return Instant.parse(v);
        } catch (DateTimeParseException e) {
            String shown = v.length() > 64 ? v.substring(0, 64) + "…" : v;
            throw InvalidRequestException.of(name, "'" + shown + "' for " + name + " is not a day (2026-11-28, UTC) "
                    + "or an instant (2026-11-28T10:00:00Z)");
        }
    }
}
