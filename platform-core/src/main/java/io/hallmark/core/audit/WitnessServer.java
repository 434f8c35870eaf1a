package io.hallmark.core.audit;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Serves a {@link Witness} over HTTP (the JDK's HTTP server): {@code POST /add-checkpoint} as C2SP
 * {@code tlog-witness} defines it, and {@code GET /latest/<origin>}, the latest checkpoint it cosigned for a log
 * with a fresh cosignature (a monitoring read the protocol leaves open; auditors use it with
 * {@code hallmark audit verify --trusted-checkpoint}).
 */
public final class WitnessServer implements AutoCloseable {

    /** Largest request body accepted: 63 proof lines and a checkpoint with a few signatures fit easily. */
    static final int MAX_BODY = 64 * 1024;

    private final HttpServer server;
    private final ExecutorService executor;

    private WitnessServer(HttpServer server, ExecutorService executor) {
        this.server = server;
        this.executor = executor;
    }

    /** Starts serving {@code witness} on {@code host:port} (port 0 picks a free one). */
    public static WitnessServer start(Witness witness, String host, int port) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(host, port), 64);
        ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
        server.setExecutor(executor);
        server.createContext("/add-checkpoint", ex -> {
            try (ex) {
                if (!"POST".equals(ex.getRequestMethod())) {
                    send(ex, Witness.Response.text(405, "use POST"));
                    return;
                }
                byte[] body = readLimited(ex.getRequestBody());
                if (body == null) {
                    send(ex, Witness.Response.text(413, "request body over " + MAX_BODY + " bytes"));
                    return;
                }
                send(ex, witness.addCheckpoint(new String(body, StandardCharsets.UTF_8)));
            }
        });
        server.createContext("/latest/", ex -> {
            try (ex) {
                String origin = ex.getRequestURI().getPath().substring("/latest/".length());
                Optional<String> latest = witness.latestCosigned(origin);
                send(ex, latest.map(n -> new Witness.Response(200, "text/plain; charset=utf-8", n))
                        .orElseGet(() -> Witness.Response.text(404, "no checkpoint cosigned for " + origin)));
            }
        });
        server.start();
        return new WitnessServer(server, executor);
    }

    private static byte[] readLimited(InputStream in) throws IOException {
        byte[] body = in.readNBytes(MAX_BODY + 1);
        return body.length > MAX_BODY ? null : body;
    }

    private static void send(HttpExchange ex, Witness.Response r) throws IOException {
        byte[] body = r.body().getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", r.contentType());
        ex.sendResponseHeaders(r.status(), body.length == 0 ? -1 : body.length);
        ex.getResponseBody().write(body);
    }

    public int port() {
        return server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
