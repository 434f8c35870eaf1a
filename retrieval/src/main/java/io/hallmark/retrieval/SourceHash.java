package io.hallmark.retrieval;

import io.hallmark.retrieval.chunk.ChunkingOptions;
import io.hallmark.retrieval.ingest.Section;
import io.hallmark.retrieval.ingest.SourceDocument;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.TreeMap;

/** The SHA-256 of a source's content and of the settings its chunks depend on. */
final class SourceHash {

    private SourceHash() {}

    static String of(SourceDocument doc, ChunkingOptions chunking, String embedder) {
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        update(sha, doc.id());
        update(sha, doc.title());
        for (Section s : doc.sections()) {
            update(sha, s.heading() == null ? "\u0000" : s.heading());
            update(sha, s.text());
        }
        new TreeMap<>(doc.metadata()).forEach((k, v) -> {
            update(sha, k);
            update(sha, v);
        });
        update(sha, chunking.maxChars() + "/" + chunking.overlapChars() + "/" + embedder);
        return HexFormat.of().formatHex(sha.digest());
    }

    private static void update(MessageDigest sha, String s) {
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        sha.update((byte) (bytes.length >>> 24));
        sha.update((byte) (bytes.length >>> 16));
        sha.update((byte) (bytes.length >>> 8));
        sha.update((byte) bytes.length);
        sha.update(bytes);
    }
}
