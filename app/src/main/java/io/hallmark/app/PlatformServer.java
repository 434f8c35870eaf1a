package io.hallmark.app;

import io.hallmark.admin.HttpServer;
import io.hallmark.api.HallmarkException;
import io.hallmark.core.Platform;
import io.hallmark.core.config.HallmarkConfig;
import io.hallmark.core.security.LocalCliToken;
import java.util.Optional;
import io.javalin.config.RoutesConfig;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.List;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A whole Hallmark server: the {@link Platform} on its data directory and the {@link HttpServer} in front.
 * {@link #close()} stops them gracefully in that order: HTTP first (in-flight requests finish), then the
 * database and the embedded PostgreSQL.
 */
public final class PlatformServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(PlatformServer.class);

    private final Platform platform;
    private final HttpServer http;
    private final LocalCliToken cliToken;
    private final Optional<String> initialAdminPassword;

    private PlatformServer(Platform platform, HttpServer http, LocalCliToken cliToken,
            Optional<String> initialAdminPassword) {
        this.platform = platform;
        this.http = http;
        this.cliToken = cliToken;
        this.initialAdminPassword = initialAdminPassword;
    }

    /** Starts the platform and its HTTP server; on failure nothing is left running. */
    public static PlatformServer start(HallmarkConfig config) {
        return start(config, List.of());
    }

    /** Starts with extra routes (for tests and later subsystems). */
    public static PlatformServer start(HallmarkConfig config, List<Consumer<RoutesConfig>> extraRoutes) {
        checkPortIsFree(config);
        Platform platform = Platform.start(config, "server");
        try {
            Optional<String> initialPassword = platform.access().users().ensureInitialAdmin(config.adminPassword());
            LocalCliToken cliToken = LocalCliToken.create(platform.dataDirectory().root());
            platform.access().acceptLocalCli(cliToken);
            platform.startWorkers(config.intSetting(io.hallmark.core.config.ConfigKey.JOB_WORKERS, 1, 256),
                    "node-" + ProcessHandle.current().pid());
            HttpServer http = HttpServer.start(platform, extraRoutes);
            platform.advertiseServer(http.url());
            platform.audit().startSchedules();
            platform.startPluginSync(java.time.Duration.ofSeconds(5));
            return new PlatformServer(platform, http, cliToken, initialPassword);
        } catch (RuntimeException e) {
            platform.close();
            throw e;
        }
    }

    /** Fails fast, before the database starts, when the port is taken. */
    private static void checkPortIsFree(HallmarkConfig config) {
        if (config.port() == 0) {
            return;
        }
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getByName(config.host()), config.port()));
        } catch (IOException e) {
            throw new HallmarkException("Port " + config.port() + " on " + config.host()
                    + " is already in use (or not bindable: " + e.getMessage()
                    + "); stop whatever holds it or choose another with --port");
        }
    }

    public Platform platform() {
        return platform;
    }

    public String url() {
        return http.url();
    }

    public int port() {
        return http.port();
    }

    /** Every HTTP route with who may call it. */
    public java.util.List<HttpServer.Route> routes() {
        return http.routes();
    }

    /** The first administrator's generated password, present only on the very first start; show it once. */
    public Optional<String> initialAdminPassword() {
        return initialAdminPassword;
    }

    @Override
    public void close() {
        log.info("Shutting down: letting in-flight requests finish (up to {})", platform.config().shutdownGrace());
        try {
            http.close();
        } finally {
            cliToken.delete();
            platform.close();
        }
        log.info("Hallmark stopped");
    }
}
