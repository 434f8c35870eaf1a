package io.hallmark.api.signing;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipInputStream;

/**
 * The SHA-256 of every file entry of an archive except the signature entries, in name order, and the
 * canonical text form ({@code <sha256> <name>\n} per entry) that gets signed.
 */
final class ArchiveDigests {

    static final String DIGESTS_ENTRY = "META-INF/HALLMARK.DIGESTS";
    static final String SIGNATURE_ENTRY = "META-INF/HALLMARK.SIG";

    private ArchiveDigests() {}

    /**
     * Digests of the archive's file entries, read through the central directory (what a class loader sees).
     * The local headers are read too and must list the same entries: duplicate names or a central directory
     * that disagrees with the local headers (classic zip tricks) are refused.
     */
    static Map<String, String> of(Path archive) throws IOException {
        Map<String, String> digests = new TreeMap<>();
        try (ZipFile zip = new ZipFile(archive.toFile())) {
            var entries = zip.entries();
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                String name = entry.getName();
                if (entry.isDirectory() || name.equals(DIGESTS_ENTRY) || name.equals(SIGNATURE_ENTRY)) {
                    continue;
                }
                MessageDigest digest = sha256();
                try (InputStream in = new DigestInputStream(zip.getInputStream(entry), digest)) {
                    in.transferTo(OutputStreamSink.INSTANCE);
                }
                if (digests.put(name, HexFormat.of().formatHex(digest.digest())) != null) {
                    throw duplicate(archive, name);
                }
            }
        } catch (java.util.zip.ZipException e) {
            throw new PluginSignatureException("File " + archive.getFileName() + " is not a valid jar/zip archive: "
                    + e.getMessage());
        }
        java.util.Set<String> local = new java.util.TreeSet<>();
        try (InputStream file = Files.newInputStream(archive); ZipInputStream zip = new ZipInputStream(file)) {
            for (ZipEntry entry; (entry = zip.getNextEntry()) != null; ) {
                String name = entry.getName();
                if (!entry.isDirectory() && !name.equals(DIGESTS_ENTRY) && !name.equals(SIGNATURE_ENTRY)
                        && !local.add(name)) {
                    throw duplicate(archive, name);
                }
            }
        }
        if (!local.equals(digests.keySet())) {
            throw new PluginSignatureException("Plugin archive " + archive.getFileName()
                    + " has a central directory that disagrees with its entries; refusing it");
        }
        return digests;
    }

    private static PluginSignatureException duplicate(Path archive, String name) {
        return new PluginSignatureException("Plugin archive " + archive.getFileName() + " holds the entry '" + name
                + "' twice; refusing it");
    }

    /** The canonical text that is signed. */
    static byte[] canonical(Map<String, String> digests) {
        StringBuilder text = new StringBuilder("hallmark-plugin-digests-v1\n");
        digests.forEach((name, sha) -> text.append(sha).append(' ').append(name).append('\n'));
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Parses the canonical text back into digests by entry name. */
    static Map<String, String> parse(byte[] canonical) {
        String text = new String(canonical, StandardCharsets.UTF_8);
        String[] lines = text.split("\n");
        if (lines.length == 0 || !lines[0].equals("hallmark-plugin-digests-v1")) {
            throw new PluginSignatureException(DIGESTS_ENTRY + " has an unknown format");
        }
        Map<String, String> digests = new TreeMap<>();
        for (int i = 1; i < lines.length; i++) {
            int space = lines[i].indexOf(' ');
            if (space != 64) {
                throw new PluginSignatureException(DIGESTS_ENTRY + " line " + (i + 1) + " is malformed");
            }
            digests.put(lines[i].substring(65), lines[i].substring(0, 64));
        }
        return digests;
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    /** Discards bytes. */
    private static final class OutputStreamSink extends java.io.OutputStream {
        static final OutputStreamSink INSTANCE = new OutputStreamSink();

        @Override
        public void write(int b) {
            // discard
        }

        @Override
        public void write(byte[] b, int off, int len) {
            // discard
        }
    }
}
