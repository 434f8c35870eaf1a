/**
 * The governance stage: {@link io.hallmark.governance.stage.GovernanceStage} runs every
 * {@link io.hallmark.governance.stage.Assessor} over a piece of content and gathers the scores policies decide on.
 */
package io.hallmark.governance.stage;
