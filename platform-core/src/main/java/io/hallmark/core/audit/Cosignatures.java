package io.hallmark.core.audit;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * C2SP {@code tlog-cosignature} v1 (Ed25519): a witness's timestamped signature over
 * {@code "cosignature/v1\ntime <POSIX seconds>\n" || <checkpoint body>}, carried as a signed-note line
 * {@code — <witness name> base64(key ID || u64 big-endian timestamp || signature)}.
 */
public final class Cosignatures {

    private static final String DASH = "\u2014 ";

    private Cosignatures() {}

    /** The body of a signed note: every line up to and including the blank line's preceding newline. */
    static String body(String note) {
        // a signed note's body ends before its first blank line; signature lines never contain one
        int first = note.indexOf("\n\n");
        if (first < 0) {
            throw new IllegalArgumentException("Not a signed note: no blank line between text and signatures");
        }
        return note.substring(0, first + 1);
    }

    static byte[] message(String checkpointBody, long timestamp) {
        return ("cosignature/v1\ntime " + timestamp + "\n" + checkpointBody).getBytes(StandardCharsets.UTF_8);
    }

    /** Cosigns a checkpoint: the signature line a witness returns. */
    static String sign(String checkpointBody, Instant time, CosignerKey key, Signer signer) {
        long ts = time.getEpochSecond();
        byte[] sig = signer.sign(message(checkpointBody, ts));
        ByteBuffer blob = ByteBuffer.allocate(4 + 8 + sig.length);
        blob.put(key.keyId()).putLong(ts).put(sig);
        return DASH + key.name() + " " + Base64.getEncoder().encodeToString(blob.array()) + "\n";
    }

    /**
     * The valid cosignatures on {@code note} by any of {@code witnesses}: witness name to the time it cosigned. Lines
     * by other keys are ignored (as the protocol says); a line that names a trusted witness's key but does not verify
     * is left out.
     */
    public static Map<String, Instant> valid(String note, Collection<CosignerKey> witnesses) {
        String body = body(note);
        Map<String, Instant> out = new LinkedHashMap<>();
        for (String line : note.substring(body.length() + 1).split("\n")) {
            if (!line.startsWith(DASH)) {
                continue;
            }
            String[] parts = line.substring(DASH.length()).split(" ");
            if (parts.length != 2) {
                continue;
            }
            byte[] blob;
            try {
                blob = Base64.getDecoder().decode(parts[1]);
            } catch (IllegalArgumentException e) {
                continue;
            }
            if (blob.length != 4 + 8 + 64) {
                continue;
            }
            for (CosignerKey w : witnesses) {
                if (!w.name().equals(parts[0]) || !Arrays.equals(Arrays.copyOf(blob, 4), w.keyId())) {
                    continue;
                }
                long ts = ByteBuffer.wrap(blob, 4, 8).getLong();
                if (ts >= 0 && w.verify(message(body, ts), Arrays.copyOfRange(blob, 12, blob.length))) {
                    out.put(w.name(), Instant.ofEpochSecond(ts));
                }
            }
        }
        return out;
    }

    /** The checkpoint's note with the cosignature lines appended. */
    static String withCosignatures(String note, Collection<String> lines) {
        StringBuilder b = new StringBuilder(note);
        for (String l : lines) {
            b.append(l.endsWith("\n") ? l : l + "\n");
        }
        return b.toString();
    }
}
