/** Stored, versioned governance policies: start at {@link io.hallmark.core.policy.PolicyService}. */
package io.hallmark.core.policy;
