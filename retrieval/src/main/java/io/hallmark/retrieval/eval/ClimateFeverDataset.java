package io.hallmark.retrieval.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hallmark.retrieval.InvalidRetrievalRequestException;
import io.hallmark.retrieval.ingest.JsonLinesReader;
import io.hallmark.retrieval.ingest.Skip;
import io.hallmark.retrieval.ingest.SourceDocument;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The Climate-FEVER files under an eval folder: {@code climate-fever/corpus.jsonl} (one Wikipedia sentence
 * per row: {@code id}, {@code article}, {@code text}) and the claims of {@code dev.jsonl} / {@code test.jsonl},
 * each with five annotated candidate sentences. A candidate labelled {@code SUPPORTED} or {@code REFUTED} is
 * gold evidence; claims without any (mostly NOT_ENOUGH_INFO) count only for the candidate metrics.
 */
public final class ClimateFeverDataset {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path folder;

    public ClimateFeverDataset(Path evalDir) {
        this.folder = evalDir.resolve("climate-fever");
        if (!Files.isRegularFile(folder.resolve("corpus.jsonl"))) {
            throw new InvalidRetrievalRequestException("No Climate-FEVER corpus at '" + folder.resolve("corpus.jsonl")
                    + "'; pass --eval-dir pointing at the shared eval folder (the one holding climate-fever/)");
        }
    }

    public Path corpusFile() {
        return folder.resolve("corpus.jsonl");
    }

    /** The corpus sentences as documents (title and metadata {@code article}). */
    public List<SourceDocument> corpus() {
        List<Skip> skips = new ArrayList<>();
        try {
            List<SourceDocument> docs = new JsonLinesReader().read(corpusFile(), "climate-fever/corpus.jsonl", skips::add);
            if (!skips.isEmpty()) {
                throw new InvalidRetrievalRequestException("The Climate-FEVER corpus has invalid rows: " + skips);
            }
            return docs;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The claims of a split ({@code dev} or {@code test}). */
    public List<EvalQuery> claims(String split) {
        if (!split.equals("dev") && !split.equals("test")) {
            throw new InvalidRetrievalRequestException("Unknown split '" + split + "'; use dev or test");
        }
        Path file = folder.resolve(split + ".jsonl");
        List<EvalQuery> claims = new ArrayList<>();
        try {
            int line = 0;
            for (String row : Files.readAllLines(file)) {
                line++;
                if (row.isBlank()) {
                    continue;
                }
                JsonNode claim = JSON.readTree(row);
                Set<String> evidence = new HashSet<>();
                Set<String> candidates = new HashSet<>();
                for (JsonNode e : claim.path("evidence")) {
                    String id = e.path("evidence_id").asText();
                    candidates.add(id);
                    String label = e.path("label").asText();
                    if (label.equals("SUPPORTED") || label.equals("REFUTED")) {
                        evidence.add(id);
                    }
                }
                if (claim.path("claim").asText().isBlank() || candidates.isEmpty()) {
                    throw new InvalidRetrievalRequestException(file + ":" + line + ": a claim needs 'claim' and 'evidence'");
                }
                claims.add(new EvalQuery(claim.path("id").asText(), claim.path("claim").asText(), evidence, candidates));
            }
        } catch (IOException e) {
            throw new InvalidRetrievalRequestException("Cannot read '" + file + "': " + e.getMessage());
        }
        return claims;
    }
}
