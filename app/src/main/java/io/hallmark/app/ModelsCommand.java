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
 * {@code hallmark models}: what is in the model directory ({@code list}: the device models run on, and per GGUF file
 * its architecture, quantization, context length, chat template, whether Hallmark loads it and, on a GPU, the GPU
 * memory its weights and KV cache take), whether every file is intact
 * ({@code verify}: size, SHA-256 against the folder's listed checksums, headers and tensor extents), and bringing in
 * a downloaded GGUF file ({@code add}: checked, hashed, named). Reads and copies files only; needs no database.
 */
@Command(name = "models", mixinStandardHelpOptions = true, description = "List, add and verify the models in the model directory.",
        subcommands = {ModelsCommand.ListModels.class, ModelsCommand.Add.class, ModelsCommand.Verify.class,
            GovernanceModelsCommand.class})
final class ModelsCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing subcommand; valid: list, add, verify, governance");
    }

    abstract static class ModelsSubcommand implements Callable<Integer> {
        @Mixin
        PlatformOptions platform;

        @Option(names = "--json", description = "Print one JSON document.")
        boolean json;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        /** Checks every file; with {@code device}, also says where models would run (header key {@code device}). */
        List<ModelCheck> checks(Map<String, Object> header, boolean device) {
            HallmarkConfig config = platform.load();
            try (ModelRuntime runtime = new ModelRuntime(new ModelDirectory(config.modelsDir()), config.device(),
                    ServingProfile.of(config.servingProfile()), 0)) {
                header.put("modelsDir", config.modelsDir().toString());
                if (device) {
                    header.put("device", runtime.deviceDescription());
                }
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
            List<ModelCheck> checks = checks(result, true);
            result.put("files", checks);
            String device = (String) result.get("device");
            boolean gpu = device.startsWith("gpu");
            if (gpu) {
                result.put("gpuMemory", checks.stream().filter(c -> c.gguf() != null && c.gguf().loads())
                        .map(c -> Map.of("model", c.model(), "file", c.file(), "weightBytes",
                                c.gguf().float16WeightBytes(), "kvCacheBytesPerToken", c.gguf().kvCacheBytesPerToken()))
                        .toList());
            }
            if (json) {
                JsonOutput.print(out(), result);
                return 0;
            }
            out().println("Model directory: " + result.get("modelsDir"));
            out().println("Device: " + device);
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
                if (c.format().equals("gguf")) {
                    out().println("    " + (c.details() != null ? c.details() : "loads no"));
                    if (!c.ok()) {
                        out().println("    does not load: " + c.problem());
                    } else if (gpu && c.gguf() != null) {
                        out().printf("    on %s: %,.1f MiB of GPU memory for the weights (float16 matrices), KV cache "
                                + "%,.1f KiB a token%n", device, c.gguf().float16WeightBytes() / 1048576.0,
                                c.gguf().kvCacheBytesPerToken() / 1024.0);
                    }
                }
            }
            out().flush();
            return 0;
        }
    }

    @Command(name = "add", mixinStandardHelpOptions = true,
            description = "Check a GGUF file (architecture, tensors, vocabulary: it must load), hash it and copy it into "
                    + "the model directory as <name>/<file> with a SHA256SUMS the verify command checks.")
    static final class Add implements Callable<Integer> {
        @Mixin
        PlatformOptions platform;

        @CommandLine.Parameters(index = "0", paramLabel = "FILE", description = "The .gguf file.")
        java.nio.file.Path file;

        @Option(names = "--name", description = "The model's name (default: the file name without .gguf).")
        String name;

        @Option(names = "--json", description = "Print one JSON document.")
        boolean json;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws java.io.IOException {
            HallmarkConfig config = platform.load();
            io.hallmark.textgen.GgufSummary summary = io.hallmark.textgen.GgufSummary.of(file);
            if (!summary.loads()) {
                throw new CommandLine.ParameterException(spec.commandLine(), "Hallmark cannot run " + file + ": "
                        + summary.problem());
            }
            String fileName = file.getFileName().toString();
            String model = name != null ? name : fileName.replaceFirst("(?i)\\.gguf$", "");
            if (!model.matches("[A-Za-z0-9][A-Za-z0-9._-]{0,127}")) {
                throw new CommandLine.ParameterException(spec.commandLine(), "The model name '" + model
                        + "' must be 1-128 letters, digits, '.', '_' or '-', starting with a letter or digit; pass --name");
            }
            java.nio.file.Path folder = config.modelsDir().resolve(model);
            if (java.nio.file.Files.exists(folder)) {
                throw new CommandLine.ParameterException(spec.commandLine(), "A model named '" + model + "' exists at "
                        + folder + "; pass another --name");
            }
            java.nio.file.Files.createDirectories(folder);
            java.nio.file.Path target = folder.resolve(fileName);
            java.nio.file.Files.copy(file, target);
            String sha = new ModelDirectory(config.modelsDir()).sha256(target);
            java.nio.file.Files.writeString(folder.resolve("SHA256SUMS"), sha + "  " + fileName + "\n");
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("model", model);
            result.put("file", target.toString());
            result.put("sha256", sha);
            result.putAll(summary.asMap());
            if (json) {
                JsonOutput.print(spec.commandLine().getOut(), result);
            } else {
                spec.commandLine().getOut().printf("Added model '%s': %s%n  %s%n  sha256 %s%n", model, target, summary, sha);
                spec.commandLine().getOut().flush();
            }
            return 0;
        }
    }

    @Command(name = "verify", mixinStandardHelpOptions = true,
            description = "Check every model file: checksum against SOURCE.md/SHA256SUMS, header and size. Exit 1 if any is bad.")
    static final class Verify extends ModelsSubcommand {
        @Override
        public Integer call() {
            Map<String, Object> result = new LinkedHashMap<>();
            List<ModelCheck> checks = checks(result, false);
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
