/**
 * Governance models as versioned artifacts: the committed tuned settings ({@link
 * io.hallmark.governance.artifact.TunedSettings}), the licence of every training source ({@link
 * io.hallmark.governance.artifact.DataLicences}), deterministic training into content-addressed artifacts ({@link
 * io.hallmark.governance.artifact.ArtifactTrainer}) and the store that keeps them and says which version of each kind
 * is active ({@link io.hallmark.governance.artifact.ModelStore}).
 */
package io.hallmark.governance.artifact;
