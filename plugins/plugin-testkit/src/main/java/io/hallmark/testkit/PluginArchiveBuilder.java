package io.hallmark.testkit;

import io.hallmark.api.signing.PluginArchiveSigner;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;

/**
 * Writes a real plugin archive (a jar with a PF4J manifest, classes, {@code META-INF/extensions.idx} and
 * resources) into a folder, optionally signed; for tests of plugins and of the host.
 *
 * <pre>{@code
 * Path jar = PluginArchiveBuilder.plugin("acme-poems", "1.0.0")
 *         .extension(PoemGenerator.class)
 *         .resource("words.txt", "dawn\nriver\n")
 *         .signedWith(keyPair)
 *         .writeTo(tempDir);
 * }</pre>
 */
public final class PluginArchiveBuilder {

    private final Map<String, String> manifest = new LinkedHashMap<>();
    private final Map<String, byte[]> entries = new LinkedHashMap<>();
    private final List<String> extensions = new ArrayList<>();
    private KeyPair signingKey;

    private PluginArchiveBuilder(String id, String version) {
        manifest.put("Plugin-Id", id);
        manifest.put("Plugin-Version", version);
        manifest.put("Plugin-Provider", "Hallmark tests");
        manifest.put("Plugin-Requires", ">=0.1.0");
    }

    /** Starts an archive for plugin {@code id} at {@code version}, requiring Hallmark {@code >=0.1.0}. */
    public static PluginArchiveBuilder plugin(String id, String version) {
        return new PluginArchiveBuilder(id, version);
    }

    /** Sets (or, with {@code null}, removes) a manifest attribute, e.g. {@code Plugin-Requires}. */
    public PluginArchiveBuilder manifest(String attribute, String value) {
        if (value == null) {
            manifest.remove(attribute);
        } else {
            manifest.put(attribute, value);
        }
        return this;
    }

    /** Declares the permissions the plugin asks for, e.g. {@code models:read}. */
    public PluginArchiveBuilder permissions(String... permissions) {
        return manifest("Plugin-Permissions", String.join(",", permissions));
    }

    /** Adds an extension class (with its nested and anonymous classes) and lists it in the extension index. */
    public PluginArchiveBuilder extension(Class<?> extensionClass) {
        addClass(extensionClass);
        extensions.add(extensionClass.getName());
        return this;
    }

    /**
     * Adds a class's bytecode, with its nested and anonymous classes. For a nested class, its top-level class and
     * all of that class's nested classes are added, since they share a package-private runtime package.
     */
    public PluginArchiveBuilder addClass(Class<?> type) {
        while (type.getEnclosingClass() != null) {
            type = type.getEnclosingClass();
        }
        String path = type.getName().replace('.', '/') + ".class";
        entries.put(path, classBytes(type, path));
        for (Map.Entry<String, byte[]> companion : companions(type).entrySet()) {
            entries.put(companion.getKey(), companion.getValue());
        }
        return this;
    }

    /** Adds a resource file. */
    public PluginArchiveBuilder resource(String path, byte[] content) {
        entries.put(path, content.clone());
        return this;
    }

    /** Adds a UTF-8 text resource. */
    public PluginArchiveBuilder resource(String path, String content) {
        return resource(path, content.getBytes(StandardCharsets.UTF_8));
    }

    /** Signs the archive with this key pair when it is written. */
    public PluginArchiveBuilder signedWith(KeyPair keyPair) {
        this.signingKey = keyPair;
        return this;
    }

    /** Writes {@code <id>-<version>.jar} into {@code dir} and returns its path. */
    public Path writeTo(Path dir) {
        Path jar = dir.resolve(manifest.getOrDefault("Plugin-Id", "plugin") + "-"
                + manifest.getOrDefault("Plugin-Version", "0") + ".jar");
        Manifest mf = new Manifest();
        mf.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.forEach((k, v) -> mf.getMainAttributes().putValue(k, v));
        try {
            Files.createDirectories(dir);
            try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file, mf)) {
                if (!extensions.isEmpty()) {
                    out.putNextEntry(new JarEntry("META-INF/extensions.idx"));
                    out.write((String.join("\n", extensions) + "\n").getBytes(StandardCharsets.UTF_8));
                    out.closeEntry();
                }
                for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
                    out.putNextEntry(new JarEntry(entry.getKey()));
                    out.write(entry.getValue());
                    out.closeEntry();
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write plugin archive " + jar, e);
        }
        if (signingKey != null) {
            PluginArchiveSigner.sign(jar, signingKey.getPrivate(), signingKey.getPublic());
        }
        return jar;
    }

    private static byte[] classBytes(Class<?> type, String path) {
        try (InputStream in = type.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalArgumentException("Bytecode of " + type.getName() + " not found on its class path");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Nested, inner and anonymous classes ({@code Outer$...}) compiled next to {@code type}. */
    private static Map<String, byte[]> companions(Class<?> type) {
        Map<String, byte[]> found = new LinkedHashMap<>();
        String path = type.getName().replace('.', '/') + ".class";
        URL url = type.getClassLoader().getResource(path);
        if (url == null || !"file".equals(url.getProtocol())) {
            for (Class<?> nested : type.getDeclaredClasses()) {
                String nestedPath = nested.getName().replace('.', '/') + ".class";
                found.put(nestedPath, classBytes(nested, nestedPath));
            }
            return found;
        }
        try {
            Path classFile = Path.of(url.toURI());
            String prefix = type.getName().substring(type.getName().lastIndexOf('.') + 1) + "$";
            String packagePath = path.substring(0, path.lastIndexOf('/') + 1);
            try (Stream<Path> siblings = Files.list(classFile.getParent())) {
                for (Path sibling : siblings.filter(p -> p.getFileName().toString().startsWith(prefix)).toList()) {
                    found.put(packagePath + sibling.getFileName(), Files.readAllBytes(sibling));
                }
            }
            return found;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
