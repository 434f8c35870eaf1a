/**
 * The persistent model: {@link io.hallmark.core.persistence.ContentItem} (what was generated, by what, and
 * where it stands), {@link io.hallmark.core.persistence.GenerationJob}, {@link
 * io.hallmark.core.persistence.GovernanceReport}, {@link io.hallmark.core.persistence.AuditEvent}, {@link
 * io.hallmark.core.persistence.PluginRecord}, {@link io.hallmark.core.persistence.Policy} and {@link
 * io.hallmark.core.persistence.UserAccount}. The schema lives in Flyway migrations under
 * {@code db/migration}; Hibernate validates these mappings against it at start.
 */
package io.hallmark.core.persistence;
