package io.hallmark.core.s3;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;

/**
 * A bucket and key prefix in an S3-compatible store, written {@code s3://BUCKET[/PREFIX][?endpoint=URL&region=R&...]}.
 * Without {@code endpoint} it is AWS S3 in {@code region} (default {@code us-east-1}); with one (MinIO, Ceph, a
 * provider's S3 API) requests go to that URL with path-style addressing. Credentials come from the AWS SDK's default
 * chain ({@code AWS_ACCESS_KEY_ID} / {@code AWS_SECRET_ACCESS_KEY}, profiles, instance roles), never from this
 * string. Further query parameters are for the user of the location ({@link #option}); each user names the ones it
 * takes ({@link #requireOnly}) so that a misspelt one is an error, not silently ignored.
 *
 * @param bucket the bucket name
 * @param prefix key prefix, empty or ending in {@code /}
 * @param endpoint the S3 API's URL, or null for AWS
 * @param region the signing region
 * @param options the other query parameters
 */
public record S3Location(String bucket, String prefix, @Nullable URI endpoint, String region, Map<String, String> options) {

    private static final Pattern BUCKET = Pattern.compile("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]");
    private static final Set<String> OWN = Set.of("endpoint", "region");

    public S3Location {
        if (!BUCKET.matcher(bucket).matches()) {
            throw new IllegalArgumentException("'" + bucket + "' is not an S3 bucket name (3-63 lower-case letters, "
                    + "digits, dots and hyphens)");
        }
        if (!prefix.isEmpty() && !prefix.endsWith("/")) {
            prefix = prefix + "/";
        }
        options = Map.copyOf(options);
    }

    /**
     * Parses {@code s3://bucket/prefix?endpoint=...&region=...&other=...}.
     *
     * @throws IllegalArgumentException naming what is wrong
     */
    public static S3Location parse(String spec) {
        if (!spec.startsWith("s3://")) {
            throw new IllegalArgumentException("'" + spec + "' is not an S3 location; write s3://bucket/prefix?endpoint=URL");
        }
        String rest = spec.substring(5);
        String query = "";
        int q = rest.indexOf('?');
        if (q >= 0) {
            query = rest.substring(q + 1);
            rest = rest.substring(0, q);
        }
        int slash = rest.indexOf('/');
        String bucket = slash < 0 ? rest : rest.substring(0, slash);
        String prefix = slash < 0 ? "" : rest.substring(slash + 1);
        Map<String, String> params = new LinkedHashMap<>();
        for (String pair : query.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("S3 location " + spec + ": '" + pair + "' is not name=value");
            }
            params.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        String endpoint = params.remove("endpoint");
        String region = params.remove("region");
        URI uri = null;
        if (endpoint != null) {
            uri = URI.create(endpoint);
            if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme())) {
                throw new IllegalArgumentException("S3 location " + spec + ": endpoint must be an http(s) URL, was "
                        + endpoint);
            }
        }
        return new S3Location(bucket, prefix, uri, region == null || region.isBlank() ? "us-east-1" : region, params);
    }

    /** The value of an option, or {@code fallback}. */
    public String option(String name, String fallback) {
        return options.getOrDefault(name, fallback);
    }

    /**
     * Refuses options other than {@code allowed}.
     *
     * @throws IllegalArgumentException naming the unknown option and the known ones
     */
    public S3Location requireOnly(Set<String> allowed) {
        for (String name : options.keySet()) {
            if (!allowed.contains(name) && !OWN.contains(name)) {
                throw new IllegalArgumentException("S3 location " + this + ": unknown option '" + name + "'; known: "
                        + new java.util.TreeSet<>(allowed) + " and endpoint, region");
            }
        }
        return this;
    }

    /** The full key of {@code name} under the prefix. */
    public String key(String name) {
        return prefix + name;
    }

    /** A client with the default credentials chain. */
    public S3Client client() {
        return client(DefaultCredentialsProvider.builder().build());
    }

    /**
     * A client for this location: the JDK's HTTP connection (no Netty or Apache client), path-style addressing when
     * an endpoint is given, checksums only where the API requires them (S3-compatible servers differ on the newer
     * trailing checksums), and timeouts so that a sink or store that hangs fails instead.
     */
    public S3Client client(AwsCredentialsProvider credentials) {
        var builder = S3Client.builder()
                .httpClientBuilder(UrlConnectionHttpClient.builder()
                        .connectionTimeout(Duration.ofSeconds(10))
                        .socketTimeout(Duration.ofSeconds(60)))
                .region(Region.of(region))
                .credentialsProvider(credentials)
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED);
        if (endpoint != null) {
            builder.endpointOverride(endpoint)
                    .serviceConfiguration(S3Configuration.builder().pathStyleAccessEnabled(true).build());
        }
        return builder.build();
    }

    @Override
    public String toString() {
        return "s3://" + bucket + "/" + prefix + (endpoint == null ? "" : " at " + endpoint);
    }
}
