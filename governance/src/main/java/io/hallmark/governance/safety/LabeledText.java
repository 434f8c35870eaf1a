package io.hallmark.governance.safety;

/**
 * One training or evaluation text.
 *
 * @param text the text
 * @param label 1 for the category (injection, jailbreak, harmful, toxic), 0 otherwise
 * @param weight its weight in training
 * @param safeContrast whether it is an XSTest safe prompt (a hard negative whose false positives are capped)
 */
record LabeledText(String text, int label, double weight, boolean safeContrast) {

    static LabeledText pos(String text) {
        return new LabeledText(text, 1, 1, false);
    }

    static LabeledText neg(String text) {
        return new LabeledText(text, 0, 1, false);
    }
}
