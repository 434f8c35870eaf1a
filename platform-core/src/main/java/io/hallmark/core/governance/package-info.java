/**
 * The platform's governance models: {@link io.hallmark.core.governance.DatabaseModelStore} keeps the model artifacts
 * and the active version of each kind in PostgreSQL, and {@link io.hallmark.core.governance.GovernanceTraining} trains
 * the missing ones in the background at start (one node at a time), with its progress in the log and on the
 * dashboard.
 */
package io.hallmark.core.governance;
