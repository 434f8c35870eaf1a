/**
 * The governance stage every output passes before it is kept: claim extraction and verification against
 * the knowledge base, cross-verification, bias scoring, safety screening and the policy decision.
 *
 * <p>This module depends on the SDK and on {@code retrieval} only: it knows nothing of Hibernate, Javalin
 * or the plugin host. Its capabilities arrive with the governance issues.
 */
package io.hallmark.governance;
