package io.hallmark.governance.safety;

import org.jspecify.annotations.Nullable;

/**
 * One training or evaluation text.
 *
 * @param text the text
 * @param label 1 for the category (injection, jailbreak, harmful, toxic), 0 otherwise
 * @param weight its weight in training
 * @param cap the capped set it belongs to ({@link #XSTEST_SAFE}, {@link #INSTRUCTIONS}): benign prompts whose false
 *     positives the search holds under a budget instead of counting them in F1; {@code null} for none
 * @param group texts that share a group (an XSTest prompt family, a ToxiGen target group, a jailbreak attack style, a
 *     prompt and its sentences) land in the same cross-validation fold, so out-of-fold scores measure unseen
 *     families, groups and styles; {@code null} for none
 * @param source where the text comes from (a data set, or the augmentation that made it); the search weighs every
 *     source of positives equally ({@link ThresholdCalibration.OutOfFold#f1}) and reports rates per source
 * @param scored whether the search scores it; texts made only to train on (the sentences of an innocent prompt) are
 *     not
 */
record LabeledText(String text, int label, double weight, @Nullable String cap, @Nullable String group,
        String source, boolean scored) {

    /** XSTest's safe prompts: short questions with alarming words, the hard negatives the issue names. */
    static final String XSTEST_SAFE = "xstest-safe";

    /** Benign user instructions, the prompts a generation platform mostly receives. */
    static final String INSTRUCTIONS = "instructions";

    static LabeledText pos(String text, String source) {
        return new LabeledText(text, 1, 1, null, null, source, true);
    }

    static LabeledText neg(String text, String source) {
        return new LabeledText(text, 0, 1, null, null, source, true);
    }

    /** Whether it is one of XSTest's safe prompts, whose training weight the search varies. */
    boolean safeContrast() {
        return XSTEST_SAFE.equals(cap);
    }

    LabeledText inGroup(@Nullable String group) {
        return new LabeledText(text, label, weight, cap, group, source, scored);
    }

    LabeledText weighted(double weight) {
        return new LabeledText(text, label, weight, cap, group, source, scored);
    }

    LabeledText capped(@Nullable String cap) {
        return new LabeledText(text, label, weight, cap, group, source, scored);
    }

    LabeledText unscored() {
        return new LabeledText(text, label, weight, cap, group, source, false);
    }
}
