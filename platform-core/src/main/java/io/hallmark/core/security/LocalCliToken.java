package io.hallmark.core.security;

import io.hallmark.api.HallmarkException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;

/**
 * Lets the command line on the server's machine act as an administrator through the server's API: the server
 * writes a random token to {@code <data-dir>/run/cli.token}, readable by its owner only, and accepts it. Whoever can
 * read the data directory can already read the database, so this grants nothing new.
 */
public final class LocalCliToken {

    /** The file's location inside the data directory. */
    public static Path file(Path dataDir) {
        return dataDir.resolve("run").resolve("cli.token");
    }

    private final Path file;
    private final String hash;

    private LocalCliToken(Path file, String hash) {
        this.file = file;
        this.hash = hash;
    }

    /** Writes a fresh token for a starting server. */
    public static LocalCliToken create(Path dataDir) {
        String token = "hmcli_" + Secrets.random(32);
        Path f = file(dataDir);
        try {
            Files.createDirectories(f.getParent());
            Files.deleteIfExists(f);
            Files.createFile(f, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(f, token, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new HallmarkException("Cannot write " + f + ": " + e.getMessage(), e);
        }
        return new LocalCliToken(f, Secrets.sha256(token));
    }

    /** Reads the token a running server wrote, for the command line. */
    public static Optional<String> read(Path dataDir) {
        try {
            return Optional.of(Files.readString(file(dataDir), StandardCharsets.US_ASCII).trim());
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    public boolean matches(String token) {
        return token.startsWith("hmcli_") && Secrets.equal(hash, Secrets.sha256(token));
    }

    /** Removes the file when the server stops. */
    public void delete() {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // stale tokens are replaced at the next start
        }
    }
}
