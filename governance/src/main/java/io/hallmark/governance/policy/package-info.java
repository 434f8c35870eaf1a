/**
 * Versioned governance policies: {@link io.hallmark.governance.policy.PolicyParser} reads and validates YAML or
 * JSON policies, {@link io.hallmark.governance.policy.PolicyEngine} decides with them and replays drafts over
 * stored decisions. {@link io.hallmark.governance.policy.Metrics} lists the scores a policy may use.
 */
package io.hallmark.governance.policy;
