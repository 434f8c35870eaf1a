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
 * @param retentionInterval how often the server applies retention; zero: never (run it on demand)
 */
public record AuditSettings(int retentionDays, Duration checkpointInterval, boolean groupCommit,
        Duration retentionInterval) {

    public AuditSettings(int retentionDays, Duration checkpointInterval, boolean groupCommit) {
        this(retentionDays, checkpointInterval, groupCommit, Duration.ofHours(24));
    }

    /** The legal floor of the retention setting. */
    public static final int MIN_RETENTION_DAYS = 183;

    public static AuditSettings defaults() {
        return new AuditSettings(MIN_RETENTION_DAYS, Duration.ofSeconds(60), true);
    }

    /** The checkpoint sinks {@code audit-checkpoint-sinks} names (none when unset). */
    public static CheckpointPublisher publisher(HallmarkConfig config) {
        String spec = config.setting(ConfigKey.AUDIT_CHECKPOINT_SINKS);
        return new CheckpointPublisher(spec == null ? java.util.List.of() : CheckpointPublisher.parse(spec));
    }

    /**
     * The signer of checkpoints, retention events and exports: the Ed25519 key pair on an HSM when
     * {@code audit-pkcs11-library} is set (token {@code audit-pkcs11-token}, key {@code audit-pkcs11-key}, PIN
     * {@code audit-pkcs11-pin}), else {@code fileKey}.
     */
    public static Signer signer(HallmarkConfig config, PlatformKey fileKey) {
        String library = config.setting(ConfigKey.AUDIT_PKCS11_LIBRARY);
        if (library == null || library.isBlank()) {
            return fileKey;
        }
        return hsmKey(config, config.setting(ConfigKey.AUDIT_PKCS11_KEY), false);
    }

    /**
     * The Ed25519 key pair labelled {@code keyLabel} on the configured HSM token ({@code audit-pkcs11-library},
     * {@code audit-pkcs11-token}, {@code audit-pkcs11-pin}); made there first (sensitive, not extractable) when
     * {@code generate}, for {@code hallmark audit rotate-key --pkcs11-key LABEL --generate}.
     *
     * @throws IllegalArgumentException when no HSM is configured
     */
    public static Pkcs11Signer hsmKey(HallmarkConfig config, String keyLabel, boolean generate) {
        String library = config.setting(ConfigKey.AUDIT_PKCS11_LIBRARY);
        if (library == null || library.isBlank()) {
            throw new IllegalArgumentException("No HSM is configured: set audit-pkcs11-library (and "
                    + "audit-pkcs11-token, audit-pkcs11-pin)");
        }
        String pin = config.setting(ConfigKey.AUDIT_PKCS11_PIN);
        if (pin == null) {
            throw new IllegalArgumentException("audit-pkcs11-library is set but audit-pkcs11-pin is not");
        }
        java.nio.file.Path lib = java.nio.file.Path.of(library);
        String token = config.setting(ConfigKey.AUDIT_PKCS11_TOKEN);
        if (generate) {
            Pkcs11Signer.generate(lib, token, pin.toCharArray(), keyLabel);
        }
        return Pkcs11Signer.open(lib, token, pin.toCharArray(), keyLabel);
    }

    /** The witnesses {@code audit-witnesses} names (none when unset). */
    public static java.util.List<WitnessClient> witnesses(HallmarkConfig config) {
        String spec = config.setting(ConfigKey.AUDIT_WITNESSES);
        return spec == null ? java.util.List.of() : WitnessClient.parse(spec);
    }

    /** How many of them must cosign each checkpoint: {@code audit-witness-quorum}, by default all of them. */
    public static int witnessQuorum(HallmarkConfig config, int witnesses) {
        return config.setting(ConfigKey.AUDIT_WITNESS_QUORUM) == null ? witnesses
                : config.intSetting(ConfigKey.AUDIT_WITNESS_QUORUM, 0, witnesses);
    }

    /**
     * Reads {@code audit-retention-days}, {@code audit-checkpoint-interval-seconds} and
     * {@code audit-retention-interval-hours} from the configuration.
     */
    public static AuditSettings from(HallmarkConfig config) {
        return new AuditSettings(config.intSetting(ConfigKey.AUDIT_RETENTION_DAYS, MIN_RETENTION_DAYS, 36_500),
                Duration.ofSeconds(config.intSetting(ConfigKey.AUDIT_CHECKPOINT_INTERVAL_SECONDS, 1, 86_400)), true,
                Duration.ofHours(config.intSetting(ConfigKey.AUDIT_RETENTION_INTERVAL_HOURS, 0, 24 * 366)));
    }
}
