/**
 * The small machine-learning kit the safety screens, the bias scorer and the fact-check verdict model share: {@link
 * io.hallmark.governance.ml.TextFeatures} (sentence embeddings plus hashed character n-grams and a few shape
 * statistics), {@link io.hallmark.governance.ml.DjlTraining} (the one way they are trained: DJL's training API on the
 * PyTorch engine), {@link io.hallmark.governance.ml.LogisticModel} (a trained logistic regression, scored in plain
 * Java, also usable as a pairwise ranker) and {@link io.hallmark.governance.ml.EvalData} (the shared eval folder's
 * JSON Lines files).
 */
package io.hallmark.governance.ml;
