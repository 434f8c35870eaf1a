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
        subcommands = {BenchCommand.Plugins.class, RetrievalBenchCommand.class, GovernanceBenchCommand.class})
final class BenchCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing benchmark; valid: plugins, retrieval, governance");
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
            Path work = Files.createTempDirectory("hallmark-bench-");
            try {
                PrintWriter err = spec.commandLine().getErr();
                Map<String, Object> result = new PluginBenchmark(plugin, work, m -> {
                    err.println("bench: " + m);
                    err.flush();
                }).run(installs, calls);
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
    }

    static void deleteRecursively(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
