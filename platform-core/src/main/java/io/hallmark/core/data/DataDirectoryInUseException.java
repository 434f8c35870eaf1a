package io.hallmark.core.data;

import io.hallmark.api.HallmarkException;
import java.nio.file.Path;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Another Hallmark process holds the data directory. When that process is a server, {@link #owner()} says
 * where it listens, so a command can go through its API instead of touching the directory.
 */
public class DataDirectoryInUseException extends HallmarkException {

    private static final long serialVersionUID = 1L;

    private final transient @Nullable DataDirectoryOwner owner;

    public DataDirectoryInUseException(Path dataDir, @Nullable DataDirectoryOwner owner) {
        super(message(dataDir, owner));
        this.owner = owner;
    }

    /** The process that holds the directory, when it said who it is. */
    public Optional<DataDirectoryOwner> owner() {
        return Optional.ofNullable(owner);
    }

    private static String message(Path dataDir, @Nullable DataDirectoryOwner owner) {
        if (owner == null) {
            return "Data directory " + dataDir + " is in use by another Hallmark process; "
                    + "wait for it to finish or choose another --data-dir";
        }
        String where = owner.httpUrl() == null ? "" : ", serving " + owner.httpUrl();
        return "Data directory " + dataDir + " is in use by a running Hallmark " + owner.kind() + " (pid "
                + owner.pid() + where + ", since " + owner.startedAt() + "); stop it first, use its API, "
                + "or choose another --data-dir";
    }
}
