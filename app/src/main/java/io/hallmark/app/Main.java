package io.hallmark.app;

import io.hallmark.core.Version;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code hallmark} command line: the single entry point of the platform, run by the {@code ./hallmark}
 * launcher. Exit codes: 0 success, 1 failure, 2 bad usage (unknown option, bad value).
 */
@Command(
        name = "hallmark",
        mixinStandardHelpOptions = true,
        versionProvider = Main.VersionProvider.class,
        description = "Hallmark: AI-generated content, governed and on the record.",
        subcommands = {ServeCommand.class, ConfigCommand.class, DbCommand.class, PluginsCommand.class, UsersCommand.class,
            UsersCommand.TokensCommand.class, PolicyCommand.class, BenchCommand.class, KbCommand.class, EvalCommand.class,
            AuditCommand.class, VerifyCommand.class, ModelsCommand.class, GenerateCommand.class, TrainCommand.class, TuneCommand.class,
            CheckCommand.class, PipelineCommand.class, ProbeCommand.class, WitnessCommand.class,
            CommandLine.HelpCommand.class},
        usageHelpAutoWidth = true)
public final class Main implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** Runs the command line and exits the JVM with its exit code. */
    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the command line and returns its exit code (for tests and embedding). */
    public static int run(String... args) {
        return commandLine().execute(args);
    }

    static CommandLine commandLine() {
        return new CommandLine(new Main())
                .setExecutionExceptionHandler(new ErrorHandler())
                .setCaseInsensitiveEnumValuesAllowed(true)
                .setAbbreviatedOptionsAllowed(false);
    }

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    /** Prints the platform version and the Java runtime it runs on. */
    static final class VersionProvider implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {
                "Hallmark " + Version.current(),
                "Java " + Runtime.version() + " (" + System.getProperty("java.vendor") + ")"
            };
        }
    }
}
