package io.hallmark.core.model;

import io.hallmark.api.ModelLease;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * A lease whose host-run operations stop when the plugin call they serve ends: the plugin host binds each lease it
 * hands out to its call's cancellation and deadline, so a plugin cannot keep host CPU busy past its own call (a
 * 500-step image asked for by a call that was abandoned after 60 s stops at the next step).
 */
public interface CancellableModelLease extends ModelLease {

    /**
     * {@link #generateText(String, Map)} that polls {@code cancelled} between tokens.
     *
     * @throws io.hallmark.api.GenerationCancelledException when it turned true before the text was complete
     */
    String generateText(String prompt, Map<String, Object> options, BooleanSupplier cancelled);

    /**
     * {@link #generateImage(String, Map)} that polls {@code cancelled} between denoising steps.
     *
     * @throws io.hallmark.api.GenerationCancelledException when it turned true before the image was complete
     */
    byte[] generateImage(String prompt, Map<String, Object> options, BooleanSupplier cancelled);
}
