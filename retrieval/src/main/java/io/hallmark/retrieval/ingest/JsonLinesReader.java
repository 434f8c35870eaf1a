package io.hallmark.retrieval.ingest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.io.InputStreamReader;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import io.hallmark.retrieval.InvalidRetrievalRequestException;

/**
 * JSON Lines: one record per line, each its own source. A record has a string {@code id} (without one, the file's
 * source id and the line number, {@code facts.jsonl#3}), a string
 * {@code text}, optionally a {@code title} (or {@code article}) and a {@code metadata} object; every other
 * top-level scalar field is kept as metadata too. Invalid rows are reported with their line number and the
 * rest of the file is ingested; a later row with an id seen before in the file is skipped.
 */
public final class JsonLinesReader implements DocumentReader {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> RESERVED = Set.of("id", "text", "title", "metadata");

    @Override
    public List<String> extensions() {
        return List.of("jsonl", "ndjson");
    }

    @Override
    public List<SourceDocument> read(Path file, String sourceId, Consumer<Skip> skips) throws IOException {
        List<SourceDocument> documents = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        var decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT);
        try (BufferedReader in = new BufferedReader(new InputStreamReader(Files.newInputStream(file), decoder))) {
            String line;
            int number = 0;
            while ((line = in.readLine()) != null) {
                number++;
                if (line.isBlank()) {
                    continue;
                }
                try {
                    SourceDocument doc = parse(line, sourceId + "#" + number);
                    if (!seen.add(doc.id())) {
                        skips.accept(new Skip(sourceId, number, "duplicate id '" + doc.id()
                                + "' (first seen earlier in this file); ids must be unique"));
                        continue;
                    }
                    documents.add(doc);
                } catch (InvalidRecordException e) {
                    skips.accept(new Skip(sourceId, number, e.getMessage()));
                }
            }
        } catch (java.nio.charset.CharacterCodingException e) {
            throw new UnreadableDocumentException("'" + sourceId + "' is not UTF-8 JSON Lines; convert it and ingest again");
        }
        return documents;
    }

    /**
     * Parses one record line; a record without an {@code id} field gets {@code lineId} (the file's source id and
     * the line number, {@code facts.jsonl#3}), so files of plain {@code {"text": ...}} records ingest too.
     */
    static SourceDocument parse(String line, String lineId) {
        JsonNode node;
        try {
            node = JSON.readTree(line);
        } catch (JsonProcessingException e) {
            throw new InvalidRecordException("not valid JSON (" + e.getOriginalMessage() + ")");
        }
        if (node instanceof com.fasterxml.jackson.databind.node.ObjectNode object && !object.has("id")) {
            object.put("id", lineId);
        }
        return record(node);
    }

    /**
     * Turns one JSON record ({@code id}, {@code text}, optional {@code title}/{@code article} and
     * {@code metadata}) into a document, as a JSON Lines row or an API request body would give it.
     *
     * @throws InvalidRecordException saying what is wrong with the record
     */
    public static SourceDocument record(JsonNode node) {
        if (node == null || !node.isObject()) {
            throw new InvalidRecordException("expected a JSON object with 'id' and 'text', got "
                    + (node == null ? "nothing" : node.getNodeType().toString().toLowerCase()));
        }
        JsonNode id = node.get("id");
        if (id == null || !(id.isTextual() || id.isIntegralNumber()) || id.asText().isBlank()) {
            throw new InvalidRecordException("missing or blank 'id' (got " + id + "); every record needs a string id");
        }
        JsonNode text = node.get("text");
        if (text == null || !text.isTextual() || text.asText().isBlank()) {
            throw new InvalidRecordException("record '" + id.asText() + "' has no text (got " + text
                    + "); 'text' must be a non-empty string");
        }
        Map<String, String> metadata = new LinkedHashMap<>();
        node.properties().forEach(e -> {
            if (!RESERVED.contains(e.getKey()) && e.getValue().isValueNode() && !e.getValue().isNull()) {
                metadata.put(e.getKey(), e.getValue().asText());
            }
        });
        JsonNode meta = node.get("metadata");
        if (meta != null && !meta.isNull()) {
            if (!meta.isObject()) {
                throw new InvalidRecordException("record '" + id.asText() + "': 'metadata' must be an object, got "
                        + meta.getNodeType().toString().toLowerCase());
            }
            meta.properties().forEach(e -> {
                if (e.getValue().isValueNode() && !e.getValue().isNull()) {
                    metadata.put(e.getKey(), e.getValue().asText());
                }
            });
        }
        String title = node.path("title").asText(node.path("article").asText(""));
        return SourceDocument.of(id.asText(), title, text.asText(), metadata);
    }

    /** One JSON record is not a usable document. */
    public static final class InvalidRecordException extends InvalidRetrievalRequestException {
        private static final long serialVersionUID = 1L;

        InvalidRecordException(String message) {
            super(message);
        }
    }
}
