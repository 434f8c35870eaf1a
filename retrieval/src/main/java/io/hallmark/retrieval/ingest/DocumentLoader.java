package io.hallmark.retrieval.ingest;

import io.hallmark.retrieval.InvalidRetrievalRequestException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Reads files and folders into source documents, choosing a {@link DocumentReader} by extension. Anything
 * it cannot take (unsupported extension, binary junk, empty or oversized file, unreadable file, invalid
 * JSON Lines row) becomes a {@link Skip} in the result; only a path that does not exist is an error.
 *
 * <p>A file's source id is its path relative to the folder given (its name when a single file is given),
 * with {@code /} separators, so ingesting the same tree again replaces the same sources.
 */
public final class DocumentLoader {

    /** The default file size limit: 64 MiB. */
    public static final long DEFAULT_MAX_FILE_BYTES = 64L * 1024 * 1024;

    private final Map<String, DocumentReader> readers = new LinkedHashMap<>();
    private final long maxFileBytes;

    public DocumentLoader(long maxFileBytes) {
        if (maxFileBytes <= 0) {
            throw new IllegalArgumentException("maxFileBytes must be positive, got " + maxFileBytes);
        }
        this.maxFileBytes = maxFileBytes;
        for (DocumentReader r : List.of(new PlainTextReader(), new MarkdownReader(), new HtmlReader(),
                new PdfReader(), new JsonLinesReader())) {
            r.extensions().forEach(ext -> readers.put(ext, r));
        }
    }

    public DocumentLoader() {
        this(DEFAULT_MAX_FILE_BYTES);
    }

    /** The extensions this loader reads. */
    public List<String> extensions() {
        return List.copyOf(readers.keySet());
    }

    /** Loads a file or every supported file under a folder (hidden files and folders are ignored). */
    public LoadResult load(Path path) {
        if (!Files.exists(path)) {
            throw new InvalidRetrievalRequestException("Nothing to ingest at '" + path
                    + "': no such file or folder; check the path");
        }
        List<SourceDocument> documents = new ArrayList<>();
        List<Skip> skips = new ArrayList<>();
        if (Files.isDirectory(path)) {
            try (Stream<Path> files = Files.walk(path)) {
                files.filter(Files::isRegularFile)
                        .filter(f -> !isHidden(path.relativize(f)))
                        .sorted()
                        .forEach(f -> loadFile(f, path.relativize(f).toString().replace('\\', '/'), documents, skips));
            } catch (IOException | UncheckedIOException e) {
                throw new InvalidRetrievalRequestException("Cannot list '" + path + "': " + e.getMessage());
            }
        } else {
            loadFile(path, path.getFileName().toString(), documents, skips);
        }
        return new LoadResult(documents, skips);
    }

    private void loadFile(Path file, String sourceId, List<SourceDocument> documents, List<Skip> skips) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String ext = dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
        DocumentReader reader = readers.get(ext);
        if (reader == null) {
            skips.add(new Skip(sourceId, 0, "unsupported file type '" + (ext.isEmpty() ? name : "." + ext)
                    + "'; supported: " + readers.keySet()));
            return;
        }
        try {
            long size = Files.size(file);
            if (size == 0) {
                skips.add(new Skip(sourceId, 0, "empty file"));
                return;
            }
            if (size > maxFileBytes) {
                skips.add(new Skip(sourceId, 0, "too large (" + size + " bytes, limit " + maxFileBytes
                        + "); split it or raise the limit"));
                return;
            }
            for (SourceDocument doc : reader.read(file, sourceId, skips::add)) {
                if (doc.isBlank()) {
                    skips.add(new Skip(doc.id(), 0, "no text after extraction"));
                } else {
                    documents.add(doc);
                }
            }
        } catch (UnreadableDocumentException e) {
            skips.add(new Skip(sourceId, 0, e.getMessage()));
        } catch (NoSuchFileException e) {
            skips.add(new Skip(sourceId, 0, "vanished while reading"));
        } catch (IOException | RuntimeException e) {
            skips.add(new Skip(sourceId, 0, "unreadable (" + e.getClass().getSimpleName() + ": " + e.getMessage()
                    + "); check its permissions and format"));
        }
    }

    private static boolean isHidden(Path relative) {
        for (Path part : relative) {
            if (part.toString().startsWith(".")) {
                return true;
            }
        }
        return false;
    }
}
