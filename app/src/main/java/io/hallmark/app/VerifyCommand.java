package io.hallmark.app;

import io.hallmark.core.audit.PlatformKey;
import io.hallmark.core.audit.VerifierKey;
import io.hallmark.core.provenance.ContentCredentials;
import io.hallmark.core.provenance.ProvenanceVerifier;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code hallmark verify FILE}: was this file produced by this platform, is it unchanged, and what does its
 * provenance record say. Reads the embedded manifest (PNG) or the sidecar and the platform's public key; needs
 * no database and works while a server runs. Exit code 0 when produced here and unchanged, 1 otherwise.
 */
@Command(name = "verify", mixinStandardHelpOptions = true,
        description = "Check a file's provenance: produced here, unchanged, and what its record says.")
final class VerifyCommand implements Callable<Integer> {

    @Mixin
    PlatformOptions platform;

    @Parameters(paramLabel = "FILE", description = "The file to check (its sidecar FILE.provenance.json is read too).")
    Path file;

    @Option(names = "--public-key", paramLabel = "VKEY",
            description = "The platform key to check against (default: every key of the data directory: its key file, "
                    + "the HSM keys it signed with, and the keys a rotation retired).")
    @Nullable String publicKey;

    @Option(names = "--json", description = "Print one JSON document.")
    boolean json;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("File " + file + " does not exist");
        }
        // without --public-key: every key this platform has signed with (its key file, its HSM keys, the keys
        // retired by a rotation), so what it signed before a rotation stays VERIFIED
        java.util.List<VerifierKey> keys = publicKey != null ? java.util.List.of(AuditCommand.readKey(publicKey))
                : PlatformKey.knownKeys(platform.load().dataDir().resolve("keys"));
        if (keys.isEmpty()) {
            throw new IllegalArgumentException("No platform key in " + platform.load().dataDir().resolve("keys")
                    + "; is this the right --data-dir, and has the platform run on it? (or give --public-key)");
        }
        ProvenanceVerifier.Result r = ProvenanceVerifier.verify(file, keys);
        String credentials = ContentCredentials.manifestLabel(Files.readAllBytes(file)).orElse(null);
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("file", file.toAbsolutePath().toString());
            doc.put("status", r.status());
            doc.put("producedHereUnchanged", r.producedHereUnchanged());
            doc.put("source", r.source());
            doc.put("message", r.message());
            doc.put("manifest", r.manifest());
            doc.put("contentCredentials", credentials);
            JsonOutput.print(out, doc);
        } else {
            out.println(r.status() + ": " + r.message());
            out.println("source: " + r.source());
            if (r.manifest() != null) {
                var m = r.manifest();
                out.println("generator: " + m.path("generator").path("pluginId").asText() + " "
                        + m.path("generator").path("pluginVersion").asText());
                out.println("model: " + m.path("model").path("id").asText("-") + " sha256 "
                        + m.path("model").path("sha256").asText("-"));
                out.println("governance: " + m.path("governance").path("decision").asText("-") + " under policy "
                        + m.path("governance").path("policyVersion").asText("-"));
                out.println("created: " + m.path("createdAt").asText() + ", seed " + m.path("seed").asText("-"));
                out.println("digital source type: " + m.path("digitalSourceType").asText());
            }
            out.println("content credentials: " + (credentials == null ? "none"
                    : "C2PA manifest " + credentials + " embedded (validate with a C2PA tool, e.g. "
                            + "scripts/c2pa/check-marks.sh)"));
        }
        out.flush();
        return r.producedHereUnchanged() ? 0 : ErrorHandler.FAILURE;
    }
}
