package io.hallmark.core.audit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A C2SP {@code tlog-witness}: for each log it is configured with (origin and the log's public keys) it keeps the
 * latest checkpoint it cosigned, and cosigns a new one only when a consistency proof shows that it extends that
 * one. A rolled-back log (a smaller checkpoint), a fork (same size, other root) or a rewritten history (the proof
 * fails) is refused and the refusal logged to {@code refused.log} as evidence.
 *
 * <p>State: one file per log under the state folder ({@code <sha256(origin)>.checkpoint}, the latest cosigned
 * checkpoint), replaced atomically; the check and the update happen under one lock, so two concurrent requests
 * cannot roll the state back. One process owns a state folder.
 */
public final class Witness {

    private static final Logger log = LoggerFactory.getLogger(Witness.class);
    private static final int MAX_PROOF_LINES = 63;

    /** An HTTP answer: status, content type, body. */
    public record Response(int status, String contentType, String body) {

        static Response text(int status, String body) {
            return new Response(status, "text/plain; charset=utf-8", body.endsWith("\n") ? body : body + "\n");
        }
    }

    private final CosignerKey key;
    private final Signer signer;
    private final Path stateDir;
    private final Map<String, List<VerifierKey>> logs;
    private final Clock clock;

    /**
     * @param key the witness's public key and name
     * @param signer the witness's private key (its own, never the platform key of a log it witnesses)
     * @param stateDir where the latest cosigned checkpoint of each log is kept
     * @param logs each witnessed log's origin and the keys its checkpoints may be signed with
     */
    public Witness(CosignerKey key, Signer signer, Path stateDir, Map<String, List<VerifierKey>> logs, Clock clock) {
        if (!java.util.Arrays.equals(key.rawKey(), signer.verifierKey().rawKey())) {
            throw new IllegalArgumentException("The witness key " + key.name() + " is not the signer's public key");
        }
        this.key = key;
        this.signer = signer;
        this.stateDir = stateDir;
        this.logs = Map.copyOf(logs);
        this.clock = clock;
    }

    public CosignerKey key() {
        return key;
    }

    /** Handles {@code POST <prefix>/add-checkpoint} with {@code body}. */
    public Response addCheckpoint(String body) {
        Request req;
        try {
            req = Request.parse(body);
        } catch (IllegalArgumentException e) {
            return Response.text(400, e.getMessage());
        }
        List<VerifierKey> keys = logs.get(req.origin());
        if (keys == null) {
            return Response.text(404, "unknown log origin " + req.origin());
        }
        Checkpoint cp;
        try {
            cp = Checkpoint.verify(req.note(), keys);
        } catch (IllegalArgumentException e) {
            return Response.text(403, "the checkpoint is not signed by a key of " + req.origin() + ": " + e.getMessage());
        }
        if (req.oldSize() > cp.treeSize()) {
            return Response.text(400, "old size " + req.oldSize() + " is larger than the checkpoint size " + cp.treeSize());
        }
        if (req.oldSize() == 0 && !req.proof().isEmpty()) {
            return Response.text(400, "a proof from size 0 must be empty");
        }
        synchronized (this) {
            try {
                Optional<Checkpoint> latest = latest(req.origin(), keys);
                long size = latest.map(Checkpoint::treeSize).orElse(0L);
                if (req.oldSize() != size) {
                    return new Response(409, "text/x.tlog.size", size + "\n");
                }
                if (latest.isPresent()) {
                    Checkpoint prev = latest.get();
                    if (prev.treeSize() == cp.treeSize()) {
                        if (!java.util.Arrays.equals(prev.rootHash(), cp.rootHash())) {
                            refused(req.origin(), "fork at size " + cp.treeSize(), body);
                            return Response.text(409, "a checkpoint of size " + cp.treeSize() + " with another root "
                                    + "was cosigned: the log is forked");
                        }
                    } else if (!Merkle.verifyConsistency(prev.treeSize(), cp.treeSize(), prev.rootHash(),
                            cp.rootHash(), req.proof())) {
                        refused(req.origin(), "no consistency from " + prev.treeSize() + " to " + cp.treeSize(), body);
                        return Response.text(422, "the consistency proof from size " + prev.treeSize() + " to "
                                + cp.treeSize() + " does not verify");
                    }
                }
                String line = Cosignatures.sign(Cosignatures.body(req.note()), clock.instant(), key, signer);
                store(req.origin(), req.note());
                return new Response(200, "text/plain; charset=utf-8", line);
            } catch (IOException e) {
                log.error("Witness state for {} cannot be read or written: {}", req.origin(), e.getMessage());
                return Response.text(500, "the witness cannot keep its state");
            }
        }
    }

    /** The latest checkpoint this witness cosigned for {@code origin}, with its cosignature, if any. */
    public synchronized Optional<String> latestCosigned(String origin) throws IOException {
        List<VerifierKey> keys = logs.get(origin);
        if (keys == null) {
            return Optional.empty();
        }
        Optional<Checkpoint> latest = latest(origin, keys);
        if (latest.isEmpty()) {
            return Optional.empty();
        }
        String note = latest.get().note();
        return Optional.of(Cosignatures.withCosignatures(note, List.of(Cosignatures.sign(Cosignatures.body(note),
                clock.instant(), key, signer))));
    }

    private Optional<Checkpoint> latest(String origin, List<VerifierKey> keys) throws IOException {
        Path file = stateFile(origin);
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        return Optional.of(Checkpoint.verify(Files.readString(file, StandardCharsets.UTF_8), keys));
    }

    private void store(String origin, String note) throws IOException {
        Files.createDirectories(stateDir);
        Path tmp = Files.createTempFile(stateDir, ".state", ".tmp");
        try {
            Files.writeString(tmp, note, StandardCharsets.UTF_8, StandardOpenOption.SYNC);
            try {
                Files.move(tmp, stateFile(origin), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, stateFile(origin), StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private void refused(String origin, String why, String body) {
        log.warn("Witness refused a checkpoint of {}: {}", origin, why);
        try {
            Files.createDirectories(stateDir);
            Files.writeString(stateDir.resolve("refused.log"), clock.instant() + " " + origin + " " + why + "\n"
                    + body.replace("\n", "\n  ") + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        } catch (IOException e) {
            log.warn("Cannot record the refusal: {}", e.getMessage());
        }
    }

    private Path stateFile(String origin) {
        return stateDir.resolve(Hashes.sha256Hex(origin.getBytes(StandardCharsets.UTF_8)) + ".checkpoint");
    }

    /** A parsed add-checkpoint body. */
    record Request(long oldSize, List<byte[]> proof, String note, String origin) {

        static Request parse(String body) {
            int blank = body.indexOf("\n\n");
            if (!body.startsWith("old ") || blank < 0) {
                throw new IllegalArgumentException("expected 'old <size>', proof lines, a blank line and a checkpoint");
            }
            String[] head = body.substring(0, blank).split("\n");
            long old;
            try {
                String digits = head[0].substring(4);
                if (digits.length() > 1 && digits.startsWith("0")) {
                    throw new NumberFormatException("leading zero");
                }
                old = Long.parseLong(digits);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("malformed old size line '" + head[0] + "'");
            }
            if (old < 0 || head.length - 1 > MAX_PROOF_LINES) {
                throw new IllegalArgumentException("old size below 0 or more than " + MAX_PROOF_LINES + " proof lines");
            }
            List<byte[]> proof = new ArrayList<>();
            for (int i = 1; i < head.length; i++) {
                byte[] h;
                try {
                    h = Base64.getDecoder().decode(head[i]);
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("proof line " + i + " is not base64");
                }
                if (h.length != Merkle.HASH_BYTES) {
                    throw new IllegalArgumentException("proof line " + i + " is not a 32-byte hash");
                }
                proof.add(h);
            }
            String note = body.substring(blank + 2);
            int nl = note.indexOf('\n');
            if (nl <= 0) {
                throw new IllegalArgumentException("the checkpoint has no origin line");
            }
            return new Request(old, proof, note, note.substring(0, nl));
        }
    }
}
