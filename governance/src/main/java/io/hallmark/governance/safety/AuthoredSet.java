package io.hallmark.governance.safety;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hallmark.governance.artifact.Hashes;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The project's own training prompts for the input screens (issue 18), written for the kinds of data the shared sets
 * lack (documents with and without hidden injections, direct injections and look-alikes, safe role prompts,
 * risky-looking safe questions, everyday requests, harmful requests, jailbreak templates, prompts in other
 * languages). They ship in the jar under {@link #FOLDER} (its {@code README.md} says how they were written and
 * checked): {@code index.txt} names the JSONL files (a jar folder cannot be listed), one a line, and each line of a
 * file is one row with the fields {@link #FIELDS}. Their licence is the project's own.
 *
 * <p>{@link ScreenCorpus} adds them to the prompts design 15's prototypes learn: always trained on, never held out,
 * never scored. A missing file, a row that is not JSON, a missing field or an unknown label or subset fails with the
 * file and line.
 */
public final class AuthoredSet {

    /** The resource folder of the bundled files and their index. */
    public static final String FOLDER = "/io/hallmark/governance/safety/authored/";

    static final List<String> FIELDS = List.of("id", "text", "label", "subset", "category", "lang", "source", "group");

    /** Each label with the subsets it may come in. */
    static final Map<String, List<String>> SUBSETS = Map.of(
            "benign", List.of("benign", "benign_risky_looking"),
            "injection", List.of("injection_direct", "injection_indirect"),
            "jailbreak", List.of("jailbreak"),
            "harmful", List.of("harmful"));

    /** One authored row, with where it was read. */
    public record Row(String id, String text, String label, String subset, String category, String lang,
            String source, String group, String file, int line) {}

    private static final ObjectMapper JSON = new ObjectMapper();
    private static AuthoredSet bundled;

    private final List<Row> rows;
    private final SortedMap<String, String> files;

    private AuthoredSet(List<Row> rows, SortedMap<String, String> files) {
        this.rows = List.copyOf(rows);
        this.files = Collections.unmodifiableSortedMap(files);
    }

    /** The files bundled under {@link #FOLDER}, read once. */
    public static synchronized AuthoredSet bundled() {
        if (bundled == null) {
            bundled = read(FOLDER);
        }
        return bundled;
    }

    /**
     * The files named by {@code folder + "index.txt"} on the class path.
     *
     * @throws IllegalArgumentException for a missing index or file, or a bad row (naming the file and line)
     */
    static AuthoredSet read(String folder) {
        String index = text(folder + "index.txt");
        List<Row> rows = new ArrayList<>();
        SortedMap<String, String> files = new TreeMap<>();
        List<String> names = index.lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
        for (String name : names) {
            if (!name.matches("[A-Za-z0-9_.-]+\\.jsonl")) {
                throw new IllegalArgumentException("The authored index " + folder + "index.txt names '" + name
                        + "'; expected a file name ending in .jsonl");
            }
            byte[] bytes = bytes(folder + name);
            files.put("authored/" + name, Hashes.sha256(bytes));
            List<String> lines = new String(bytes, StandardCharsets.UTF_8).lines().toList();
            for (int i = 0; i < lines.size(); i++) {
                if (!lines.get(i).isBlank()) {
                    rows.add(row(name, i + 1, lines.get(i)));
                }
            }
        }
        return new AuthoredSet(rows, files);
    }

    private static Row row(String file, int line, String json) {
        String where = "authored file " + file + ", line " + line;
        JsonNode n;
        try {
            n = JSON.readTree(json);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException(where + " is not a JSON object: " + e.getOriginalMessage());
        }
        if (n == null || !n.isObject()) {
            throw new IllegalArgumentException(where + " is not a JSON object");
        }
        for (String f : FIELDS) {
            if (!n.path(f).isTextual() || n.path(f).asText().isBlank()) {
                throw new IllegalArgumentException(where + ": the field '" + f + "' is missing or empty");
            }
        }
        String label = n.path("label").asText();
        String subset = n.path("subset").asText();
        if (!SUBSETS.containsKey(label)) {
            throw new IllegalArgumentException(where + ": unknown label '" + label + "' (expected one of "
                    + new java.util.TreeSet<>(SUBSETS.keySet()) + ")");
        }
        if (!SUBSETS.get(label).contains(subset)) {
            throw new IllegalArgumentException(where + ": subset '" + subset + "' does not go with label '" + label
                    + "' (expected one of " + SUBSETS.get(label) + ")");
        }
        return new Row(n.path("id").asText(), n.path("text").asText(), label, subset, n.path("category").asText(),
                n.path("lang").asText(), n.path("source").asText(), n.path("group").asText(), file, line);
    }

    private static byte[] bytes(String resource) {
        try (InputStream in = AuthoredSet.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("Missing authored training file " + resource
                        + " (named in its folder's index.txt)");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + resource, e);
        }
    }

    private static String text(String resource) {
        return new String(bytes(resource), StandardCharsets.UTF_8);
    }

    /** Every row, files in index order, lines in file order. */
    public List<Row> rows() {
        return rows;
    }

    /** The files read, as {@code authored/NAME.jsonl} to SHA-256, sorted: the model's record of them. */
    public SortedMap<String, String> files() {
        return files;
    }
}
