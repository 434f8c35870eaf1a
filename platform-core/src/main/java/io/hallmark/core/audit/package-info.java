/**
 * The audit trail: {@link io.hallmark.core.audit.AuditLog} is where every subsystem records what happened;
 * {@link io.hallmark.core.audit.AuditTrail} holds the database-backed log, the platform key, signed checkpoints,
 * verification, retention and the auditor's export. Offline pieces (no database): {@link
 * io.hallmark.core.audit.Merkle}, {@link io.hallmark.core.audit.Checkpoint}, {@link
 * io.hallmark.core.audit.ExportVerifier}. Design for auditors: {@code docs/audit.md}.
 */
package io.hallmark.core.audit;
