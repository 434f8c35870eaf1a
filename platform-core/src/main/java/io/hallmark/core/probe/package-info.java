/**
 * Counterfactual bias probes of stored texts: {@link io.hallmark.core.probe.BiasProbes} checks an item, runs the
 * probe (in the background for the REST API, in the caller's thread for the CLI), keeps its progress and result in
 * {@code bias_probes} and records {@code bias.probe.completed} or {@code bias.probe.failed} in the audit log;
 * {@link io.hallmark.core.probe.CounterfactualProbe} re-generates the item's prompt with its demographic terms swapped,
 * with the same plugin, parameters and seed.
 */
@NullMarked
package io.hallmark.core.probe;

import org.jspecify.annotations.NullMarked;
