package io.hallmark.retrieval.ingest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/** Plain UTF-8 text: one document, one section; paragraphs are blank-line separated. */
public final class PlainTextReader implements DocumentReader {

    @Override
    public List<String> extensions() {
        return List.of("txt", "text");
    }

    @Override
    public List<SourceDocument> read(Path file, String sourceId, Consumer<Skip> skips) throws IOException {
        String text = TextDecoding.utf8(Files.readAllBytes(file), sourceId);
        return List.of(SourceDocument.of(sourceId, file.getFileName().toString(), text, Map.of("format", "text")));
    }
}
