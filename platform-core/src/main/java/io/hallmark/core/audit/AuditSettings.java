package io.hallmark.core.audit;

import io.hallmark.core.config.ConfigKey;
import io.hallmark.core.config.HallmarkConfig;
import java.time.Duration;

/**
 * The audit trail's settings.
 *
 * @param retentionDays how long payloads are kept; at least 183 days (EU AI Act Art. 19 and 26(6): six months)
 * @param checkpointInterval how often the server signs a checkpoint when the log grew
 * @param groupCommit whether concurrent appends share transactions (see {@link DatabaseAuditLog})
 */
public record AuditSettings(int retentionDays, Duration checkpointInterval, boolean groupCommit) {

    /** The legal floor of the retention setting. */
    public static final int MIN_RETENTION_DAYS = 183;

    public static AuditSettings defaults() {
        return new AuditSettings(MIN_RETENTION_DAYS, Duration.ofSeconds(60), true);
    }

    /** Reads {@code audit-retention-days} and {@code audit-checkpoint-interval-seconds} from the configuration. */
    public static AuditSettings from(HallmarkConfig config) {
        return new AuditSettings(config.intSetting(ConfigKey.AUDIT_RETENTION_DAYS, MIN_RETENTION_DAYS, 36_500),
                Duration.ofSeconds(config.intSetting(ConfigKey.AUDIT_CHECKPOINT_INTERVAL_SECONDS, 1, 86_400)), true);
    }
}
