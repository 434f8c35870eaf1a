/**
 * Bias scoring: a stereotype detector ({@link io.hallmark.governance.bias.BiasTrainer}: a pairwise linear ranker on
 * sentence features, trained (plain-Java Adam, deterministic) on the dev splits of CrowS-Pairs, StereoSet and WinoBias, then calibrated to
 * 0..1), with an occupational coreference cue ({@link io.hallmark.governance.bias.OccupationCoreference}: which of two
 * occupations a pronoun refers to, judged from the two substituted readings, times the occupation's majority gender),
 * demographic terms per axis from the HolisticBias vocabulary ({@link io.hallmark.governance.bias.BiasLexicon}),
 * counterfactual probes that swap those terms in the text and, for a generator, in its prompt ({@link
 * io.hallmark.governance.bias.ContinuationProbe}: how much the continuation changes), representation statistics,
 * and WEAT effect sizes as an audit of the embedding models ({@link io.hallmark.governance.bias.Weat}). Entry points: {@link
 * io.hallmark.governance.bias.BiasScorer}, {@link io.hallmark.governance.bias.BiasAssessor}, {@link
 * io.hallmark.governance.bias.BiasEvaluation}.
 */
package io.hallmark.governance.bias;
