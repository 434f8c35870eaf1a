package io.hallmark.app;

import com.fasterxml.jackson.databind.JsonNode;
import io.hallmark.api.HallmarkException;
import io.hallmark.core.Platform;
import io.hallmark.core.config.HallmarkConfig;
import io.hallmark.core.data.DataDirectoryInUseException;
import io.hallmark.core.data.DataDirectoryOwner;
import io.hallmark.core.security.LocalCliToken;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * How a standalone command reaches the platform: it starts one on the data directory, or, when a server holds
 * the directory, it goes through that server's REST API.
 */
final class PlatformAccess {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private PlatformAccess() {}

    /**
     * Runs {@code local} on a platform started for this command, or {@code remote} with the running server's URL.
     *
     * @param localOnlyFlags the flags given that only a platform this process starts can use ({@code --models-dir},
     *     {@code --db-url} ...): refused, not ignored, when the command has to go through a running server
     */
    static JsonNode run(HallmarkConfig config, List<String> localOnlyFlags, Function<Platform, Object> local,
            Function<Server, JsonNode> remote) {
        try (Platform platform = Platform.start(config, "command")) {
            return JsonOutput.mapper().valueToTree(local.apply(platform));
        } catch (DataDirectoryInUseException e) {
            Optional<String> url = e.owner().map(DataDirectoryOwner::httpUrl);
            if (url.isEmpty()) {
                throw e;
            }
            if (!localOnlyFlags.isEmpty()) {
                throw new IllegalArgumentException(flagsDoNotApply(localOnlyFlags, url.get()));
            }
            return remote.apply(new Server(url.get(), LocalCliToken.read(config.dataDir()).orElse(null)));
        }
    }

    /** Why flags that only a platform of this process could use are refused while the server at {@code url} runs. */
    static String flagsDoNotApply(List<String> flags, String url) {
        boolean one = flags.size() == 1;
        return String.join(", ", flags) + (one ? " does" : " do") + " not apply: the server at " + url + " holds this "
                + "data directory and works with its own settings. Leave " + (one ? "it" : "them") + " out, or stop "
                + "the server and start it with " + String.join(", ", flags) + ".";
    }

    /** A running Hallmark server's REST API, called with the local command line's token. */
    record Server(String url, @Nullable String token) {

        JsonNode get(String path) {
            return send(HttpRequest.newBuilder(uri(path)).GET());
        }

        JsonNode post(String path, HttpRequest.BodyPublisher body, String contentType) {
            return post(path, body, contentType, java.util.Map.of());
        }

        /** A POST with extra request headers (an {@code Idempotency-Key}). */
        JsonNode post(String path, HttpRequest.BodyPublisher body, String contentType, java.util.Map<String, String> headers) {
            HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).header("Content-Type", contentType).POST(body);
            headers.forEach(request::header);
            return send(request);
        }

        JsonNode patch(String path, String json) {
            return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                    .method("PATCH", HttpRequest.BodyPublishers.ofString(json)));
        }

        JsonNode delete(String path) {
            return send(HttpRequest.newBuilder(uri(path)).DELETE());
        }

        /** The raw body of a GET (a downloaded artifact). */
        byte[] bytes(String path) {
            HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).GET();
            if (token != null) {
                request.header("Authorization", "Bearer " + token);
            }
            try {
                HttpResponse<byte[]> response = HTTP.send(request.timeout(Duration.ofMinutes(5)).build(),
                        HttpResponse.BodyHandlers.ofByteArray());
                if (response.statusCode() >= 400) {
                    throw new HallmarkException("HTTP " + response.statusCode() + " for " + path + " (via the server at "
                            + url + ")");
                }
                return response.body();
            } catch (IOException e) {
                throw new HallmarkException("The server at " + url + " does not answer: " + e.getMessage(), e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new HallmarkException("Interrupted while calling the server at " + url, e);
            }
        }

        private URI uri(String path) {
            return URI.create(url + path);
        }

        private JsonNode send(HttpRequest.Builder request) {
            if (token != null) {
                request.header("Authorization", "Bearer " + token);
            }
            try {
                HttpResponse<String> response = HTTP.send(request.timeout(Duration.ofMinutes(5)).build(),
                        HttpResponse.BodyHandlers.ofString());
                JsonNode body = response.body().isBlank() ? JsonOutput.mapper().createObjectNode()
                        : JsonOutput.mapper().readTree(response.body());
                if (response.statusCode() >= 400) {
                    throw new HallmarkException(detail(body, response.statusCode()) + " (via the server at " + url + ")");
                }
                return body;
            } catch (IOException e) {
                throw new HallmarkException("The data directory is held by a server at " + url
                        + ", which does not answer: " + e.getMessage(), e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new HallmarkException("Interrupted while calling the server at " + url, e);
            }
        }

        private static String detail(@Nullable JsonNode body, int status) {
            if (body != null && body.hasNonNull("detail")) {
                return body.get("detail").asText();
            }
            return "HTTP " + status;
        }
    }
}
