/**
 * The audit trail: {@link io.hallmark.core.audit.AuditLog} is where every subsystem records what happened;
 * {@link io.hallmark.core.audit.AuditTrail} holds the database-backed log, the platform key (behind
 * {@link io.hallmark.core.audit.Signer}: a file, or an HSM through {@link io.hallmark.core.audit.Pkcs11Signer}),
 * signed checkpoints, verification, signed retention and the auditor's export.
 *
 * <p>Checkpoints leave the database: {@link io.hallmark.core.audit.Witnessing} has each one cosigned by C2SP
 * witnesses ({@link io.hallmark.core.audit.WitnessClient}), and {@link io.hallmark.core.audit.CheckpointPublisher}
 * sends it to {@link io.hallmark.core.audit.CheckpointSink}s. {@link io.hallmark.core.audit.Witness} and
 * {@link io.hallmark.core.audit.WitnessServer} are the other side: a witness for other logs.
 * {@link io.hallmark.core.audit.AuditVerifier} proves the log against checkpoints held outside
 * ({@link io.hallmark.core.audit.HeldCheckpoints}).
 *
 * <p>Offline pieces (no database): {@link io.hallmark.core.audit.Merkle}, {@link io.hallmark.core.audit.Checkpoint},
 * {@link io.hallmark.core.audit.Cosignatures}, {@link io.hallmark.core.audit.ExportVerifier}. Design for auditors,
 * threat model included: {@code docs/audit.md}.
 */
package io.hallmark.core.audit;
