/**
 * Safety screening: prompt injection, jailbreak and harmful-request screens for prompts and a toxicity screen for
 * output. Design 7: each a logistic-regression head on {@link io.hallmark.governance.ml.TextFeatures} trained on the dev splits
 * of the shared eval data ({@link io.hallmark.governance.safety.SafetyTrainer}, which searches each head's training
 * settings on out-of-fold dev scores), with thresholds calibrated together on dev so the input screens stay within
 * false-positive budgets on XSTest's safe prompts and on ordinary user instructions. Entry points: {@link io.hallmark.governance.safety.SafetyScreen} and
 * {@link io.hallmark.governance.safety.SafetyAssessor}; {@link io.hallmark.governance.safety.SafetyEvaluation} scores
 * it on a split.
 *
 * <p>Design 15 (issue 18, the committed default since session 12): the three input heads as nearest prototypes ({@link
 * io.hallmark.governance.safety.PrototypeSet}) on BGE embeddings of the dev prompts and the project's authored prompts
 * ({@link io.hallmark.governance.safety.ScreenCorpus}, {@link io.hallmark.governance.safety.AuthoredSet}), trained by
 * {@link io.hallmark.governance.safety.PrototypeTrainer} with thresholds from {@link
 * io.hallmark.governance.safety.WorstSourceCalibration} on source-held-out scores.
 */
package io.hallmark.governance.safety;
