package io.hallmark.app;

import io.hallmark.core.Version;
import io.hallmark.core.config.ConfigKey;
import io.hallmark.core.config.HallmarkConfig;
import java.io.PrintWriter;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code hallmark serve}: starts the platform and serves the REST API and console until SIGTERM or Ctrl-C. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Start the platform: the REST API and the web console, on the embedded PostgreSQL unless "
                + "--db-url is given. Stops gracefully on SIGTERM or Ctrl-C.")
final class ServeCommand implements Callable<Integer> {

    @Mixin
    PlatformOptions platform;

    @Option(names = "--port", paramLabel = "N", description = "HTTP port (default 8080; 0 picks a free one).")
    @Nullable Integer port;

    @Option(names = "--host", paramLabel = "ADDRESS",
            description = "Address to bind (default 127.0.0.1; 0.0.0.0 for every interface).")
    @Nullable String host;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException {
        Map<ConfigKey, String> flags = new EnumMap<>(ConfigKey.class);
        if (port != null) {
            flags.put(ConfigKey.PORT, Integer.toString(port));
        }
        if (host != null) {
            flags.put(ConfigKey.HOST, host);
        }
        HallmarkConfig config = platform.load(flags);
        PrintWriter out = spec.commandLine().getOut();
        out.println("Hallmark " + Version.current() + " starting with this configuration:");
        out.println(config.describe());
        out.flush();

        PlatformServer server = PlatformServer.start(config);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                server.close();
            } finally {
                stopped.countDown();
            }
        }, "hallmark-shutdown"));
        server.initialAdminPassword().ifPresent(password -> out.println("First start: created the administrator 'admin' "
                + "with the one-time password " + password + " (shown only now; it signs in once, then the console "
                + "asks for a new password; 'hallmark users passwd admin' makes another)"));
        java.util.List<String> missing = io.hallmark.core.plugin.ModelReadiness.problems(config.modelsDir(),
                server.platform().plugins().generators());
        PrintWriter err = spec.commandLine().getErr();
        missing.forEach(problem -> err.println("warning: " + problem));
        if (!missing.isEmpty()) {
            err.println("warning: health reports DEGRADED until the models are there; generations that need them fail");
        }
        err.flush();
        out.println("Hallmark is serving at " + server.url() + "/ (health: " + server.url() + "/api/v1/health)");
        out.flush();
        stopped.await();
        return 0;
    }
}
