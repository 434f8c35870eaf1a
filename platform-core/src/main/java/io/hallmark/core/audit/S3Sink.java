package io.hallmark.core.audit;

import io.hallmark.core.s3.S3Location;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectLockConfigurationResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.ObjectLockEnabled;
import software.amazon.awssdk.services.s3.model.ObjectLockMode;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * A checkpoint sink in an S3-compatible bucket with Object Lock ({@code s3://bucket/prefix?...} in
 * {@code audit-checkpoint-sinks}). Each checkpoint is written once as {@code <prefix>checkpoints/<size, 20 digits>-<16
 * hex of the root>.txt} and then as {@code <prefix>latest.txt}, both with an Object Lock retention ({@code
 * lock-mode=COMPLIANCE} (default) or {@code GOVERNANCE}, {@code lock-days}, default 2557, seven years): in a bucket with
 * Object Lock (which S3 only allows with versioning) no one, the bucket's owner included in COMPLIANCE mode, can delete
 * or overwrite a version before then, so every earlier {@code latest.txt} stays as a locked version too.
 *
 * <p>Before its first write the sink asks the bucket for its Object Lock configuration and refuses to publish to a
 * bucket without Object Lock enabled (fail closed: a plain bucket can be rewritten by whoever holds its keys). {@code
 * lock-check=off} skips that question for S3 servers that do not implement it; the sink then still sends the
 * retention with every object, but the guarantee rests on the server.
 */
public final class S3Sink implements CheckpointSink {

    /** Default retention of each object. */
    public static final int DEFAULT_LOCK_DAYS = 2557;
    private static final Set<String> OPTIONS = Set.of("lock-mode", "lock-days", "lock-check");

    private final S3Location location;
    private final S3Client client;
    private final ObjectLockMode mode;
    private final Duration retention;
    private final boolean checkLock;
    private final Clock clock;
    private boolean lockChecked;

    /**
     * A sink at {@code location} written with {@code client}.
     *
     * @throws IllegalArgumentException naming an option that is unknown or has a bad value
     */
    public S3Sink(S3Location location, S3Client client, Clock clock) {
        this.location = location.requireOnly(OPTIONS);
        this.client = client;
        this.clock = clock;
        String m = location.option("lock-mode", "COMPLIANCE").toUpperCase(Locale.ROOT);
        if (!m.equals("COMPLIANCE") && !m.equals("GOVERNANCE")) {
            throw new IllegalArgumentException("S3 checkpoint sink " + location + ": lock-mode must be COMPLIANCE or "
                    + "GOVERNANCE, was " + m);
        }
        this.mode = ObjectLockMode.fromValue(m);
        int days;
        try {
            days = Integer.parseInt(location.option("lock-days", Integer.toString(DEFAULT_LOCK_DAYS)));
        } catch (NumberFormatException e) {
            days = -1;
        }
        if (days < AuditSettings.MIN_RETENTION_DAYS) {
            throw new IllegalArgumentException("S3 checkpoint sink " + location + ": lock-days must be a whole number "
                    + "of at least " + AuditSettings.MIN_RETENTION_DAYS + " (the audit log's minimum retention), was "
                    + location.option("lock-days", ""));
        }
        this.retention = Duration.ofDays(days);
        String check = location.option("lock-check", "on");
        if (!check.equals("on") && !check.equals("off")) {
            throw new IllegalArgumentException("S3 checkpoint sink " + location + ": lock-check must be on or off, was "
                    + check);
        }
        this.checkLock = check.equals("on");
    }

    /** A sink with the AWS SDK's default credentials. */
    public static S3Sink of(S3Location location) {
        return new S3Sink(location, location.client(), Clock.systemUTC());
    }

    @Override
    public String describe() {
        return "s3://" + location.bucket() + "/" + location.prefix();
    }

    @Override
    public synchronized void publish(Checkpoint checkpoint) throws IOException {
        requireObjectLock();
        CheckpointSink.checkGrows(describe(), latest(), checkpoint);
        byte[] note = checkpoint.note().getBytes(StandardCharsets.UTF_8);
        String key = location.key(String.format("%s/%020d-%s.txt", DirectorySink.CHECKPOINTS, checkpoint.treeSize(),
                checkpoint.rootHashHex().substring(0, 16)));
        try {
            if (!exists(key)) { // the same size and root signed again: the first one stays, never overwritten
                put(key, note);
            }
            put(location.key(DirectorySink.LATEST), note);
        } catch (SdkException e) {
            throw new IOException(describe() + ": cannot store the checkpoint of size " + checkpoint.treeSize() + ": "
                    + e.getMessage(), e);
        }
    }

    @Override
    public Optional<String> latest() throws IOException {
        return read(location.key(DirectorySink.LATEST));
    }

    /** Every checkpoint the sink received (oldest first), then the latest; for an auditor reading the bucket. */
    public List<String> all() throws IOException {
        List<String> notes = new ArrayList<>();
        try {
            for (S3Object o : client.listObjectsV2Paginator(r -> r.bucket(location.bucket())
                    .prefix(location.key(DirectorySink.CHECKPOINTS + "/"))).contents()) {
                read(o.key()).ifPresent(notes::add);
            }
        } catch (SdkException e) {
            throw new IOException(describe() + ": cannot list checkpoints: " + e.getMessage(), e);
        }
        latest().filter(n -> !notes.contains(n)).ifPresent(notes::add);
        return notes;
    }

    private void requireObjectLock() throws IOException {
        if (!checkLock || lockChecked) {
            return;
        }
        GetObjectLockConfigurationResponse r;
        try {
            r = client.getObjectLockConfiguration(b -> b.bucket(location.bucket()));
        } catch (S3Exception e) {
            throw new IllegalStateException(describe() + ": cannot read the bucket's Object Lock configuration ("
                    + e.awsErrorDetails().errorCode() + "); refusing to publish checkpoints to a bucket that may be "
                    + "rewritten. Create the bucket with Object Lock, or set lock-check=off if the server does not "
                    + "implement the question", e);
        } catch (SdkException e) {
            throw new IOException(describe() + ": cannot reach the bucket: " + e.getMessage(), e);
        }
        if (r.objectLockConfiguration() == null
                || r.objectLockConfiguration().objectLockEnabled() != ObjectLockEnabled.ENABLED) {
            throw new IllegalStateException(describe() + ": the bucket does not have Object Lock enabled; refusing to "
                    + "publish checkpoints to it");
        }
        lockChecked = true;
    }

    private void put(String key, byte[] note) {
        // the notes are UTF-8; "text/plain" without a charset parameter because S3Proxy 2.6 mis-signs one with it
        client.putObject(b -> b.bucket(location.bucket()).key(key).contentType("text/plain")
                .contentMD5(md5(note)) // S3 requires an integrity header with Object Lock parameters
                .objectLockMode(mode).objectLockRetainUntilDate(clock.instant().plus(retention)),
                RequestBody.fromBytes(note));
    }

    private boolean exists(String key) {
        try {
            client.headObject(b -> b.bucket(location.bucket()).key(key));
            return true;
        } catch (NoSuchKeyException e) {
            return false;
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                return false;
            }
            throw e;
        }
    }

    private Optional<String> read(String key) throws IOException {
        try {
            return Optional.of(client.getObjectAsBytes(b -> b.bucket(location.bucket()).key(key))
                    .asString(StandardCharsets.UTF_8));
        } catch (NoSuchKeyException e) {
            return Optional.empty();
        } catch (SdkException e) {
            throw new IOException(describe() + ": cannot read " + key + ": " + e.getMessage(), e);
        }
    }

    private static String md5(byte[] bytes) {
        try {
            return Base64.getEncoder().encodeToString(MessageDigest.getInstance("MD5").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 is part of every Java runtime", e);
        }
    }
}
