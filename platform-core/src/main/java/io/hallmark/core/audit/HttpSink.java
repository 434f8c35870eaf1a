package io.hallmark.core.audit;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;

/**
 * A checkpoint sink at an HTTP endpoint run by someone other than the database administrator. Protocol:
 * {@code POST <url>} with the signed note as {@code text/plain; charset=utf-8} stores it (any 2xx; the receiver
 * should refuse with 409 a checkpoint smaller than its latest); {@code GET <url>} returns the latest note it holds
 * (404 when none). The receiving end is the relying party's own service; Hallmark ships no receiver (a witness,
 * {@code hallmark witness serve}, is the stronger alternative: it checks consistency before it keeps anything).
 */
public final class HttpSink implements CheckpointSink {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final URI uri;
    private final HttpClient client;

    public HttpSink(URI uri) {
        if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme())) {
            throw new IllegalArgumentException("An HTTP checkpoint sink needs an http(s) URL, got " + uri);
        }
        this.uri = uri;
        this.client = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
    }

    @Override
    public String describe() {
        return uri.toString();
    }

    @Override
    public void publish(Checkpoint checkpoint) throws IOException {
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(TIMEOUT)
                .header("Content-Type", "text/plain; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(checkpoint.note(), StandardCharsets.UTF_8)).build();
        HttpResponse<String> response = send(request);
        if (response.statusCode() == 409) {
            throw new IllegalStateException(uri + " refused the checkpoint of size " + checkpoint.treeSize() + ": "
                    + response.body().strip());
        }
        if (response.statusCode() / 100 != 2) {
            throw new IOException(uri + " answered " + response.statusCode() + ": " + response.body().strip());
        }
    }

    @Override
    public Optional<String> latest() throws IOException {
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri).timeout(TIMEOUT).GET().build());
        if (response.statusCode() == 404) {
            return Optional.empty();
        }
        if (response.statusCode() != 200) {
            throw new IOException(uri + " answered " + response.statusCode() + " for the latest checkpoint");
        }
        return Optional.of(response.body());
    }

    private HttpResponse<String> send(HttpRequest request) throws IOException {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted while talking to " + uri, e);
        }
    }
}
