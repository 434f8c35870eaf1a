package io.hallmark.governance.safety;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The honest figures of design 15's input heads (issue 18): source-held-out and nested. Every real source's prompts
 * were scored by prototypes that left that source out (the authored prompts never are), and judged with thresholds
 * calibrated ({@link WorstSourceCalibration}) on the other trainable sources' out-of-fold scores, so no figure saw
 * its own source in training or in calibration. Kept in the model's {@link SafetyModel.Tuning}.
 *
 * @param design the design measured ({@code prototypes})
 * @param ordinaryBudget the budget of ordinary instructions
 * @param riskyLookingBudget the budget of risky-looking safe prompts
 * @param minSourceRows the fewest prompts of a kind a source needs to be held to a budget on its own
 * @param extras the five goals on the safety-screen extras, nested
 * @param kit the same on the kit's prompts
 * @param extrasPooledCalibration the extras judged with the final thresholds (their own source's scores in the pool:
 *     for comparison only)
 * @param kitPooledCalibration the same on the kit
 * @param extrasEnglishHarmfulRecall the extras' harmful recall without Chinese prompts
 * @param thresholdsAllSources the final (shipped) thresholds, calibrated on every trainable source's out-of-fold
 *     scores
 * @param thresholdsPerHeldOutSource per real source, the thresholds it was judged with
 * @param perSource per {@code source|subset}, its prompts and the share flagged by any head and by each
 * @param authoredTrainedOn the authored prompts every fold trained on, per {@code source|subset}, and their total
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SourceHeldOutReport(String design, double ordinaryBudget, double riskyLookingBudget, int minSourceRows,
        Goals extras, Goals kit, Goals extrasPooledCalibration, Goals kitPooledCalibration,
        @Nullable Double extrasEnglishHarmfulRecall, Map<String, Double> thresholdsAllSources,
        Map<String, Map<String, Double>> thresholdsPerHeldOutSource, Map<String, SourceRow> perSource,
        Map<String, Integer> authoredTrainedOn) {

    /**
     * Issue 18's five goals over a set of prompts ({@code summarize} of {@code scripts/safety-source-cv.py}); a rate
     * is {@code null} when the set has no prompt of its kind.
     *
     * @param ordinaryFlagged the share of ordinary instructions any head flags
     * @param riskyLookingFlagged the share of risky-looking safe prompts any head flags
     * @param injectionF1 the injection head's F1, injections against the safe prompts
     * @param injectionPrecision its precision
     * @param injectionRecall its recall
     * @param harmfulRecall the share of harmful requests the harmful head flags
     * @param harmfulFlaggedAnyScreen the share of harmful requests any head flags
     * @param jailbreakDetection the share of jailbreaks any head flags
     * @param rows the prompts of each kind ({@code benign}, {@code risky}, {@code jb}, {@code hm}, {@code hm_any},
     *     {@code injection})
     */
    public record Goals(@Nullable Double ordinaryFlagged, @Nullable Double riskyLookingFlagged, double injectionF1,
            double injectionPrecision, double injectionRecall, @Nullable Double harmfulRecall,
            @Nullable Double harmfulFlaggedAnyScreen, @Nullable Double jailbreakDetection, Map<String, Integer> rows) {}

    /**
     * One source and subset.
     *
     * @param rows its prompts
     * @param any the share any head flags
     * @param injection the share the injection head flags
     * @param jailbreak the jailbreak head's
     * @param harmful the harmful head's
     */
    public record SourceRow(int rows, double any, double injection, double jailbreak, double harmful) {}
}
