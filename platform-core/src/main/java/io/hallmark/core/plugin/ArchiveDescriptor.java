package io.hallmark.core.plugin;

import io.hallmark.api.Permission;
import java.io.IOException;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Set;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A plugin archive's manifest, validated: {@code Plugin-Id}, {@code Plugin-Version}, {@code Plugin-Provider},
 * {@code Plugin-Requires} (the host versions it works with) and {@code Plugin-Permissions}.
 *
 * @param id the plugin id
 * @param version its version
 * @param provider who made it
 * @param requires the host version constraint, e.g. {@code >=0.1.0}
 * @param description what it does, or empty
 * @param permissions the host services it asks for
 */
record ArchiveDescriptor(String id, String version, String provider, String requires, String description,
        Set<Permission> permissions) {

    static final String PERMISSIONS_ATTRIBUTE = "Plugin-Permissions";
    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");
    private static final Pattern VERSION = Pattern.compile("\\d+\\.\\d+\\.\\d+([-+][0-9A-Za-z.-]+)?");

    ArchiveDescriptor {
        permissions = Set.copyOf(permissions);
    }

    /** Reads and validates the manifest; every problem found is named in the message. */
    static ArchiveDescriptor read(Path archive) {
        String file = archive.getFileName().toString();
        Manifest manifest;
        try (JarFile jar = new JarFile(archive.toFile())) {
            manifest = jar.getManifest();
        } catch (IOException e) {
            throw new PluginInstallException("File " + file + " is not a readable plugin archive (jar): " + e.getMessage());
        }
        if (manifest == null) {
            throw new PluginInstallException("Plugin archive " + file + " has no META-INF/MANIFEST.MF; a plugin's "
                    + "manifest must set Plugin-Id, Plugin-Version, Plugin-Provider and Plugin-Requires");
        }
        Attributes a = manifest.getMainAttributes();
        StringBuilder problems = new StringBuilder();
        String id = value(a, "Plugin-Id");
        String version = value(a, "Plugin-Version");
        String provider = value(a, "Plugin-Provider");
        String requires = value(a, "Plugin-Requires");
        if (id == null || !ID.matcher(id).matches()) {
            problems.append("; Plugin-Id '").append(id).append("' must be 1-64 lower-case letters, digits, '.', '_' or '-'");
        }
        if (version == null || !VERSION.matcher(version).matches()) {
            problems.append("; Plugin-Version '").append(version).append("' must be a semantic version like 1.2.0");
        }
        if (provider == null) {
            problems.append("; Plugin-Provider is missing");
        }
        if (requires == null) {
            problems.append("; Plugin-Requires is missing (the Hallmark versions it works with, e.g. >=0.1.0)");
        }
        Set<Permission> permissions = EnumSet.noneOf(Permission.class);
        String requested = value(a, PERMISSIONS_ATTRIBUTE);
        if (requested != null) {
            for (String p : requested.split(",")) {
                try {
                    permissions.add(Permission.parse(p));
                } catch (IllegalArgumentException e) {
                    problems.append("; ").append(e.getMessage());
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new PluginInstallException("Plugin archive " + file + " has an invalid manifest: "
                    + problems.substring(2));
        }
        String description = value(a, "Plugin-Description");
        return new ArchiveDescriptor(id, version, provider, requires, description == null ? "" : description, permissions);
    }

    private static @Nullable String value(Attributes attributes, String name) {
        String v = attributes.getValue(name);
        return v == null || v.isBlank() ? null : v.trim();
    }
}
