package io.hallmark.governance.factcheck.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A claim with its gold label, from a JSON Lines file in Climate-FEVER's format ({@code id}, {@code claim},
 * {@code label}: SUPPORTED, REFUTED, NOT_ENOUGH_INFO or DISPUTED; other fields are ignored).
 */
public record LabeledClaim(String id, String text, String label) {

    static final Set<String> LABELS = Set.of("SUPPORTED", "REFUTED", "NOT_ENOUGH_INFO", "DISPUTED");
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Reads a claims file; a row without claim or with an unknown label is an error naming the line. */
    public static List<LabeledClaim> read(Path file) {
        List<LabeledClaim> out = new ArrayList<>();
        try {
            int line = 0;
            for (String row : Files.readAllLines(file)) {
                line++;
                if (row.isBlank()) {
                    continue;
                }
                JsonNode n = JSON.readTree(row);
                String claim = n.path("claim").asText("");
                String label = n.path("label").asText("");
                if (claim.isBlank() || !LABELS.contains(label)) {
                    throw new IllegalArgumentException(file + ":" + line + ": expected 'claim' and a 'label' of "
                            + LABELS + ", got label '" + label + "'");
                }
                out.add(new LabeledClaim(n.path("id").asText(Integer.toString(line)), claim, label));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read claims file " + file, e);
        }
        return out;
    }
}
