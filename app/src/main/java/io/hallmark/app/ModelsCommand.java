package io.hallmark.app;

import io.hallmark.core.config.HallmarkConfig;
import io.hallmark.core.model.ModelCheck;
import io.hallmark.core.model.ModelDirectory;
import io.hallmark.core.model.ModelRuntime;
import io.hallmark.core.model.ServingProfile;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code hallmark models}: what is in the model directory ({@code list}) and whether every file is intact
 * ({@code verify}: size, SHA-256 against the folder's listed checksums, headers and tensor extents). Reads the
 * files only; needs no database.
 */
@Command(name = "models", mixinStandardHelpOptions = true, description = "List and verify the models in the model directory.",
        subcommands = {ModelsCommand.ListModels.class, ModelsCommand.Verify.class, GovernanceModelsCommand.class})
final class ModelsCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing subcommand; valid: list, verify, governance");
    }

    abstract static class ModelsSubcommand implements Callable<Integer> {
        @Mixin
        PlatformOptions platform;

        @Option(names = "--json", description = "Print one JSON document.")
        boolean json;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        List<ModelCheck> checks(Map<String, Object> header) {
            HallmarkConfig config = platform.load();
            try (ModelRuntime runtime = new ModelRuntime(new ModelDirectory(config.modelsDir()), config.device(),
                    ServingProfile.of(config.servingProfile()), 0)) {
                header.put("modelsDir", config.modelsDir().toString());
                return runtime.verify();
            }
        }

        PrintWriter out() {
            return spec.commandLine().getOut();
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List the models and their files with SHA-256.")
    static final class ListModels extends ModelsSubcommand {
        @Override
        public Integer call() {
            Map<String, Object> result = new LinkedHashMap<>();
            List<ModelCheck> checks = checks(result);
            result.put("files", checks);
            if (json) {
                JsonOutput.print(out(), result);
                return 0;
            }
            out().println("Model directory: " + result.get("modelsDir"));
            if (checks.isEmpty()) {
                out().println("No models. Copy model folders there, or point --models-dir / HALLMARK_MODELS_DIR at them.");
            }
            String model = null;
            for (ModelCheck c : checks) {
                if (!c.model().equals(model)) {
                    model = c.model();
                    out().println(model);
                }
                out().printf("  %-28s %-9s %,12d bytes  sha256 %s%n", c.file().substring(c.file().indexOf('/') + 1),
                        c.format(), c.bytes(), c.sha256());
            }
            out().flush();
            return 0;
        }
    }

    @Command(name = "verify", mixinStandardHelpOptions = true,
            description = "Check every model file: checksum against SOURCE.md/SHA256SUMS, header and size. Exit 1 if any is bad.")
    static final class Verify extends ModelsSubcommand {
        @Override
        public Integer call() {
            Map<String, Object> result = new LinkedHashMap<>();
            List<ModelCheck> checks = checks(result);
            long bad = checks.stream().filter(c -> !c.ok()).count();
            result.put("ok", bad == 0);
            result.put("checked", checks.size());
            result.put("failed", bad);
            result.put("files", checks);
            if (json) {
                JsonOutput.print(out(), result);
            } else {
                for (ModelCheck c : checks) {
                    out().printf("%-6s %s%s%n", c.ok() ? "OK" : "FAILED", c.file(),
                            c.ok() ? (c.expectedSha256() != null ? "  (checksum matches)" : "  (no checksum listed)")
                                    : "\n       " + c.problem());
                }
                out().printf("%d file(s) checked, %d failed%n", checks.size(), bad);
                out().flush();
            }
            return bad == 0 ? 0 : 1;
        }
    }
}
