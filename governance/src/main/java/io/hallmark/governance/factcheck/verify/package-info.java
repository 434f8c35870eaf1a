/**
 * The built-in verifiers: {@link io.hallmark.governance.factcheck.verify.SemanticVerifier} (one per embedding
 * model), {@link io.hallmark.governance.factcheck.verify.ConsistencyVerifier} (numbers, names, negation, antonyms)
 * and {@link io.hallmark.governance.factcheck.verify.LlmJudgeVerifier} (a LangChain4j chat model, off by default).
 */
package io.hallmark.governance.factcheck.verify;
