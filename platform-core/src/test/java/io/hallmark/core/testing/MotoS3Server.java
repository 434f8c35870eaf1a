package io.hallmark.core.testing;

import io.hallmark.core.s3.S3Location;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * An S3 API server that enforces Object Lock, for the tests that try to remove a locked checkpoint: moto's server
 * ({@code python3 -m moto.server}, the Python package {@code moto} with its server extras), started on {@code
 * 127.0.0.1} and a free port, stopped on {@link #close()}. Clients are the real AWS SDK v2.
 *
 * <p>Why moto and not the in-JVM {@link S3TestServer}: S3Proxy has no Object Lock at all, and Adobe S3Mock (checked in
 * its source up to 2026) stores a retention but deletes a locked version anyway. moto 5 refuses {@code DeleteObject}
 * of a version under retention or legal hold ({@code AccessDenied}, also with {@code
 * x-amz-bypass-governance-retention} in COMPLIANCE mode), keeps every version in a bucket with Object Lock, answers
 * {@code GetObjectLockConfiguration}, and refuses to delete a bucket that holds objects. What it does not enforce:
 * it lets {@code PutObjectRetention} shorten a COMPLIANCE retention or change its mode (AWS S3 answers {@code
 * AccessDenied}), which {@code S3ObjectLockTest} records.
 *
 * <p>moto is not on Maven Central: it comes with the build machines' Python (this project's machines have moto 5.2 in
 * their Python 3.11; {@code HALLMARK_MOTO_PYTHON} names another interpreter). Without it the tests try to install it with pip,
 * and are skipped, saying why, when that fails.
 */
public final class MotoS3Server implements AutoCloseable {

    private final Process process;
    private final URI endpoint;
    private final Path log;

    private MotoS3Server(Process process, URI endpoint, Path log) {
        this.process = process;
        this.endpoint = endpoint;
        this.log = log;
    }

    /** Starts a server with no buckets; skips the test (naming what is missing) when no Python with moto is found or installable. */
    public static MotoS3Server start() throws Exception {
        String python = python();
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        Path log = Files.createTempFile("moto-server", ".log");
        Process p = new ProcessBuilder(python, "-m", "moto.server", "-H", "127.0.0.1", "-p", Integer.toString(port))
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        URI endpoint = URI.create("http://127.0.0.1:" + port);
        MotoS3Server server = new MotoS3Server(p, endpoint, log);
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (true) {
            if (!p.isAlive()) {
                throw new IllegalStateException("moto's server stopped at start: " + Files.readString(log));
            }
            try {
                HttpResponse<Void> r = http.send(HttpRequest.newBuilder(endpoint.resolve("/moto-api/"))
                        .timeout(Duration.ofSeconds(2)).GET().build(), HttpResponse.BodyHandlers.discarding());
                if (r.statusCode() < 500) {
                    return server;
                }
            } catch (IOException e) {
                // not listening yet
            }
            if (System.nanoTime() > deadline) {
                server.close();
                throw new IllegalStateException("moto's server did not answer within 60 s: " + Files.readString(log));
            }
            Thread.sleep(100);
        }
    }

    /** The first interpreter that can import moto's server. */
    private static String python() throws InterruptedException {
        List<String> candidates = new ArrayList<>();
        String configured = System.getenv("HALLMARK_MOTO_PYTHON");
        if (configured != null && !configured.isBlank()) {
            candidates.add(configured);
        }
        candidates.addAll(List.of("python3", System.getProperty("user.home") + "/.pyenv/shims/python3",
                "/usr/bin/python3"));
        String found = firstWithMoto(candidates);
        if (found != null) {
            return found;
        }
        // not there: install it the way this machine's Python installs packages (its configured index or mirror)
        for (String python : candidates) {
            if (run(python, "-m", "pip", "install", "--quiet", "moto[server]")) {
                break;
            }
        }
        found = firstWithMoto(candidates);
        if (found != null) {
            return found;
        }
        throw new org.opentest4j.TestAbortedException("No Python with moto's S3 server found and pip could not install "
                + "it (tried " + candidates + "): the Object Lock tests need the Python package moto with its server "
                + "extras (set HALLMARK_MOTO_PYTHON to an interpreter that has it)");
    }

    private static String firstWithMoto(List<String> candidates) throws InterruptedException {
        for (String python : candidates) {
            if (run(python, "-c", "import moto.server")) {
                return python;
            }
        }
        return null;
    }

    private static boolean run(String... command) throws InterruptedException {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (p.waitFor(300, TimeUnit.SECONDS)) {
                return p.exitValue() == 0;
            }
            p.destroyForcibly();
            return false;
        } catch (IOException e) {
            return false; // no such interpreter
        }
    }

    public URI endpoint() {
        return endpoint;
    }

    /** Credentials: moto accepts any; these are the "bucket credentials" an attacker would hold. */
    public StaticCredentialsProvider credentials() {
        return StaticCredentialsProvider.create(AwsBasicCredentials.create("hallmark-test", "hallmark-test-secret"));
    }

    /**
     * Creates a fresh bucket, with Object Lock (and so versioning) when {@code objectLock}, and returns its location
     * ({@code s3://bucket/prefix?endpoint=...}) with {@code moreQuery} appended.
     */
    public S3Location newBucket(String prefix, boolean objectLock, String moreQuery) {
        String bucket = "hm-" + UUID.randomUUID().toString().substring(0, 13);
        try (S3Client client = client()) {
            client.createBucket(b -> b.bucket(bucket).objectLockEnabledForBucket(objectLock));
        }
        return S3Location.parse("s3://" + bucket + "/" + prefix + "?endpoint=" + endpoint + "&region=us-east-1"
                + (moreQuery.isEmpty() ? "" : "&" + moreQuery));
    }

    /** A client with the bucket's credentials (for the sink, and for the attacker). */
    public S3Client client() {
        return S3Location.parse("s3://any?endpoint=" + endpoint + "&region=us-east-1").client(credentials());
    }

    @Override
    public void close() throws Exception {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        Files.deleteIfExists(log);
    }
}
