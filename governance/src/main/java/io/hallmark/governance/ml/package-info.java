/**
 * The small machine-learning kit the safety screens and the bias scorer share: {@link
 * io.hallmark.governance.ml.TextFeatures} (sentence embeddings plus hashed character n-grams and a few shape
 * statistics), {@link io.hallmark.governance.ml.LogisticModel} (a plain-Java logistic regression trained with Adam,
 * also usable as a pairwise ranker) and {@link io.hallmark.governance.ml.EvalData} (the shared eval folder's JSON
 * Lines files).
 */
package io.hallmark.governance.ml;
