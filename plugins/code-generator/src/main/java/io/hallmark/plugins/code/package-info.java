/**
 * The code generator plugin: {@link io.hallmark.plugins.code.LlamaCodeGenerator} prompts a Llama-family code model
 * leased from the host's model runtime, extracts the code ({@link io.hallmark.plugins.code.CodeExtractor}), detects
 * its language ({@link io.hallmark.plugins.code.LanguageDetector}), checks Java syntax
 * ({@link io.hallmark.plugins.code.JavaSyntaxChecker}) and reports findings for reviewers
 * ({@link io.hallmark.plugins.code.CodeFindings}).
 */
package io.hallmark.plugins.code;
