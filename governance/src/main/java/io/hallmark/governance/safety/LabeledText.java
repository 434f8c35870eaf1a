package io.hallmark.governance.safety;

import org.jspecify.annotations.Nullable;

/**
 * One training or evaluation text.
 *
 * @param text the text
 * @param label 1 for the category (injection, jailbreak, harmful, toxic), 0 otherwise
 * @param weight its weight in training
 * @param safeContrast whether it is an XSTest safe prompt (a hard negative whose false positives are capped)
 * @param group texts that share a group (an XSTest prompt family, a ToxiGen target group) land in the same
 *     cross-validation fold, so out-of-fold scores measure unseen families and groups; {@code null} for none
 */
record LabeledText(String text, int label, double weight, boolean safeContrast, @Nullable String group) {

    static LabeledText pos(String text) {
        return new LabeledText(text, 1, 1, false, null);
    }

    static LabeledText neg(String text) {
        return new LabeledText(text, 0, 1, false, null);
    }

    LabeledText inGroup(String group) {
        return new LabeledText(text, label, weight, safeContrast, group);
    }
}
