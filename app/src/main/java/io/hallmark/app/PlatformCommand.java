package io.hallmark.app;

import com.fasterxml.jackson.databind.JsonNode;
import io.hallmark.core.Platform;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import java.util.function.Function;
import picocli.CommandLine;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The base of subcommands that work on a data directory: the platform options, {@code --json}, and
 * {@link #access}, which runs on a platform started for the command or goes through the running server's API.
 */
abstract class PlatformCommand implements Callable<Integer> {

    @Mixin
    PlatformOptions platform;

    @Option(names = "--json", description = "Print one JSON document.")
    boolean json;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    JsonNode access(Function<Platform, Object> local, Function<PlatformAccess.Server, JsonNode> remote) {
        return PlatformAccess.run(platform.load(), platform.localOnlyFlags(), local, remote);
    }

    PrintWriter out() {
        return spec.commandLine().getOut();
    }
}
