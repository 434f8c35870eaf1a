/**
 * Screening by role: what a request instructs and what it only carries as data ({@link
 * io.hallmark.governance.safety.ScreenInput}, read by {@link io.hallmark.governance.safety.SafetyScreen#explain}). {@link
 * io.hallmark.governance.safety.roles.RoleSplitter} splits the data pasted into a prompt (an e-mail after
 * "Summarize this:", a table, a code block) from the operator's instruction; {@link
 * io.hallmark.governance.safety.roles.DataMarking} marks data in the prompts given to models so that nothing inside it
 * can pass for an instruction; {@link io.hallmark.governance.safety.roles.InjectionIngestScreen} screens
 * knowledge-base documents for injections at ingest.
 */
package io.hallmark.governance.safety.roles;
