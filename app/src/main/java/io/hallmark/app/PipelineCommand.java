package io.hallmark.app;

import io.hallmark.api.Modality;
import io.hallmark.core.pipeline.PipelineDefinition;
import io.hallmark.core.pipeline.PipelineDefinitions;
import io.hallmark.core.pipeline.PipelineParser;
import io.hallmark.core.pipeline.StepDefinition;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code hallmark pipeline}: validate a pipeline definition, or show one (a file, or the one in force). */
@Command(name = "pipeline", mixinStandardHelpOptions = true,
        description = "Validate and show generation pipeline definitions (see docs/orchestration.md).",
        subcommands = {PipelineCommand.Validate.class, PipelineCommand.Show.class})
final class PipelineCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing subcommand; valid: validate, show");
    }

    static PipelineDefinition read(Path file) {
        return new PipelineParser().parse(TextFiles.read(file, "pipeline file"), file.toString(), null);
    }

    static void print(PrintWriter out, PipelineDefinition p, boolean json) {
        if (json) {
            Map<String, Object> result = new LinkedHashMap<>(p.toMap());
            result.put("source", p.source());
            JsonOutput.print(out, result);
            return;
        }
        out.println("Pipeline '" + p.name() + "' for " + p.modality() + " (" + p.source() + "):");
        for (int i = 0; i < p.steps().size(); i++) {
            StepDefinition s = p.steps().get(i);
            out.println("  " + (i + 1) + ". " + s.id() + (s.id().equals(s.kind().id()) ? "" : " (" + s.kind().id() + ")")
                    + (s.settings().isEmpty() ? "" : " " + s.settings()));
        }
    }

    @Command(name = "validate", mixinStandardHelpOptions = true,
            description = "Check a pipeline file; every problem is listed with its line and field. Needs no platform.")
    static final class Validate implements Callable<Integer> {
        @Parameters(paramLabel = "FILE")
        Path file;

        @Option(names = "--json", description = "Print one JSON document.")
        boolean json;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            PipelineDefinition p = read(file);
            if (!json) {
                spec.commandLine().getOut().print("Valid. ");
            }
            print(spec.commandLine().getOut(), p, json);
            return 0;
        }
    }

    @Command(name = "show", mixinStandardHelpOptions = true,
            description = "Print a pipeline: a FILE, or for a MODALITY (text, code, image, video) the one in force "
                    + "(<data-dir>/pipelines/<modality>.yaml, else the shipped default).")
    static final class Show implements Callable<Integer> {
        @Parameters(paramLabel = "FILE|MODALITY")
        String what;

        @Option(names = "--json", description = "Print one JSON document.")
        boolean json;

        @Mixin
        PlatformOptions platform;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            Path file = Path.of(what);
            PipelineDefinition p;
            if (Files.isRegularFile(file)) {
                p = read(file);
            } else {
                Modality modality;
                try {
                    modality = Modality.parse(what);
                } catch (IllegalArgumentException e) {
                    throw new CommandLine.ParameterException(spec.commandLine(), "'" + what + "' is neither a file nor "
                            + "a modality; expected a pipeline file or one of " + Modality.choices());
                }
                p = new PipelineDefinitions(platform.load().dataDir().resolve("pipelines")).forModality(modality);
            }
            print(spec.commandLine().getOut(), p, json);
            return 0;
        }
    }
}
