/**
 * The trained verdict model: {@link io.hallmark.governance.factcheck.train.VerdictModel} (a DJL MLP over
 * {@link io.hallmark.governance.factcheck.train.VerdictFeatures}) and the combiner that uses it.
 */
package io.hallmark.governance.factcheck.train;
