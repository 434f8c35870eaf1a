package io.hallmark.governance.safety;

import org.jspecify.annotations.Nullable;

/**
 * One training or evaluation text.
 *
 * @param text the text
 * @param label 1 for the category (injection, jailbreak, harmful, toxic), 0 otherwise
 * @param weight its weight in training
 * @param safeContrast whether it is an XSTest safe prompt (a hard negative whose false positives are capped)
 * @param group texts that share a group (an XSTest prompt family, a ToxiGen target group, a jailbreak attack style)
 *     land in the same cross-validation fold, so out-of-fold scores measure unseen families, groups and styles;
 *     {@code null} for none
 * @param source where the text comes from (a data set, or the augmentation that made it); the search weighs every
 *     source of positives equally ({@link ThresholdCalibration.OutOfFold#f1}) and reports recall per source
 */
record LabeledText(String text, int label, double weight, boolean safeContrast, @Nullable String group,
        String source) {

    static LabeledText pos(String text, String source) {
        return new LabeledText(text, 1, 1, false, null, source);
    }

    static LabeledText neg(String text, String source) {
        return new LabeledText(text, 0, 1, false, null, source);
    }

    LabeledText inGroup(String group) {
        return new LabeledText(text, label, weight, safeContrast, group, source);
    }

    LabeledText weighted(double weight) {
        return new LabeledText(text, label, weight, safeContrast, group, source);
    }
}
