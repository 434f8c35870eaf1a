/**
 * Personal data in prompts and outputs: {@link io.hallmark.governance.pii.PiiDetector} finds it (with check digits
 * where formats have them) and {@link io.hallmark.governance.pii.PiiRedactor} replaces it.
 */
package io.hallmark.governance.pii;
