package io.hallmark.core.audit;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;

/**
 * Asks one C2SP {@code tlog-witness} to cosign a checkpoint: {@code POST <prefix>/add-checkpoint} with the old size,
 * the consistency proof from it and the checkpoint.
 */
public final class WitnessClient {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    /** The witness's answer. */
    public sealed interface Answer {
        /** 200: the cosignature line, already checked against the witness's key. */
        record Cosigned(String line) implements Answer {}

        /** 409 with a size: the witness's latest cosigned checkpoint of this log has that size. */
        record Conflict(long size) implements Answer {}

        /** Anything else: refused (403, 404, 409 fork, 422 bad proof, ...) or unusable. */
        record Refused(int status, String message) implements Answer {}
    }

    private final CosignerKey key;
    private final URI prefix;
    private final HttpClient client;

    /** @param prefix the witness's submission prefix ({@code add-checkpoint} is appended) */
    public WitnessClient(CosignerKey key, URI prefix) {
        this.key = key;
        this.prefix = prefix;
        this.client = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
    }

    /**
     * Parses {@code audit-witnesses}: comma-separated entries {@code <witness vkey> <submission prefix URL>}.
     *
     * @throws IllegalArgumentException naming the malformed entry
     */
    public static List<WitnessClient> parse(String spec) {
        List<WitnessClient> out = new java.util.ArrayList<>();
        for (String raw : spec.split(",")) {
            String s = raw.strip();
            if (s.isEmpty()) {
                continue;
            }
            String[] parts = s.split("\\s+");
            if (parts.length != 2 || !(parts[1].startsWith("http://") || parts[1].startsWith("https://"))) {
                throw new IllegalArgumentException("Malformed audit witness '" + s + "'; expected '<witness vkey> "
                        + "<http(s) URL>' (the vkey from 'hallmark witness public-key')");
            }
            out.add(new WitnessClient(CosignerKey.parse(parts[0]), URI.create(parts[1])));
        }
        return out;
    }

    public CosignerKey key() {
        return key;
    }

    public URI prefix() {
        return prefix;
    }

    /**
     * The latest checkpoint of {@code origin} this witness cosigned, with its cosignature (checked), through a
     * Hallmark witness's {@code GET <prefix>/latest/<origin>}; empty when it has none.
     */
    public java.util.Optional<String> latest(String origin) throws IOException {
        String base = prefix.toString().endsWith("/") ? prefix.toString() : prefix + "/";
        HttpResponse<String> response;
        try {
            response = client.send(HttpRequest.newBuilder(URI.create(base + "latest/" + origin)).timeout(TIMEOUT)
                    .GET().build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted while asking witness " + key.name(), e);
        }
        if (response.statusCode() == 404) {
            return java.util.Optional.empty();
        }
        if (response.statusCode() != 200 || Cosignatures.valid(response.body(), List.of(key)).isEmpty()) {
            throw new IOException("Witness " + key.name() + " answered " + response.statusCode()
                    + " without a valid cosignature for the latest checkpoint of " + origin);
        }
        return java.util.Optional.of(response.body());
    }

    /** Submits {@code note} with the proof from {@code oldSize}. */
    public Answer addCheckpoint(long oldSize, List<byte[]> proof, String note) throws IOException {
        StringBuilder body = new StringBuilder("old ").append(oldSize).append('\n');
        for (byte[] h : proof) {
            body.append(Base64.getEncoder().encodeToString(h)).append('\n');
        }
        body.append('\n').append(note);
        String base = prefix.toString().endsWith("/") ? prefix.toString() : prefix + "/";
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + "add-checkpoint")).timeout(TIMEOUT)
                .POST(HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8)).build();
        HttpResponse<String> response;
        try {
            response = client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted while asking witness " + key.name(), e);
        }
        String text = response.body();
        String type = response.headers().firstValue("Content-Type").orElse("");
        if (response.statusCode() == 409 && type.startsWith("text/x.tlog.size")) {
            try {
                return new Answer.Conflict(Long.parseLong(text.strip()));
            } catch (NumberFormatException e) {
                return new Answer.Refused(409, "malformed size '" + text.strip() + "'");
            }
        }
        if (response.statusCode() != 200) {
            return new Answer.Refused(response.statusCode(), text.strip());
        }
        for (String line : text.split("\n")) {
            if (!Cosignatures.valid(Cosignatures.withCosignatures(note, List.of(line)), List.of(key)).isEmpty()) {
                return new Answer.Cosigned(line + "\n");
            }
        }
        return new Answer.Refused(200, "the answer holds no valid cosignature by " + key.name());
    }
}
