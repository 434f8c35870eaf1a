/** The audit trail: {@link io.hallmark.core.audit.AuditLog} is where every subsystem records what happened. */
package io.hallmark.core.audit;
