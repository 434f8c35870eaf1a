package io.hallmark.core.audit;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Objects;

/**
 * A signed statement of the audit tree's size and root, in the C2SP {@code tlog-checkpoint} format inside a
 * C2SP {@code signed-note}:
 * <pre>
 * hallmark.audit/&lt;log id&gt;
 * 1234
 * &lt;base64 root hash&gt;
 * time 2026-11-28T13:26:34Z
 *
 * — &lt;key name&gt; &lt;base64(4-byte key hash || Ed25519 signature)&gt;
 * </pre>
 * The fourth line is an extension line (the format lets checkpoints carry them); the signature covers every
 * byte of the body up to and including its last newline.
 *
 * @param origin the log's unique name, first line
 * @param treeSize number of leaves
 * @param rootHash 32-byte RFC 6962 root
 * @param time when it was signed (second precision)
 * @param note the full signed note
 */
public record Checkpoint(String origin, long treeSize, byte[] rootHash, Instant time, String note) {

    private static final String DASH = "\u2014 ";

    public Checkpoint {
        Objects.requireNonNull(origin);
        if (treeSize < 0 || rootHash.length != 32) {
            throw new IllegalArgumentException("Bad checkpoint: size " + treeSize + ", root of " + rootHash.length + " bytes");
        }
    }

    /** Signs a new checkpoint. */
    public static Checkpoint sign(String origin, long treeSize, byte[] rootHash, Instant time, Signer key) {
        Instant t = time.truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        String body = origin + "\n" + treeSize + "\n" + Base64.getEncoder().encodeToString(rootHash) + "\n"
                + "time " + t + "\n";
        byte[] sig = key.sign(body.getBytes(StandardCharsets.UTF_8));
        byte[] blob = new byte[4 + sig.length];
        System.arraycopy(key.verifierKey().keyHash(), 0, blob, 0, 4);
        System.arraycopy(sig, 0, blob, 4, sig.length);
        String note = body + "\n" + DASH + key.name() + " " + Base64.getEncoder().encodeToString(blob) + "\n";
        return new Checkpoint(origin, treeSize, rootHash.clone(), t, note);
    }

    /**
     * Parses a signed note and verifies it against {@code key}.
     *
     * @throws IllegalArgumentException saying what is wrong: the format, an unknown signer, a bad signature
     */
    public static Checkpoint verify(String note, VerifierKey key) {
        return verify(note, List.of(key));
    }

    /**
     * Parses a signed note and verifies it against whichever of {@code keys} signed it (several nodes of one
     * platform sign with their own keys).
     *
     * @throws IllegalArgumentException saying what is wrong: the format, an unknown signer, a bad signature
     */
    public static Checkpoint verify(String note, java.util.Collection<VerifierKey> keys) {
        int split = note.lastIndexOf("\n\n");
        if (split < 0 || !note.endsWith("\n")) {
            throw new IllegalArgumentException("Not a signed note: no blank line between text and signatures");
        }
        String body = note.substring(0, split + 1);
        String[] sigLines = note.substring(split + 2).split("\n");
        boolean found = false;
        for (String line : sigLines) {
            if (!line.startsWith(DASH)) {
                throw new IllegalArgumentException("Malformed signature line: '" + line + "'");
            }
            String[] parts = line.substring(DASH.length()).split(" ");
            if (parts.length != 2) {
                throw new IllegalArgumentException("Malformed signature line: '" + line + "'");
            }
            byte[] blob = Base64.getDecoder().decode(parts[1]);
            for (VerifierKey key : keys) {
                if (!parts[0].equals(key.name()) || blob.length < 4
                        || !Arrays.equals(Arrays.copyOf(blob, 4), key.keyHash())) {
                    continue; // someone else's signature
                }
                if (!key.verify(body.getBytes(StandardCharsets.UTF_8), Arrays.copyOfRange(blob, 4, blob.length))) {
                    throw new IllegalArgumentException("The checkpoint's signature by " + key.name() + " is not valid");
                }
                found = true;
            }
        }
        if (!found) {
            throw new IllegalArgumentException("The checkpoint is not signed by " + (keys.size() == 1
                    ? "the trusted key " : "any of the trusted keys ") + keys.stream()
                            .map(k -> k.name() + "+" + k.keyHashHex()).collect(java.util.stream.Collectors.joining(", ")));
        }
        String[] lines = body.split("\n");
        if (lines.length < 3) {
            throw new IllegalArgumentException("A checkpoint has at least three lines: origin, size, root");
        }
        long size = Long.parseLong(lines[1]);
        byte[] root = Base64.getDecoder().decode(lines[2]);
        Instant time = Instant.EPOCH;
        List<String> extensions = new ArrayList<>(Arrays.asList(lines).subList(3, lines.length));
        for (String ext : extensions) {
            if (ext.startsWith("time ")) {
                time = Instant.parse(ext.substring(5));
            }
        }
        return new Checkpoint(lines[0], size, root, time, note);
    }

    public String rootHashHex() {
        return Hashes.hex(rootHash);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Checkpoint c && note.equals(c.note);
    }

    @Override
    public int hashCode() {
        return note.hashCode();
    }

    @Override
    public String toString() {
        return "Checkpoint[" + origin + " size " + treeSize + " root " + rootHashHex() + "]";
    }
}
