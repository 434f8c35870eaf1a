package io.hallmark.app;

import io.hallmark.core.Platform;
import io.hallmark.governance.artifact.ArtifactKind;
import io.hallmark.governance.artifact.GovernanceArtifact;
import io.hallmark.governance.artifact.ModelStore;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Function;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code hallmark models governance list|show|activate|export|import}: the governance model artifacts in the
 * platform's database (safety heads, bias model, fact-check combiner), which version of each kind is active on every
 * node, and moving versions between installations. Activation is audited ({@code governance.model.activated}).
 */
@Command(name = "governance", mixinStandardHelpOptions = true,
        description = "The governance model versions in the database: list, show, activate (cluster-wide, audited), "
                + "export, import.",
        subcommands = {GovernanceModelsCommand.ListVersions.class, GovernanceModelsCommand.Show.class,
            GovernanceModelsCommand.Activate.class, GovernanceModelsCommand.Export.class,
            GovernanceModelsCommand.Import.class})
final class GovernanceModelsCommand implements Runnable {

    static final String ACTOR = "cli:" + System.getProperty("user.name", "local");

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing subcommand; valid: list, show, activate, "
                + "export, import");
    }

    abstract static class Base implements Callable<Integer> {
        @Mixin PlatformOptions platform;

        @Option(names = "--json", description = "Print one JSON document.")
        boolean json;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        <T> T withStore(Function<ModelStore, T> work) {
            try (Platform p = Platform.start(platform.load(), "command")) {
                return work.apply(p.governanceModels().store());
            }
        }

        PrintWriter out() {
            return spec.commandLine().getOut();
        }

        static GovernanceArtifact byPrefix(ModelStore store, String hash) {
            return store.findByPrefix(hash).orElseThrow(() -> new IllegalArgumentException("No governance model "
                    + hash + "; list them with `hallmark models governance list`"));
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "Every stored version, newest first; * = active.")
    static final class ListVersions extends Base {
        @Override
        public Integer call() {
            List<ModelStore.Summary> all = withStore(ModelStore::list);
            if (json) {
                JsonOutput.print(out(), all);
                return 0;
            }
            if (all.isEmpty()) {
                out().println("No governance models yet: `hallmark serve` trains them at first start, or run `hallmark "
                        + "train safety|bias`, or import one.");
            }
            for (ModelStore.Summary s : all) {
                out().printf("%s %-19s %s  %,9d bytes  %s  code %s  settings %.12s  data %.12s%n", s.active() ? "*" : " ",
                        s.kind(), s.sha256(), s.size(), s.createdAt(), s.manifest().get("codeVersion"),
                        s.manifest().get("settingsHash"), s.manifest().get("trainingDataHash"));
            }
            out().flush();
            return 0;
        }
    }

    @Command(name = "show", mixinStandardHelpOptions = true, description = "One version's manifest (and whether it is active).")
    static final class Show extends Base {
        @Parameters(paramLabel = "HASH", description = "The model's SHA-256 (or at least its first 6 characters).")
        String hash;

        @Override
        public Integer call() {
            Map<String, Object> doc = withStore(store -> {
                GovernanceArtifact a = byPrefix(store, hash);
                Map<String, Object> d = new LinkedHashMap<>();
                d.put("kind", a.kind());
                d.put("sha256", a.sha256());
                d.put("size", a.bytes().length);
                d.put("active", store.activation(a.kind()).filter(x -> x.sha256().equals(a.sha256())).isPresent());
                store.activation(a.kind()).ifPresent(x -> d.put("activeVersion", x));
                d.put("manifest", a.manifest());
                return d;
            });
            JsonOutput.print(out(), doc);
            return 0;
        }
    }

    @Command(name = "activate", mixinStandardHelpOptions = true,
            description = "Make a stored version the active one of its kind on every node (audited). Running nodes "
                    + "load it when they next load their models (restart them to switch at once).")
    static final class Activate extends Base {
        @Parameters(paramLabel = "HASH", description = "The model's SHA-256 (or at least its first 6 characters).")
        String hash;

        @Override
        public Integer call() {
            String done = withStore(store -> {
                GovernanceArtifact a = byPrefix(store, hash);
                store.activate(a.kind(), a.sha256(), ACTOR);
                return a.kind() + " " + a.sha256();
            });
            out().println("Active: " + done);
            out().flush();
            return 0;
        }
    }

    @Command(name = "export", mixinStandardHelpOptions = true,
            description = "Write a version (bytes and manifest) to one JSON file, for `import` elsewhere.")
    static final class Export extends Base {
        @Parameters(index = "0", paramLabel = "HASH", description = "The model's SHA-256 (or its first 6+ characters), "
                + "or a kind (safety, bias, factcheck-combiner) for its active version.")
        String hash;

        @Option(names = "--out", required = true, paramLabel = "FILE", description = "The file to write.")
        Path file;

        @Override
        public Integer call() {
            GovernanceArtifact a = withStore(store -> ArtifactKind.ids().contains(hash)
                    ? store.active(hash).orElseThrow(() -> new IllegalArgumentException("No active " + hash + " model"))
                    : byPrefix(store, hash));
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("format", "hallmark-governance-model-1");
            doc.put("kind", a.kind());
            doc.put("sha256", a.sha256());
            doc.put("manifest", a.manifest());
            doc.put("bytes", Base64.getEncoder().encodeToString(a.bytes()));
            try {
                Path parent = file.toAbsolutePath().getParent();
                if (parent != null) {
                    Files.createDirectories(parent);
                }
                JsonOutput.mapper().writerWithDefaultPrettyPrinter().writeValue(file.toFile(), doc);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot write " + file, e);
            }
            out().println("Exported " + a.kind() + " " + a.sha256() + " to " + file);
            out().flush();
            return 0;
        }
    }

    @Command(name = "import", mixinStandardHelpOptions = true,
            description = "Store a version written by `export` (its hash is checked); --activate also makes it active.")
    static final class Import extends Base {
        @Parameters(paramLabel = "FILE", description = "A file written by `hallmark models governance export`.")
        Path file;

        @Option(names = "--activate", description = "Make it the active version of its kind (audited).")
        boolean activate;

        @Override
        public Integer call() {
            GovernanceArtifact a;
            try {
                var n = JsonOutput.mapper().readTree(file.toFile());
                if (!"hallmark-governance-model-1".equals(n.path("format").asText())) {
                    throw new IllegalArgumentException(file + " is not a governance model export (format '"
                            + n.path("format").asText() + "'); write one with `hallmark models governance export`");
                }
                @SuppressWarnings("unchecked")
                Map<String, Object> manifest = JsonOutput.mapper().convertValue(n.path("manifest"), Map.class);
                a = new GovernanceArtifact(n.path("kind").asText(), n.path("sha256").asText(),
                        Base64.getDecoder().decode(n.path("bytes").asText()), manifest);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read " + file, e);
            }
            withStore(store -> {
                store.put(a);
                if (activate) {
                    store.activate(a.kind(), a.sha256(), ACTOR);
                }
                return null;
            });
            out().println("Imported " + a.kind() + " " + a.sha256() + (activate ? " (active)" : ""));
            out().flush();
            return 0;
        }
    }
}
