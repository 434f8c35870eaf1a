package io.hallmark.governance.safety.guard;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.function.Function;

/**
 * A real HTTP server speaking the OpenAI chat-completions protocol ({@code POST /v1/chat/completions}) with canned
 * answers: the answer is chosen from the request's last message, so a test says what a guard model would reply to
 * each text. It keeps every request (body and Authorization header) for the test to inspect.
 */
final class CannedChatServer implements AutoCloseable {

    /** What the server does with one request. */
    sealed interface Reply {}

    /** Answers 200 with this assistant message. */
    record Answer(String content) implements Reply {}

    /** Answers with this HTTP status and body. */
    record Status(int code, String body) implements Reply {}

    /** Answers after this many milliseconds. */
    record Late(long millis, String content) implements Reply {}

    /** One request as received. */
    record Received(JsonNode body, String authorization) {}

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();

    CannedChatServer(Function<String, Reply> replies) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/v1/chat/completions", exchange -> handle(exchange, replies));
        server.start();
    }

    /** The base URL a client is configured with ({@code http://127.0.0.1:PORT/v1}). */
    URI baseUrl() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/v1");
    }

    List<Received> received() {
        return List.copyOf(received);
    }

    private void handle(HttpExchange exchange, Function<String, Reply> replies) throws IOException {
        try (exchange) {
            JsonNode body = JSON.readTree(exchange.getRequestBody().readAllBytes());
            String auth = String.valueOf(exchange.getRequestHeaders().getFirst("Authorization"));
            received.add(new Received(body, auth));
            JsonNode messages = body.path("messages");
            String last = messages.get(messages.size() - 1).path("content").asText();
            Reply reply = replies.apply(last);
            switch (reply) {
                case Answer a -> send(exchange, 200, completion(body, a.content()));
                case Late l -> {
                    try {
                        Thread.sleep(l.millis());
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                    send(exchange, 200, completion(body, l.content()));
                }
                case Status s -> send(exchange, s.code(), s.body());
            }
        } catch (IOException e) {
            // the client went away (a timeout): nothing to answer
        }
    }

    private static String completion(JsonNode request, String content) throws IOException {
        return JSON.writeValueAsString(Map.of(
                "id", "chatcmpl-test", "object", "chat.completion", "created", 0,
                "model", request.path("model").asText(),
                "choices", List.of(Map.of("index", 0, "finish_reason", "stop",
                        "message", Map.of("role", "assistant", "content", content))),
                "usage", Map.of("prompt_tokens", 10, "completion_tokens", 3, "total_tokens", 13)));
    }

    private static void send(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
