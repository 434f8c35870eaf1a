package io.hallmark.core.audit;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The signed {@code audit.retention.applied} event a retention run appends in the same transaction that removes
 * payloads. Its payload names the exact sequence ranges whose payloads were removed, the cutoff and the retention
 * setting in force, and carries the platform key's Ed25519 signature over the canonical JSON of everything else
 * (prefixed by {@link #SIGNING_CONTEXT}). The verifier accepts a removed payload only when a valid event of this
 * kind covers it: someone who can write to the database but does not hold the platform key cannot make one.
 *
 * @param cutoff payloads of events strictly before this instant were removed
 * @param retentionDays the {@code audit-retention-days} setting in force (at least
 *     {@link AuditSettings#MIN_RETENTION_DAYS})
 * @param ranges inclusive {@code [first, last]} sequence ranges whose payloads were removed, ascending
 * @param eventsRemoved how many payloads were removed (the ranges' total length)
 */
public record RetentionEvent(Instant cutoff, int retentionDays, List<long[]> ranges, long eventsRemoved) {

    /** The event type. */
    public static final String TYPE = "audit.retention.applied";

    /** Domain separation: a retention signature can never be mistaken for any other Hallmark signature. */
    static final String SIGNING_CONTEXT = "hallmark.audit.retention/v1\n";

    /** Event types whose payloads retention never removes: the verifier needs them to check the log itself. */
    static final List<String> KEPT_TYPES = List.of(TYPE, AuditKeyRegistry.EVENT, AuditKeyRegistry.ROTATED_EVENT);

    /** Groups ascending sequence numbers into inclusive ranges. */
    static List<long[]> ranges(List<Long> ascendingSeqs) {
        List<long[]> out = new ArrayList<>();
        for (long seq : ascendingSeqs) {
            if (!out.isEmpty() && out.getLast()[1] + 1 == seq) {
                out.getLast()[1] = seq;
            } else {
                out.add(new long[] {seq, seq});
            }
        }
        return out;
    }

    /** The payload to append, signed by {@code signer}. */
    Map<String, Object> signedPayload(Signer signer, Map<String, Object> facts) {
        Map<String, Object> body = new TreeMap<>(facts);
        body.put("v", 1);
        body.put("cutoff", cutoff.toString());
        body.put("retentionDays", retentionDays);
        body.put("ranges", ranges.stream().map(r -> List.of(r[0], r[1])).toList());
        body.put("eventsRemoved", eventsRemoved);
        body.put("signer", signer.verifierKey().encoded());
        byte[] sig = signer.sign(signedBytes(body));
        Map<String, Object> out = new LinkedHashMap<>(body);
        out.put("signature", Base64.getEncoder().encodeToString(sig));
        return out;
    }

    private static byte[] signedBytes(Object bodyWithoutSignature) {
        byte[] json = CanonicalJson.bytes(bodyWithoutSignature);
        byte[] ctx = SIGNING_CONTEXT.getBytes(StandardCharsets.UTF_8);
        byte[] out = new byte[ctx.length + json.length];
        System.arraycopy(ctx, 0, out, 0, ctx.length);
        System.arraycopy(json, 0, out, ctx.length, json.length);
        return out;
    }

    /**
     * Reads and checks the payload of a retention event appended at {@code eventTime} (the time its leaf commits to,
     * not a time the payload claims): the signature by one of {@code keys}, the setting at least the legal minimum,
     * and the cutoff no later than {@code eventTime} minus the setting.
     *
     * @throws IllegalArgumentException saying what is wrong
     */
    static RetentionEvent verify(String payloadJson, Instant eventTime, Collection<VerifierKey> keys) {
        JsonNode node = CanonicalJson.parse(payloadJson);
        if (!node.isObject() || !node.path("signature").isTextual() || !node.path("signer").isTextual()) {
            throw new IllegalArgumentException("it carries no platform signature (a retention run always signs its event)");
        }
        VerifierKey signer;
        try {
            signer = VerifierKey.parse(node.path("signer").asText());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("its signer key cannot be read: " + e.getMessage());
        }
        if (keys.stream().noneMatch(signer::equals)) {
            throw new IllegalArgumentException("it is signed by " + signer.name() + "+" + signer.keyHashHex()
                    + ", which is not a trusted platform key");
        }
        Map<String, Object> body = new TreeMap<>(CanonicalJson.mapper().convertValue(node,
                new com.fasterxml.jackson.core.type.TypeReference<Map<String, Object>>() {}));
        body.remove("signature");
        byte[] sig;
        try {
            sig = Base64.getDecoder().decode(node.path("signature").asText());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("its signature is not base64");
        }
        if (!signer.verify(signedBytes(body), sig)) {
            throw new IllegalArgumentException("its signature by " + signer.name() + " does not verify: the event was forged");
        }
        int days = node.path("retentionDays").asInt(-1);
        if (days < AuditSettings.MIN_RETENTION_DAYS) {
            throw new IllegalArgumentException("it applied a retention of " + days + " days, below the legal minimum of "
                    + AuditSettings.MIN_RETENTION_DAYS);
        }
        Instant cutoff = Instant.parse(node.path("cutoff").asText());
        if (cutoff.isAfter(eventTime.minus(Duration.ofDays(days)))) {
            throw new IllegalArgumentException("its cutoff " + cutoff + " is later than its own time " + eventTime
                    + " minus " + days + " days");
        }
        List<long[]> ranges = new ArrayList<>();
        long total = 0;
        for (JsonNode r : node.path("ranges")) {
            long first = r.path(0).asLong(-1);
            long last = r.path(1).asLong(-1);
            if (first < 1 || last < first) {
                throw new IllegalArgumentException("it names a malformed range " + r);
            }
            ranges.add(new long[] {first, last});
            total += last - first + 1;
        }
        if (total != node.path("eventsRemoved").asLong(-1)) {
            throw new IllegalArgumentException("its ranges hold " + total + " events but it says "
                    + node.path("eventsRemoved").asLong(-1));
        }
        return new RetentionEvent(cutoff, days, List.copyOf(ranges), total);
    }

    /** Whether this run removed the payload of {@code seq}. */
    boolean covers(long seq) {
        int lo = 0;
        int hi = ranges.size() - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            long[] r = ranges.get(mid);
            if (seq < r[0]) {
                hi = mid - 1;
            } else if (seq > r[1]) {
                lo = mid + 1;
            } else {
                return true;
            }
        }
        return false;
    }
}
