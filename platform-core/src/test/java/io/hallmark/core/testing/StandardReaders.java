package io.hallmark.core.testing;

import static org.assertj.core.api.Assumptions.assumeThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Third-party readers of the standard marks, run as a user would: exiftool (Debian libimage-exiftool-perl) for XMP,
 * and the official C2PA library (c2pa-rs compiled to WebAssembly, npm {@code @contentauth/c2pa-wasm} at
 * {@value #C2PA_WASM_VERSION}, installed by npm into the shared test cache on first use) for Content Credentials,
 * through {@code scripts/c2pa/verify.mjs}. A test that needs one is skipped, saying why, only when the tool itself
 * (exiftool, node) is absent; a failed install fails the test.
 */
public final class StandardReaders {

    public static final String C2PA_WASM_VERSION = "0.15.0";
    private static final ObjectMapper JSON = new ObjectMapper();

    private StandardReaders() {}

    /** {@code exiftool -j -G1 -a FILE}: every tag, named by group. */
    public static JsonNode exiftool(Path file) throws Exception {
        assumeThat(Files.isExecutable(Path.of("/usr/bin/exiftool"))).as("exiftool is not installed (Debian package "
                + "libimage-exiftool-perl; .ci/run installs it): skipping the exiftool reading").isTrue();
        String out = run(List.of("/usr/bin/exiftool", "-j", "-G1", "-a", file.toString()), null, false);
        return JSON.readTree(out).get(0);
    }

    /**
     * What the official C2PA library reports for the file: {@code read}, {@code activeLabel}, {@code store} (the
     * manifest store JSON, with {@code validation_state}, {@code validation_results}, {@code manifests}), or
     * {@code error} when it found no readable credentials.
     */
    public static JsonNode c2pa(Path file, String mediaType) throws Exception {
        return c2pa(file, mediaType, null);
    }

    /** As {@link #c2pa(Path, String)}, trusting the roots in the PEM file (when not null). */
    public static JsonNode c2pa(Path file, String mediaType, Path trustAnchors) throws Exception {
        Path node = Path.of("/usr/bin/node");
        assumeThat(Files.isExecutable(node)).as("node is not installed: skipping the official C2PA library's check")
                .isTrue();
        Path prefix = c2paWasm();
        Path script = repositoryRoot().resolve("scripts/c2pa/verify.mjs");
        List<String> command = new ArrayList<>(List.of(node.toString(), script.toString(), file.toString(), mediaType));
        if (trustAnchors != null) {
            command.add(trustAnchors.toString());
        }
        String out = run(command, prefix, true);
        return JSON.readTree(out.strip().lines().reduce((a, b) -> b).orElse("{}"));
    }

    private static synchronized Path c2paWasm() throws Exception {
        Path prefix = TestPaths.cacheDir().resolve("c2pa-wasm-" + C2PA_WASM_VERSION);
        if (Files.isRegularFile(prefix.resolve("node_modules/@contentauth/c2pa-wasm/pkg/c2pa_bg.wasm"))) {
            return prefix;
        }
        Files.createDirectories(prefix);
        Files.writeString(prefix.resolve("package.json"), "{\"private\":true}\n");
        run(List.of("npm", "install", "--prefix", prefix.toString(), "--no-audit", "--no-fund", "--ignore-scripts",
                "@contentauth/c2pa-wasm@" + C2PA_WASM_VERSION), null, false);
        return prefix;
    }

    /** The repository root (tests run in their module's folder). */
    public static Path repositoryRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isRegularFile(dir.resolve("scripts/c2pa/verify.mjs"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("scripts/c2pa/verify.mjs not found above " + Path.of("").toAbsolutePath());
        }
        return dir;
    }

    /** Runs the command; {@code noCredentialsIsAnAnswer}: verify.mjs's exit 2 (no credentials) is a result. */
    private static String run(List<String> command, Path c2paPrefix, boolean noCredentialsIsAnAnswer)
            throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(new ArrayList<>(command)).redirectErrorStream(true);
        if (c2paPrefix != null) {
            pb.environment().put("C2PA_WASM_PREFIX", c2paPrefix.toString());
        }
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(300, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException(command.getFirst() + " did not finish: " + out);
        }
        if (p.exitValue() != 0 && !(noCredentialsIsAnAnswer && p.exitValue() == 2)) {
            throw new IllegalStateException(String.join(" ", command) + " failed (" + p.exitValue() + "): " + out);
        }
        return out;
    }
}
