package io.hallmark.app;

import io.hallmark.api.HallmarkException;
import io.hallmark.app.bench.Distribution;
import io.hallmark.app.bench.PluginBenchmark;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code hallmark bench}: benchmarks that run Hallmark side by side with a baseline and print the ratios. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Run a benchmark; each compares Hallmark with a baseline in the same run.",
        subcommands = {BenchCommand.Queue.class, BenchCommand.Plugins.class, RetrievalBenchCommand.class})
final class BenchCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing benchmark; valid: queue, plugins, retrieval");
    }

    @Command(name = "plugins", mixinStandardHelpOptions = true,
            description = "Install-to-ready time of a signed plugin, and the latency a call through the plugin host "
                    + "adds over a direct call of the same generator.")
    static final class Plugins implements Callable<Integer> {

        @Option(names = "--installs", defaultValue = "10", description = "Install/remove cycles (default ${DEFAULT-VALUE}).")
        int installs;

        @Option(names = "--calls", defaultValue = "20000", description = "Measured calls each way (default ${DEFAULT-VALUE}).")
        int calls;

        @Option(names = "--archive", paramLabel = "FILE",
                description = "Plugin archive to use (default: the example plugin of the distribution).")
        Path archive;

        @Option(names = "--json", description = "Print one JSON document.")
        boolean json;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            if (installs < 1 || calls < 1) {
                throw new IllegalArgumentException("--installs and --calls must be at least 1");
            }
            Path plugin = archive != null ? archive : Distribution.examplePlugin().orElseThrow(() ->
                    new HallmarkException("The example plugin is not in this distribution; pass --archive FILE"));
            return runInTempDir(spec, json, (work, progress) -> new PluginBenchmark(plugin, work, progress)
                    .run(installs, calls));
        }
    }

    /** A benchmark body: given a scratch folder and a progress sink, returns the figures. */
    interface Body {
        Map<String, Object> run(Path work, java.util.function.Consumer<String> progress) throws Exception;
    }

    /** Runs a benchmark in a scratch folder (deleted afterwards), progress to stderr, figures to stdout. */
    static int runInTempDir(CommandLine.Model.CommandSpec spec, boolean json, Body body) throws Exception {
        Path work = Files.createTempDirectory("hallmark-bench-");
        try {
            PrintWriter err = spec.commandLine().getErr();
            Map<String, Object> result = body.run(work, m -> {
                err.println("bench: " + m);
                err.flush();
            });
            PrintWriter out = spec.commandLine().getOut();
            if (json) {
                JsonOutput.print(out, result);
            } else {
                result.forEach((k, v) -> out.println(k + ": " + v));
            }
            return 0;
        } finally {
            deleteRecursively(work);
        }
    }

    @Command(name = "queue", mixinStandardHelpOptions = true,
            description = "Jobs/s through the durable queue at 1, 2 and 4 workers next to a plain INSERT/UPDATE loop, "
                    + "and the end-to-end latency of a governed text job.")
    static final class Queue implements Callable<Integer> {

        @Option(names = "--jobs", defaultValue = "2000", description = "Jobs per run (default ${DEFAULT-VALUE}).")
        int jobs;

        @Option(names = "--text-jobs", defaultValue = "20", description = "Governed text jobs timed (default ${DEFAULT-VALUE}).")
        int textJobs;

        @Option(names = "--json", description = "Print one JSON document.")
        boolean json;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            Path plugin = Distribution.examplePlugin().orElseThrow(() ->
                    new HallmarkException("The example plugin is not in this distribution"));
            return runInTempDir(spec, json, (work, progress) -> new io.hallmark.app.bench.QueueBenchmark(work, plugin,
                    progress).run(jobs, textJobs));
        }
    }

    static void deleteRecursively(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
