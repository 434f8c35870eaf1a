/**
 * Evaluation of fact checking on labelled data: {@link io.hallmark.governance.factcheck.eval.FactCheckEvaluator}
 * (Climate-FEVER 3-class, HaluEval-QA), {@link io.hallmark.governance.factcheck.eval.ClassScores}.
 */
package io.hallmark.governance.factcheck.eval;
