package io.hallmark.app;

import io.hallmark.core.audit.VerifierKey;
import io.hallmark.core.audit.Witness;
import io.hallmark.core.audit.WitnessIdentity;
import io.hallmark.core.audit.WitnessServer;
import io.hallmark.core.config.HallmarkConfig;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code hallmark witness ...}: run a C2SP {@code tlog-witness} that cosigns other logs' checkpoints (other Hallmark
 * deployments, or any C2SP log), and print its key. The witness keeps its key and state under
 * {@code <data-dir>/witness/}; it needs no database.
 */
@Command(name = "witness", mixinStandardHelpOptions = true,
        description = "Run a transparency-log witness for other deployments' audit logs.",
        subcommands = {WitnessCommand.Serve.class, WitnessCommand.PublicKey.class})
final class WitnessCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing subcommand; valid: serve, public-key");
    }

    static Path witnessDir(HallmarkConfig config) {
        return config.dataDir().resolve("witness");
    }

    @Command(name = "serve", mixinStandardHelpOptions = true,
            description = "Serve POST /add-checkpoint (C2SP tlog-witness) and GET /latest/<origin> until stopped.")
    static final class Serve implements Callable<Integer> {
        @Mixin
        PlatformOptions platform;

        @Option(names = "--host", defaultValue = "127.0.0.1", description = "Address to bind (default 127.0.0.1).")
        String host;

        @Option(names = "--port", defaultValue = "8091", description = "Port (default 8091; 0 picks a free one).")
        int port;

        @Option(names = "--name", paramLabel = "NAME",
                description = "The witness name in its cosignatures (default hallmark-witness/<key hash>); keep it "
                        + "once logs have configured it.")
        @Nullable String name;

        @Option(names = "--log", required = true, paramLabel = "'ORIGIN VKEY'",
                description = "A log to witness: its origin (the first line of its checkpoints, e.g. "
                        + "hallmark.audit/<uuid>) and its public key (hallmark audit public-key). Repeatable; the "
                        + "same origin twice adds a key (several nodes).")
        List<String> logs = new ArrayList<>();

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            Map<String, List<VerifierKey>> witnessed = new HashMap<>();
            for (String entry : logs) {
                String[] parts = entry.strip().split("\\s+");
                if (parts.length != 2) {
                    throw new IllegalArgumentException("--log '" + entry + "': expected 'ORIGIN VKEY'");
                }
                witnessed.computeIfAbsent(parts[0], k -> new ArrayList<>()).add(VerifierKey.parse(parts[1]));
            }
            Path dir = witnessDir(platform.load());
            WitnessIdentity id = WitnessIdentity.loadOrCreate(dir, name);
            Witness witness = new Witness(id.key(), id.signer(), dir.resolve("state"), witnessed, Clock.systemUTC());
            CountDownLatch stop = new CountDownLatch(1);
            try (WitnessServer server = WitnessServer.start(witness, host, port)) {
                Runtime.getRuntime().addShutdownHook(new Thread(stop::countDown));
                PrintWriter out = spec.commandLine().getOut();
                out.println("Witness " + id.key().encoded() + " listening on http://" + host + ":" + server.port()
                        + "/ for " + witnessed.size() + " log(s)");
                out.flush();
                stop.await();
            }
            return 0;
        }
    }

    @Command(name = "public-key", mixinStandardHelpOptions = true,
            description = "Print the witness key (a C2SP vkey of type 0x04) that logs configure in audit-witnesses.")
    static final class PublicKey implements Callable<Integer> {
        @Mixin
        PlatformOptions platform;

        @Option(names = "--name", paramLabel = "NAME", description = "The witness name, as given to serve.")
        @Nullable String name;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            WitnessIdentity id = WitnessIdentity.loadOrCreate(witnessDir(platform.load()), name);
            spec.commandLine().getOut().println(id.key().encoded());
            spec.commandLine().getOut().flush();
            return 0;
        }
    }
}
