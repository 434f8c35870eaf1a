package io.hallmark.core.audit;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * Checks an auditor's bundle written by {@link AuditExporter}, offline: no database, no server, only the files
 * and (optionally) the platform's public key obtained some other way. It checks the bundle signature and every
 * file's hash, the checkpoint's signature, each event's payload hash and leaf hash recomputed from its fields,
 * each event's inclusion proof against the signed root, the consistency proof from the previous
 * checkpoint, and that every model an exported decision names (generator, embedders, safety, bias, fact-check
 * combiner, plugin checks) resolves to a manifest in {@code models.jsonl}. Every problem names the file and line (and sequence number) that failed.
 */
public final class ExportVerifier {

    /** One failed check: the item (file, line, seq) and what is wrong. */
    public record Problem(String item, String message) {
        @Override
        public String toString() {
            return item + ": " + message;
        }
    }

    /**
     * The outcome.
     *
     * @param keyPinned whether the key was given by the caller rather than taken from the bundle
     */
    public record Result(boolean ok, String publicKey, boolean keyPinned, long events, long proofsVerified,
            long treeSize, @Nullable String rootHash, List<Problem> problems) {}

    private static final int MAX_PROBLEMS = 50;
    private static final Set<String> UNLISTED = Set.of("bundle.json", "bundle.json.sig");

    private ExportVerifier() {}

    /**
     * Verifies the bundle in {@code dir}.
     *
     * @param trusted the platform key to trust; {@code null} trusts the bundle's own {@code platform.vkey}
     *     (then compare its fingerprint with the platform's published key)
     */
    public static Result verify(Path dir, @Nullable VerifierKey trusted) {
        return verify(dir, trusted, List.of());
    }

    /**
     * Verifies the bundle in {@code dir} and that its checkpoint extends every checkpoint the auditor holds
     * ({@code heldNotes}, signed notes kept from earlier exports, a checkpoint sink or a witness): the same root at
     * the same size, or a consistency proof in the bundle from exactly that checkpoint.
     *
     * @param trusted the platform key to trust; {@code null} trusts the bundle's own {@code platform.vkey}
     */
    public static Result verify(Path dir, @Nullable VerifierKey trusted, List<String> heldNotes) {
        return verify(dir, trusted, heldNotes, WitnessPolicy.NONE);
    }

    /**
     * Verifies as {@link #verify(Path, VerifierKey, List)} does, and that the bundle's checkpoint carries the
     * cosignatures {@code witnesses} requires.
     */
    public static Result verify(Path dir, @Nullable VerifierKey trusted, List<String> heldNotes,
            WitnessPolicy witnesses) {
        List<Problem> problems = new ArrayList<>();
        VerifierKey key;
        try {
            VerifierKey inBundle = VerifierKey.parse(read(dir, "platform.vkey"));
            key = trusted == null ? inBundle : trusted;
            if (trusted != null && !trusted.equals(inBundle)) {
                add(problems, "platform.vkey", "the bundle's key " + inBundle.name() + "+" + inBundle.keyHashHex()
                        + " is not the trusted key " + trusted.name() + "+" + trusted.keyHashHex());
            }
        } catch (IOException | IllegalArgumentException e) {
            if (trusted == null) {
                add(problems, "platform.vkey", "missing or unreadable: " + e.getMessage());
                return new Result(false, "", false, 0, 0, 0, null, problems);
            }
            key = trusted;
        }
        // 1. the bundle manifest and its signature
        JsonNode bundle = null;
        try {
            byte[] bundleBytes = Files.readAllBytes(dir.resolve("bundle.json"));
            byte[] sig = Base64.getDecoder().decode(read(dir, "bundle.json.sig").trim());
            if (!key.verify(bundleBytes, sig)) {
                add(problems, "bundle.json", "its signature in bundle.json.sig does not verify with key " + key.name());
            }
            bundle = CanonicalJson.parse(new String(bundleBytes, StandardCharsets.UTF_8));
        } catch (IOException | IllegalArgumentException e) {
            add(problems, "bundle.json", "missing or unreadable: " + e.getMessage());
        }
        // 2. the checkpoint
        Checkpoint checkpoint = null;
        try {
            checkpoint = Checkpoint.verify(read(dir, "checkpoint.txt"), key);
        } catch (IOException | IllegalArgumentException e) {
            add(problems, "checkpoint.txt", e.getMessage());
        }
        // 3. events and their proofs
        long events = 0;
        long proofsOk = 0;
        try {
            Map<Long, JsonNode> proofs = new HashMap<>();
            forEachLine(dir.resolve("proofs.jsonl"), (n, node) -> proofs.put(node.path("seq").asLong(), node));
            long[] counters = new long[2];
            Checkpoint cp = checkpoint;
            forEachLine(dir.resolve("events.jsonl"), (n, e) -> {
                counters[0]++;
                long seq = e.path("seq").asLong();
                String item = "events.jsonl line " + n + " (seq " + seq + ")";
                String payloadSha = e.path("payloadSha256").asText();
                if (!e.path("payloadRemoved").asBoolean()) {
                    String actual = EventHashing.payloadSha256(CanonicalJson.string(e.path("payload")));
                    if (!actual.equals(payloadSha)) {
                        add(problems, item, "the payload was changed: it hashes to " + actual + ", recorded " + payloadSha);
                        return;
                    }
                }
                byte[] leaf;
                try {
                    leaf = EventHashing.leafHash(seq, Instant.parse(e.path("eventTime").asText()),
                            e.path("actor").asText(), e.path("eventType").asText(),
                            e.path("subject").isNull() ? null : e.path("subject").asText(), payloadSha);
                } catch (RuntimeException ex) {
                    add(problems, item, "malformed event: " + ex.getMessage());
                    return;
                }
                if (!Hashes.hex(leaf).equals(e.path("leafHash").asText())) {
                    add(problems, item, "the event's fields do not match its leaf hash (time, actor, type, subject "
                            + "or sequence number changed)");
                    return;
                }
                JsonNode proof = proofs.get(seq);
                if (proof == null) {
                    add(problems, item, "no inclusion proof in proofs.jsonl");
                    return;
                }
                if (cp == null) {
                    return;
                }
                List<byte[]> path = new ArrayList<>();
                proof.path("path").forEach(h -> path.add(Hashes.fromHex(h.asText())));
                if (proof.path("treeSize").asLong() != cp.treeSize()
                        || !Merkle.verifyInclusion(seq - 1, cp.treeSize(), leaf, path, cp.rootHash())) {
                    add(problems, item, "its inclusion proof does not lead to the signed root of checkpoint size "
                            + cp.treeSize());
                    return;
                }
                counters[1]++;
            });
            events = counters[0];
            proofsOk = counters[1];
        } catch (IOException | IllegalArgumentException e) {
            add(problems, "events.jsonl", "missing or unreadable: " + e.getMessage());
        }
        // 4. consistency with the previous checkpoint
        if (Files.exists(dir.resolve("consistency.json")) && checkpoint != null) {
            try {
                JsonNode c = CanonicalJson.parse(read(dir, "consistency.json"));
                Checkpoint from = Checkpoint.verify(c.path("fromCheckpoint").asText(), key);
                List<byte[]> path = new ArrayList<>();
                c.path("path").forEach(h -> path.add(Hashes.fromHex(h.asText())));
                if (!Merkle.verifyConsistency(from.treeSize(), checkpoint.treeSize(), from.rootHash(),
                        checkpoint.rootHash(), path)) {
                    add(problems, "consistency.json", "checkpoint size " + checkpoint.treeSize()
                            + " is not an append-only extension of checkpoint size " + from.treeSize());
                }
            } catch (IOException | IllegalArgumentException e) {
                add(problems, "consistency.json", e.getMessage());
            }
        }
        // 4b. the checkpoints the auditor holds, and the witnesses' cosignatures
        if (checkpoint != null) {
            checkHeld(dir, key, checkpoint, heldNotes, problems);
            String missing = witnesses.problem(checkpoint.note());
            if (missing != null) {
                add(problems, "checkpoint.txt", missing);
            }
        }
        // 5. every model a decision names resolves to a manifest in the bundle
        if (Files.exists(dir.resolve("items.jsonl"))) {
            try {
                Set<String> manifests = new java.util.HashSet<>();
                if (Files.exists(dir.resolve("models.jsonl"))) {
                    forEachLine(dir.resolve("models.jsonl"), (n, m) -> manifests.add(m.path("name").asText() + "@"
                            + m.path("sha256").asText()));
                }
                forEachLine(dir.resolve("items.jsonl"), (n, item) -> {
                    Map<String, String> named = new java.util.TreeMap<>();
                    item.path("judgedBy").path("models").properties().forEach(m -> named.put(m.getKey(),
                            m.getValue().asText()));
                    if (!item.path("model").path("sha256").isMissingNode() && !item.path("model").path("sha256").isNull()) {
                        named.put("generator:" + item.path("model").path("id").asText(),
                                item.path("model").path("sha256").asText());
                    }
                    named.forEach((name, sha) -> {
                        if (!manifests.contains(name + "@" + sha)) {
                            add(problems, "items.jsonl line " + n + " (item " + item.path("id").asText() + ")",
                                    "the decision names model " + name + " with SHA-256 " + sha
                                            + ", which has no manifest in models.jsonl");
                        }
                    });
                });
            } catch (IOException | IllegalArgumentException e) {
                add(problems, "models.jsonl", "missing or unreadable: " + e.getMessage());
            }
        }
        // 6. every file's hash against the signed manifest
        if (bundle != null) {
            JsonNode files = bundle.path("files");
            Set<String> listed = new TreeSet<>();
            for (Map.Entry<String, JsonNode> f : files.properties()) {
                listed.add(f.getKey());
                try {
                    String actual = Hashes.sha256Hex(Files.readAllBytes(dir.resolve(f.getKey())));
                    if (!actual.equals(f.getValue().asText())) {
                        add(problems, f.getKey(), "the file was changed after export (SHA-256 " + actual
                                + ", bundle.json says " + f.getValue().asText() + ")");
                    }
                } catch (NoSuchFileException e) {
                    add(problems, f.getKey(), "listed in bundle.json but missing");
                } catch (IOException e) {
                    add(problems, f.getKey(), "unreadable: " + e.getMessage());
                }
            }
            try (Stream<Path> s = Files.list(dir)) {
                s.map(p -> p.getFileName().toString())
                        .filter(n -> !listed.contains(n) && !UNLISTED.contains(n))
                        .forEach(n -> add(problems, n, "not part of the signed bundle"));
            } catch (IOException e) {
                add(problems, dir.toString(), "cannot list: " + e.getMessage());
            }
            if (bundle.path("events").asLong(-1) != events) {
                add(problems, "events.jsonl", "holds " + events + " events, bundle.json says "
                        + bundle.path("events").asLong(-1));
            }
        }
        return new Result(problems.isEmpty(), key.encoded(), trusted != null, events, proofsOk,
                checkpoint == null ? 0 : checkpoint.treeSize(), checkpoint == null ? null : checkpoint.rootHashHex(),
                List.copyOf(problems));
    }

    private static void checkHeld(Path dir, VerifierKey key, Checkpoint bundled, List<String> heldNotes,
            List<Problem> problems) {
        List<JsonNode> proofs = new ArrayList<>();
        try {
            if (Files.exists(dir.resolve("consistency.json"))) {
                proofs.add(CanonicalJson.parse(read(dir, "consistency.json")));
            }
            if (Files.exists(dir.resolve("consistency-proofs.jsonl"))) {
                forEachLine(dir.resolve("consistency-proofs.jsonl"), (n, node) -> proofs.add(node));
            }
        } catch (IOException | IllegalArgumentException e) {
            add(problems, "consistency-proofs.jsonl", "unreadable: " + e.getMessage());
        }
        for (String note : heldNotes) {
            Checkpoint held;
            try {
                held = Checkpoint.verify(note, key);
            } catch (IllegalArgumentException e) {
                add(problems, "trusted checkpoint", "does not verify with key " + key.name() + ": " + e.getMessage());
                continue;
            }
            String item = "trusted checkpoint (size " + held.treeSize() + ", signed " + held.time() + ")";
            if (!held.origin().equals(bundled.origin())) {
                add(problems, item, "is of log " + held.origin() + ", the bundle of log " + bundled.origin());
            } else if (held.treeSize() > bundled.treeSize()) {
                add(problems, item, "is larger than the bundle's checkpoint (size " + bundled.treeSize() + "): events "
                        + "seq " + (bundled.treeSize() + 1) + " to " + held.treeSize() + " are missing (the log was "
                        + "rolled back), or the bundle predates it; ask for a new export");
            } else if (held.treeSize() == bundled.treeSize()) {
                if (!Arrays.equals(held.rootHash(), bundled.rootHash())) {
                    add(problems, item, "has the bundle checkpoint's size but another root: events seq 1 to "
                            + held.treeSize() + " were rewritten (a fork)");
                }
            } else {
                JsonNode proof = proofs.stream().filter(p -> sameCheckpoint(p.path("fromCheckpoint").asText(), held, key))
                        .findFirst().orElse(null);
                if (proof == null) {
                    add(problems, item, "the bundle holds no consistency proof from it; ask for an export with "
                            + "--consistency-from naming it");
                    continue;
                }
                List<byte[]> path = new ArrayList<>();
                proof.path("path").forEach(h -> path.add(Hashes.fromHex(h.asText())));
                if (proof.path("toSize").asLong() != bundled.treeSize() || !Merkle.verifyConsistency(held.treeSize(),
                        bundled.treeSize(), held.rootHash(), bundled.rootHash(), path)) {
                    add(problems, item, "the bundle's checkpoint (size " + bundled.treeSize() + ") does not extend it: "
                            + "events between seq 1 and " + held.treeSize() + " were rewritten after it was signed");
                }
            }
        }
    }

    private static boolean sameCheckpoint(String note, Checkpoint held, VerifierKey key) {
        try {
            Checkpoint c = Checkpoint.verify(note, key);
            return c.treeSize() == held.treeSize() && Arrays.equals(c.rootHash(), held.rootHash());
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private interface LineHandler {
        void accept(long lineNumber, JsonNode node);
    }

    private static void forEachLine(Path file, LineHandler handler) throws IOException {
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            long n = 0;
            for (String line; (line = r.readLine()) != null; ) {
                n++;
                if (!line.isBlank()) {
                    handler.accept(n, CanonicalJson.parse(line));
                }
            }
        }
    }

    private static String read(Path dir, String name) throws IOException {
        return Files.readString(dir.resolve(name), StandardCharsets.UTF_8);
    }

    private static void add(List<Problem> problems, String item, String message) {
        if (problems.size() < MAX_PROBLEMS) {
            problems.add(new Problem(item, message));
        }
    }
}
