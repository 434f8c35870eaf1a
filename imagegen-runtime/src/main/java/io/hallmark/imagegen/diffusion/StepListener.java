package io.hallmark.imagegen.diffusion;

/**
 * Called after every denoising step, on the generating thread. Returning {@code false} cancels the generation: the
 * pipeline then throws {@link GenerationCancelledException} before the next step.
 */
@FunctionalInterface
public interface StepListener {

    /** A listener that never cancels. */
    StepListener NONE = step -> true;

    /** @return true to go on, false to cancel */
    boolean afterStep(DiffusionStep step);
}
