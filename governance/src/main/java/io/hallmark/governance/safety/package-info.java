/**
 * Safety screening: prompt injection, jailbreak and harmful-request screens for prompts and a toxicity screen for
 * output, each a logistic-regression head on {@link io.hallmark.governance.ml.TextFeatures} trained on the dev splits
 * of the shared eval data ({@link io.hallmark.governance.safety.SafetyTrainer}), with thresholds tuned on dev to keep
 * false positives on XSTest's safe prompts low. Entry points: {@link io.hallmark.governance.safety.SafetyScreen} and
 * {@link io.hallmark.governance.safety.SafetyAssessor}; {@link io.hallmark.governance.safety.SafetyEvaluation} scores
 * it on a split.
 */
package io.hallmark.governance.safety;
