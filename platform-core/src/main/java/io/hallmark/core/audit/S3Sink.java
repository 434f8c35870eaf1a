package io.hallmark.core.audit;

import io.hallmark.core.s3.S3Location;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectLockConfigurationResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.ObjectLockEnabled;
import software.amazon.awssdk.services.s3.model.ObjectLockMode;
import software.amazon.awssdk.services.s3.model.ObjectVersion;
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
 *
 * <p>Reading back from a bucket with Object Lock goes by object <em>versions</em>, not by what a plain {@code GET}
 * returns: whoever holds the bucket's keys cannot delete or change a locked version, but can still hide it behind a
 * delete marker or a newer version (an older checkpoint copied over {@code latest.txt}, say). {@link #latest()} is
 * therefore the largest checkpoint among every version under {@code checkpoints/} whose content matches its name,
 * and {@link #all()} reads every version of every object. With {@code lock-check=off} (a server without Object Lock,
 * and so without versions) both read the current objects only.
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
    /** The newest checkpoint this sink wrote or found, so that only the first publish lists the bucket. */
    private String lastKnown;

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
        if (lastKnown == null) {
            lastKnown = latest().orElse(null); // with Object Lock: every version, also those hidden since
        }
        CheckpointSink.checkGrows(describe(), Optional.ofNullable(lastKnown), checkpoint);
        CheckpointSink.checkGrows(describe(), read(latestKey(), null), checkpoint); // another node's newer one
        String text = checkpoint.note();
        byte[] note = text.getBytes(StandardCharsets.UTF_8);
        String key = location.key(checkpointName(checkpoint.treeSize(), checkpoint.rootHashHex()));
        try {
            Optional<String> existing = read(key, null);
            // the same size and root signed again: the first one stays, never overwritten; in a versioned bucket a
            // different object under this name (put there beforehand) only gets a newer version beside it
            if (existing.isEmpty() || (checkLock && !existing.get().equals(text))) {
                put(key, note);
            }
            put(latestKey(), note);
        } catch (SdkException e) {
            throw new IOException(describe() + ": cannot store the checkpoint of size " + checkpoint.treeSize() + ": "
                    + e.getMessage(), e);
        }
        lastKnown = text;
    }

    /**
     * The latest checkpoint the sink holds. With Object Lock: the checkpoint with the largest size among every version
     * of every object under {@code checkpoints/} whose content matches its name (size and root), so neither a delete
     * marker nor a newer version hides it; one listing of the bucket (a request per 1,000 objects). Without: the
     * current {@code latest.txt}.
     */
    @Override
    public Optional<String> latest() throws IOException {
        if (!checkLock) {
            return read(latestKey(), null);
        }
        TreeMap<String, List<ObjectVersion>> byName = new TreeMap<>();
        for (ObjectVersion v : versions(location.key(DirectorySink.CHECKPOINTS + "/"))) {
            byName.computeIfAbsent(v.key(), k -> new ArrayList<>()).add(v);
        }
        for (var entry : byName.descendingMap().entrySet()) { // 20-digit sizes: names sort by size
            List<ObjectVersion> versions = new ArrayList<>(entry.getValue());
            java.util.Collections.reverse(versions); // S3 lists a key's versions newest first
            versions.sort(Comparator.comparing(ObjectVersion::lastModified)); // oldest first: the sink's own write
            for (ObjectVersion v : versions) {
                Optional<String> note = read(v.key(), v.versionId());
                if (note.isPresent() && matchesName(v.key(), note.get())) {
                    return note;
                }
            }
        }
        return Optional.empty();
    }

    /**
     * Every checkpoint the sink received (by name, so oldest first), then the latest; for an auditor reading the
     * bucket. With Object Lock every version of every object is read, also those behind a delete marker or a newer
     * version: one request per object version.
     */
    public List<String> all() throws IOException {
        Set<String> notes = new LinkedHashSet<>();
        if (checkLock) {
            List<ObjectVersion> versions = new ArrayList<>(versions(location.key(DirectorySink.CHECKPOINTS + "/")));
            versions.addAll(versions(latestKey()).stream().filter(v -> v.key().equals(latestKey())).toList());
            versions.sort(Comparator.comparing(ObjectVersion::key).thenComparing(ObjectVersion::lastModified));
            for (ObjectVersion v : versions) {
                read(v.key(), v.versionId()).ifPresent(notes::add);
            }
            return new ArrayList<>(notes);
        }
        try {
            for (S3Object o : client.listObjectsV2Paginator(r -> r.bucket(location.bucket())
                    .prefix(location.key(DirectorySink.CHECKPOINTS + "/"))).contents()) {
                read(o.key(), null).ifPresent(notes::add);
            }
        } catch (SdkException e) {
            throw new IOException(describe() + ": cannot list checkpoints: " + e.getMessage(), e);
        }
        latest().ifPresent(notes::add);
        return new ArrayList<>(notes);
    }

    private List<ObjectVersion> versions(String prefix) throws IOException {
        try {
            List<ObjectVersion> out = new ArrayList<>();
            client.listObjectVersionsPaginator(r -> r.bucket(location.bucket()).prefix(prefix)).versions()
                    .forEach(out::add);
            return out;
        } catch (SdkException e) {
            throw new IOException(describe() + ": cannot list the versions under " + prefix + ": " + e.getMessage(), e);
        }
    }

    private String latestKey() {
        return location.key(DirectorySink.LATEST);
    }

    static String checkpointName(long treeSize, String rootHex) {
        return String.format("%s/%020d-%s.txt", DirectorySink.CHECKPOINTS, treeSize, rootHex.substring(0, 16));
    }

    /** Whether {@code note}'s size and root are those its object name {@code key} says. */
    static boolean matchesName(String key, String note) {
        String name = key.substring(key.lastIndexOf('/') + 1);
        String[] lines = note.split("\n", 4);
        if (lines.length < 3 || !name.matches("[0-9]{20}-[0-9a-f]{16}\\.txt")) {
            return false;
        }
        try {
            String rootHex = HexFormat.of().formatHex(Base64.getDecoder().decode(lines[2]));
            return Long.parseLong(lines[1]) == Long.parseLong(name.substring(0, 20))
                    && rootHex.startsWith(name.substring(21, 37));
        } catch (IllegalArgumentException e) {
            return false;
        }
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
                .objectLockMode(mode)
                .objectLockRetainUntilDate(clock.instant().plus(retention).truncatedTo(ChronoUnit.SECONDS)),
                RequestBody.fromBytes(note));
    }

    /** The object's content ({@code versionId} null: the current version), empty when there is none. */
    private Optional<String> read(String key, String versionId) throws IOException {
        try {
            return Optional.of(client.getObjectAsBytes(b -> b.bucket(location.bucket()).key(key).versionId(versionId))
                    .asString(StandardCharsets.UTF_8));
        } catch (NoSuchKeyException e) {
            return Optional.empty();
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                return Optional.empty();
            }
            throw new IOException(describe() + ": cannot read " + key + ": " + e.getMessage(), e);
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
