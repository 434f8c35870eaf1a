package io.hallmark.core.audit;

import java.time.Clock;
import java.util.List;
import javax.sql.DataSource;

/**
 * The audit trail of one platform: the {@link AuditLog} every subsystem appends to, the platform signing key,
 * signed checkpoints (on demand and on a schedule), verification, retention and the auditor's export.
 * Start reading here.
 */
public final class AuditTrail implements AutoCloseable {

    private final DataSource dataSource;
    private final DatabaseAuditLog log;
    private final PlatformKey key;
    private final AuditKeyRegistry keys;
    private final Checkpoints checkpoints;
    private final CheckpointScheduler scheduler;
    private final AuditVerifier verifier;
    private final AuditRetention retention;
    private final RetentionScheduler retentionScheduler;
    private final AuditSettings settings;
    private final Clock clock;
    private final CheckpointPublisher publisher;
    private final Witnessing witnessing;

    private final Signer signer;

    private AuditTrail(DataSource dataSource, PlatformKey key, Signer signer, AuditSettings settings, Clock clock,
            CheckpointPublisher publisher, Witnessing witnessing) {
        this.dataSource = dataSource;
        this.key = key;
        this.signer = signer;
        this.settings = settings;
        this.clock = clock;
        this.log = new DatabaseAuditLog(dataSource, settings.groupCommit(), 1_000, clock);
        this.keys = new AuditKeyRegistry(dataSource, log, signer.verifierKey());
        this.checkpoints = new Checkpoints(dataSource, signer, clock, keys);
        this.publisher = publisher;
        this.witnessing = witnessing;
        checkpoints.onCreate(stored -> {
            String cosigned = witnessing.witness(stored);
            Checkpoint cp = stored.checkpoint();
            publisher.publish(new Checkpoint(cp.origin(), cp.treeSize(), cp.rootHash(), cp.time(), cosigned));
        });
        this.scheduler = new CheckpointScheduler(checkpoints);
        this.verifier = new AuditVerifier(dataSource, signer.verifierKey());
        this.retention = new AuditRetention(dataSource, log, checkpoints, verifier, settings.retentionDays(), clock);
        this.retentionScheduler = new RetentionScheduler(dataSource, retention);
    }

    /** Opens the trail on a migrated database; loads or makes the platform key in {@code keysDir}. */
    /**
     * Opens the trail signing its checkpoints, retention events and exports with {@code signer} (an HSM key, say),
     * while {@code key} (the key file) stays the platform's provenance key.
     */
    public static AuditTrail open(DataSource dataSource, PlatformKey key, Signer signer, AuditSettings settings,
            Clock clock, CheckpointPublisher publisher, Witnessing witnessing) {
        return new AuditTrail(dataSource, key, signer, settings, clock, publisher, witnessing);
    }

    public static AuditTrail open(DataSource dataSource, PlatformKey key, AuditSettings settings, Clock clock) {
        return open(dataSource, key, settings, clock, new CheckpointPublisher(List.of()), Witnessing.none(dataSource));
    }

    /** Opens the trail publishing every new checkpoint through {@code publisher}. */
    public static AuditTrail open(DataSource dataSource, PlatformKey key, AuditSettings settings, Clock clock,
            CheckpointPublisher publisher) {
        return open(dataSource, key, settings, clock, publisher, Witnessing.none(dataSource));
    }

    /**
     * Opens the trail having every new checkpoint cosigned by {@code witnessing}'s witnesses, then published, with
     * their cosignatures, through {@code publisher}.
     */
    public static AuditTrail open(DataSource dataSource, PlatformKey key, AuditSettings settings, Clock clock,
            CheckpointPublisher publisher, Witnessing witnessing) {
        return new AuditTrail(dataSource, key, key, settings, clock, publisher, witnessing);
    }

    /** What signs checkpoints, retention events, exports and provenance manifests: {@link #key()} or an HSM key. */
    public Signer signer() {
        return signer;
    }

    /** The witnesses asked to cosign each checkpoint, and the policy. */
    public Witnessing witnessing() {
        return witnessing;
    }

    /** Where new checkpoints go besides the database. */
    public CheckpointPublisher publisher() {
        return publisher;
    }

    public DatabaseAuditLog log() {
        return log;
    }

    public PlatformKey key() {
        return key;
    }

    /** The signing keys of every node sharing this audit log. */
    public AuditKeyRegistry keys() {
        return keys;
    }

    public Checkpoints checkpoints() {
        return checkpoints;
    }

    /**
     * Starts signing checkpoints and applying retention at the configured intervals (the server does; commands
     * need not).
     */
    public void startSchedules() {
        scheduler.start(settings.checkpointInterval());
        retentionScheduler.start(RetentionScheduler.FIRST_RUN_DELAY, settings.retentionInterval());
    }

    public RetentionScheduler retentionScheduler() {
        return retentionScheduler;
    }

    public CheckpointScheduler scheduler() {
        return scheduler;
    }

    public AuditVerifier verifier() {
        return verifier;
    }

    public AuditRetention retention() {
        return retention;
    }

    public AuditExporter exporter() {
        return new AuditExporter(dataSource, log, checkpoints, clock);
    }

    public AuditSettings settings() {
        return settings;
    }

    @Override
    public void close() {
        retentionScheduler.stop();
        scheduler.stop();
        log.close();
        if (signer != key && signer instanceof AutoCloseable c) {
            try {
                c.close();
            } catch (Exception e) {
                throw new IllegalStateException("Cannot close the audit signer: " + e.getMessage(), e);
            }
        }
    }
}
