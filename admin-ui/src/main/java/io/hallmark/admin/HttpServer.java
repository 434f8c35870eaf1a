package io.hallmark.admin;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.hallmark.api.HallmarkException;
import io.hallmark.core.Platform;
import io.hallmark.core.content.ContentCatalog;
import io.javalin.Javalin;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.json.JavalinJackson;
import java.net.BindException;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The platform's HTTP server (Javalin on Jetty): the REST API under {@code /api/v1} and the web console.
 *
 * <p>Stopping is graceful: the server stops accepting connections and lets in-flight requests finish for
 * up to the configured grace period before it closes.
 */
public final class HttpServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(HttpServer.class);

    /** What a 503 for an unreachable database tells clients to wait before retrying. */
    static final long DATABASE_RETRY_AFTER_SECONDS = 5;

    private final Javalin javalin;
    private final String host;
    private final KbRoutes kbRoutes;
    private final Alerts alerts;

    private HttpServer(Javalin javalin, String host, KbRoutes kbRoutes, Alerts alerts) {
        this.kbRoutes = kbRoutes;
        this.alerts = alerts;
        this.javalin = javalin;
        this.host = host;
    }

    /**
     * Starts serving {@code platform} on the host and port of its configuration.
     *
     * @param extraRoutes more routes to register (later subsystems, tests)
     * @throws HallmarkException with a one-line reason when the port is taken or cannot be bound
     */
    public static HttpServer start(Platform platform, List<Consumer<RoutesConfig>> extraRoutes) {
        String host = platform.config().host();
        int port = platform.config().port();
        Duration grace = platform.config().shutdownGrace();
        ObjectMapper mapper = new ObjectMapper()
                .registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
        KbRoutes kbRoutes = new KbRoutes(platform.knowledgeBases());
        ContentCatalog catalog = new ContentCatalog(platform.database(), platform.audit().log());
        Metrics metrics = new Metrics(platform.database(), platform.jobs(), platform.models()::status);
        metrics.knowledgeBases(platform.knowledgeBases());
        Alerts alerts = new Alerts(platform.database(), platform.auditLog(), metrics, Duration.ofSeconds(15),
                Platform.nodeName());
        java.util.concurrent.atomic.AtomicReference<Javalin> self = new java.util.concurrent.atomic.AtomicReference<>();
        Javalin javalin = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.startup.showOldJavalinVersionWarning = false;
            config.jsonMapper(new JavalinJackson(mapper, false));
            config.jetty.host = host;
            config.jetty.port = port;
            config.jetty.modifyServer(server -> {
                server.setStopTimeout(grace.toMillis());
                server.setHandler(new RequestLimits()); // Javalin puts its servlet context inside
                server.setErrorHandler(new ProblemErrorHandler());
            });
            config.jetty.modifyServletContextHandler(context -> context.insertHandler(new GracefulHandler()));
            config.jetty.multipartConfig.maxFileSize(io.hallmark.core.plugin.PluginHost.MAX_ARCHIVE_BYTES,
                    io.javalin.config.SizeUnit.BYTES);
            config.http.maxRequestSize = RequestLimits.largest(); // RequestLimits holds each route to its own
            config.staticFiles.add(files -> {
                files.hostedPath = "/console";
                files.directory = "/console";
                files.location = io.javalin.http.staticfiles.Location.CLASSPATH;
            });
            config.staticFiles.enableWebjars();

            RoutesConfig routes = config.routes;
            routes.before(SmallBodies::readFirst); // before anything may answer early
            routes.before(SecurityHeaders::apply);
            routes.before(metrics::before);
            routes.before(new DatabaseGate(platform.databaseMonitor())::check);
            routes.after(metrics::after);
            routes.beforeMatched(new AccessFilter(platform.access())::check);
            routes.beforeMatched(InputBoundary::checkParameters);
            new HealthRoutes(platform).register(routes);
            new AuthRoutes(platform.access(), platform.config().cookieSecure()).register(routes);
            new PluginRoutes(platform.plugins()).register(routes);
            new PolicyRoutes(platform.policies()).register(routes);
            new CheckRoutes(platform.checks(), platform.replays()).register(routes);
            new GenerationRoutes(platform.generations(), platform.plugins()).register(routes);
            new OpenAiRoutes(platform.generations(), platform.plugins()).register(routes);
            new ConsoleRoutes().register(routes);
            new ContentRoutes(catalog, platform.blobs(),
                    new io.hallmark.core.provenance.ProvenanceMarker(platform.audit().signer())).register(routes);
            new ProbeRoutes(platform.probes()).register(routes);
            new AuditRoutes(platform.database(), platform.audit(), platform.config().dataDir().resolve("exports"))
                    .register(routes);
            new DashboardRoutes(catalog, platform.jobs(), platform.plugins(), alerts::list,
                    platform.models()::status, platform.governanceTraining()::status).register(routes);
            alerts.register(routes);
            routes.get("/api/v1/openapi.json", ctx -> ctx.json(OpenApi.document(routesOf(self.get()),
                    io.hallmark.core.Version.current())), Allowed.ANY_USER);
            kbRoutes.register(routes);
            extraRoutes.forEach(r -> r.accept(routes));
            registerErrorHandlers(routes);
        });
        self.set(javalin);
        try {
            javalin.start();
        } catch (RuntimeException e) {
            stopQuietly(javalin);
            kbRoutes.close();
            alerts.close();
            if (hasCause(e, BindException.class)) {
                throw new HallmarkException("Port " + port + " on " + host + " is already in use (or not "
                        + "bindable); stop whatever holds it or choose another with --port", e);
            }
            throw new HallmarkException("Cannot start the HTTP server on " + host + ":" + port + ": " + e.getMessage(), e);
        }
        HttpServer server = new HttpServer(javalin, host, kbRoutes, alerts);
        log.info("HTTP server listening on {}", server.url());
        return server;
    }

    static void registerErrorHandlers(RoutesConfig routes) {
        routes.exception(HttpResponseException.class, (e, ctx) -> problem(ctx, e.getStatus() == 404
                ? ApiError.of(404, "not-found", "Not found", "No endpoint " + ctx.method() + " " + ctx.path()
                        + "; see /api/v1/health")
                : ApiError.of(e.getStatus(), "http-" + e.getStatus(), e.getMessage(), e.getMessage())));
        routes.exception(IllegalArgumentException.class, (e, ctx) ->
                problem(ctx, ApiError.of(400, "invalid-request", "Invalid request", e.getMessage())));
        routes.exception(HallmarkException.class, (e, ctx) -> {
            if (e instanceof io.hallmark.core.security.AuthenticationException) {
                ctx.header("WWW-Authenticate", "Bearer realm=\"hallmark\"");
            }
            ApiError error = ErrorMapping.toApiError(e);
            if (error.status() == 429 || error.status() == 503) {
                ctx.header("Retry-After", Long.toString(ErrorMapping.retryAfterSeconds(e)));
            }
            if (error.status() >= 500) {
                log.warn("{} {} answered {}: {}", ctx.method(), ctx.path(), error.status(), e.toString());
            }
            problem(ctx, error);
        });
        routes.exception(Exception.class, (e, ctx) -> {
            java.util.Optional<ApiError> caller = ErrorMapping.fromCause(e);
            if (caller.isPresent()) {
                if (caller.get().status() == 503) {
                    ctx.header("Retry-After", Long.toString(DATABASE_RETRY_AFTER_SECONDS));
                }
                problem(ctx, caller.get());
                return;
            }
            log.error("Unhandled error on {} {}", ctx.method(), ctx.path(), e);
            problem(ctx, ApiError.of(500, "internal-error", "Internal error",
                    "The request failed unexpectedly; the server log has the details"));
        });
    }

    static void problem(Context ctx, ApiError error) {
        String type = ctx.contentType();
        if (type != null && type.regionMatches(true, 0, "multipart/", 0, 10)) {
            // a refused multipart body may be partly unread (the parser stops at the fault), so the connection
            // cannot carry another request: say so, or the client's next request on it is lost (ApiFuzzTest)
            ctx.header("Connection", "close");
        }
        if (ctx.path().startsWith("/v1/")) { // OpenAI-compatible clients read OpenAI's error shape
            OpenAiErrors.write(ctx, error);
            return;
        }
        ctx.status(error.status()).json(error).contentType("application/problem+json");
    }

    /** One registered HTTP route and who may call it. */
    public record Route(String method, String path, java.util.Set<Allowed> allowed) {}

    /** Every registered route (for the OpenAPI check and the role tests). */
    public java.util.List<Route> routes() {
        return routesOf(javalin);
    }

    private static java.util.List<Route> routesOf(Javalin javalin) {
        return javalin.unsafe.internalRouter.allHttpHandlers().stream()
                .map(p -> p.endpoint)
                .filter(e -> !e.method.name().equals("BEFORE") && !e.method.name().equals("AFTER")
                        && !e.method.name().startsWith("BEFORE_") && !e.method.name().startsWith("AFTER_"))
                .map(e -> {
                    io.javalin.security.Roles roles = e.metadata(io.javalin.security.Roles.class);
                    java.util.Set<Allowed> allowed = java.util.EnumSet.noneOf(Allowed.class);
                    if (roles != null) {
                        roles.getRoles().forEach(r -> allowed.add((Allowed) r));
                    }
                    return new Route(e.method.name(), e.path, allowed);
                })
                .toList();
    }

    /** The port the server listens on (the chosen one when the configuration said 0). */
    public int port() {
        return javalin.port();
    }

    /** The base URL, e.g. {@code http://127.0.0.1:8080}. */
    public String url() {
        String shown = "0.0.0.0".equals(host) || "::".equals(host) ? "127.0.0.1" : host;
        return "http://" + shown + ":" + port();
    }

    /** Stops gracefully: no new connections, in-flight requests finish within the grace period. */
    @Override
    public void close() {
        try {
            javalin.stop();
        } finally {
            kbRoutes.close();
            alerts.close();
        }
        log.info("HTTP server stopped");
    }

    private static void stopQuietly(Javalin javalin) {
        try {
            javalin.stop();
        } catch (RuntimeException ignored) {
            // it never started
        }
    }

    private static boolean hasCause(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }
}
