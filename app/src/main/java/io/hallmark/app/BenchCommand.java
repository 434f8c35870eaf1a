package io.hallmark.app;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code hallmark bench ...}: benchmarks (not tests; figures depend on the machine). */
@Command(name = "bench", mixinStandardHelpOptions = true, description = "Run benchmarks.",
        subcommands = RetrievalBenchCommand.class)
final class BenchCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing subcommand; valid: retrieval");
    }
}
