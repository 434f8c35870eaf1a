package io.hallmark.core.plugin;

import io.hallmark.api.Permission;
import io.hallmark.core.config.PluginSettings;
import io.hallmark.core.persistence.PluginRecord;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.pf4j.DefaultVersionManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The archive room of the plugin host: receives an archive into the plugins folder, checks its size, the host
 * version it requires and the permissions it asks for, and fetches archives another node installed from the database.
 */
final class PluginArchives {

    private static final Logger log = LoggerFactory.getLogger(PluginArchives.class);

    private final PluginSettings settings;
    private final Path pluginsDir;
    private final PluginStore store;
    private final String hostVersion;

    PluginArchives(PluginSettings settings, Path pluginsDir, PluginStore store, String hostVersion) {
        this.settings = settings;
        this.pluginsDir = pluginsDir;
        this.store = store;
        this.hostVersion = hostVersion;
    }

    Path receive(Path archive) throws IOException {
        if (!Files.isRegularFile(archive)) {
            throw new PluginInstallException("Plugin archive " + archive + " does not exist or is not a file");
        }
        long size = Files.size(archive);
        if (size > PluginHost.MAX_ARCHIVE_BYTES) {
            throw new PluginInstallException("Plugin archive " + archive.getFileName() + " has " + size
                    + " bytes; the limit is " + PluginHost.MAX_ARCHIVE_BYTES);
        }
        // a folder of its own keeps the archive's name, so that every message names the file the user gave
        Path incomingDir = Files.createDirectories(pluginsDir.resolve(".incoming").resolve(UUID.randomUUID().toString()));
        Path incoming = incomingDir.resolve(archive.getFileName().toString());
        Files.copy(archive, incoming);
        return incoming;
    }

    void checkHostVersion(ArchiveDescriptor descriptor) {
        boolean ok;
        try {
            ok = new DefaultVersionManager().checkVersionConstraint(hostVersion, descriptor.requires());
        } catch (RuntimeException e) {
            throw new PluginInstallException("Plugin '" + descriptor.id() + "' has an unreadable Plugin-Requires '"
                    + descriptor.requires() + "'; use a constraint like >=0.1.0");
        }
        if (!ok) {
            throw new PluginInstallException("Plugin '" + descriptor.id() + "' " + descriptor.version()
                    + " requires Hallmark " + descriptor.requires() + "; this is Hallmark " + hostVersion);
        }
    }

    Set<Permission> checkPermissions(ArchiveDescriptor descriptor, Set<Permission> grants) {
        Set<Permission> allowed = EnumSet.noneOf(Permission.class);
        allowed.addAll(settings.defaultPermissions());
        allowed.addAll(grants);
        Set<Permission> missing = EnumSet.noneOf(Permission.class);
        missing.addAll(descriptor.permissions());
        missing.removeAll(allowed);
        if (!missing.isEmpty()) {
            throw new PluginInstallException("Plugin '" + descriptor.id() + "' asks for " + ids(missing)
                    + ", which an administrator has not granted; grant it at install (--grant "
                    + String.join(",", ids(missing)) + ") if you trust the plugin with it");
        }
        return descriptor.permissions().isEmpty() ? EnumSet.noneOf(Permission.class) : EnumSet.copyOf(descriptor.permissions());
    }

    /** Writes an archive another node installed from the database into this node's plugins folder. */
    void materialize(PluginRecord record, Path archive) {
        byte[] bytes = record.archiveSha256() == null ? null : store.archive(record.archiveSha256()).orElse(null);
        if (bytes == null) {
            throw new PluginInstallException("Plugin '" + record.pluginId() + "' archive " + archive
                    + " is missing and the database holds no copy of it");
        }
        try {
            Files.createDirectories(pluginsDir);
            Path tmp = Files.createTempFile(pluginsDir, ".fetch-", ".tmp");
            Files.write(tmp, bytes);
            Files.move(tmp, archive, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            log.info("Fetched plugin archive {} from the database", archive.getFileName());
        } catch (IOException e) {
            throw new PluginInstallException("Cannot write " + archive + ": " + e.getMessage(), e);
        }
    }

    static List<String> ids(Set<Permission> permissions) {
        return permissions.stream().map(Permission::id).sorted().collect(Collectors.toList());
    }

    static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            log.warn("Cannot delete {}: {}", file, e.getMessage());
        }
    }

    /** Deletes a folder and everything in it, logging what cannot be deleted. */
    static void deleteTree(Path dir) {
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (var paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(PluginArchives::deleteQuietly);
        } catch (IOException e) {
            log.warn("Cannot delete {}: {}", dir, e.getMessage());
        }
    }
}
