package io.hallmark.core.model;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The SHA-256 a model folder's files are expected to have, from {@code SHA256SUMS} or from the
 * {@code <sha256>  <file>} lines of {@code SOURCE.md} (the layout of {@code sha256sum}'s output, optionally after
 * {@code SHA-256:}).
 */
final class Checksums {

    private static final Pattern LINE = Pattern.compile(
            "^\\s*(?:SHA-?256:\\s*)?([0-9a-f]{64})\\s+\\*?(\\S+)\\s*$", Pattern.MULTILINE);

    private Checksums() {}

    /** File name to expected SHA-256, and the manifest it came from; empty when the folder lists none. */
    static Map<String, String> expected(Path folder) {
        Map<String, String> sums = new TreeMap<>();
        for (String manifest : new String[] {"SOURCE.md", "SHA256SUMS"}) {
            Path file = folder.resolve(manifest);
            if (!Files.isRegularFile(file)) {
                continue;
            }
            try {
                Matcher m = LINE.matcher(Files.readString(file));
                while (m.find()) {
                    sums.put(m.group(2), m.group(1));
                }
            } catch (IOException e) {
                // an unreadable manifest lists nothing; the files are still hashed
            }
        }
        return sums;
    }
}
