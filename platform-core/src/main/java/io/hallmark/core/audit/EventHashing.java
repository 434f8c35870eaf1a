package io.hallmark.core.audit;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * How an audit event becomes a Merkle leaf.
 *
 * <p>{@code payloadSha256 = hex(SHA-256(canonical JSON of the payload))}. The event's canonical bytes are the
 * canonical JSON ({@link CanonicalJson}) of the object
 * <pre>{"actor":A,"eventTime":T,"eventType":E,"payloadSha256":P,"seq":N,"subject":S,"v":1}</pre>
 * with {@code T} in UTC with exactly six fraction digits ({@code 2026-11-28T13:26:34.123456Z}, PostgreSQL's
 * precision) and {@code S} a string or {@code null}. The leaf hash is {@code SHA-256(0x00 || those bytes)}.
 *
 * <p>The leaf commits to the payload through its hash, so retention can drop an expired payload and keep the
 * row's leaf re-derivable; the leaf contains the sequence number, so moving a row to another position changes
 * its leaf.
 */
public final class EventHashing {

    /** Version of the canonical event form, written into every leaf as {@code "v"}. */
    public static final int VERSION = 1;

    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);

    private EventHashing() {}

    /** Event times are kept to the microsecond, as PostgreSQL stores them. */
    public static Instant truncate(Instant time) {
        return time.truncatedTo(ChronoUnit.MICROS);
    }

    public static String formatTime(Instant time) {
        return TIME.format(truncate(time));
    }

    public static String payloadSha256(String canonicalPayload) {
        return Hashes.sha256Hex(canonicalPayload.getBytes(StandardCharsets.UTF_8));
    }

    public static byte[] canonicalEvent(long seq, Instant eventTime, String actor, String eventType,
            @Nullable String subject, String payloadSha256) {
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("actor", actor);
        event.put("eventTime", formatTime(eventTime));
        event.put("eventType", eventType);
        event.put("payloadSha256", payloadSha256);
        event.put("seq", seq);
        event.put("subject", subject);
        event.put("v", VERSION);
        return CanonicalJson.bytes(event);
    }

    public static byte[] leafHash(long seq, Instant eventTime, String actor, String eventType,
            @Nullable String subject, String payloadSha256) {
        return Merkle.leafHash(canonicalEvent(seq, eventTime, actor, eventType, subject, payloadSha256));
    }
}
