package io.hallmark.app;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Exits 0 when the local server answers {@code GET /api/v1/health} with 200, 1 otherwise: the container
 * health check, which needs no curl in the image. Reads the port from {@code HALLMARK_PORT} (default 8080).
 */
public final class HealthProbe {

    private HealthProbe() {}

    public static void main(String[] args) {
        String port = System.getenv().getOrDefault("HALLMARK_PORT", "8080");
        try {
            HttpResponse<Void> response = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/health"))
                            .timeout(Duration.ofSeconds(4)).build(),
                    HttpResponse.BodyHandlers.discarding());
            System.exit(response.statusCode() == 200 ? 0 : 1);
        } catch (Exception e) {
            System.exit(1);
        }
    }
}
