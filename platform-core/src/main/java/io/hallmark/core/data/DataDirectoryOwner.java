package io.hallmark.core.data;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Properties;
import org.jspecify.annotations.Nullable;

/**
 * Who holds a data directory: written next to the lock so that a second process can say who is there
 * and, for a server, where to reach it.
 *
 * @param kind {@code server} or {@code command}
 * @param pid the process id
 * @param httpUrl the server's base URL, or {@code null} for a command
 * @param startedAt when the holder took the directory
 */
public record DataDirectoryOwner(String kind, long pid, @Nullable String httpUrl, Instant startedAt) {

    /** The owner record of the current process. */
    public static DataDirectoryOwner self(String kind, @Nullable String httpUrl) {
        return new DataDirectoryOwner(kind, ProcessHandle.current().pid(), httpUrl, Instant.now());
    }

    void write(Path file) throws IOException {
        Properties p = new Properties();
        p.setProperty("kind", kind);
        p.setProperty("pid", Long.toString(pid));
        if (httpUrl != null) {
            p.setProperty("http-url", httpUrl);
        }
        p.setProperty("started-at", startedAt.toString());
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
            p.store(w, "the Hallmark process that holds this data directory");
        }
        Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    static @Nullable DataDirectoryOwner read(Path file) {
        if (!Files.isRegularFile(file)) {
            return null;
        }
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(r);
            return new DataDirectoryOwner(p.getProperty("kind", "process"),
                    Long.parseLong(p.getProperty("pid", "-1")), p.getProperty("http-url"),
                    Instant.parse(p.getProperty("started-at", Instant.EPOCH.toString())));
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
