package io.hallmark.imagegen.diffusion;

import java.util.concurrent.CancellationException;

/**
 * A generation stopped between two denoising steps because its {@link StepListener} asked to or its thread was
 * interrupted. Nothing half-made is returned.
 */
public class GenerationCancelledException extends CancellationException {

    private static final long serialVersionUID = 1L;

    private final int completedSteps;
    private final int totalSteps;

    public GenerationCancelledException(int completedSteps, int totalSteps, String why) {
        super("Image generation cancelled after step " + completedSteps + " of " + totalSteps + ": " + why);
        this.completedSteps = completedSteps;
        this.totalSteps = totalSteps;
    }

    public int completedSteps() {
        return completedSteps;
    }

    public int totalSteps() {
        return totalSteps;
    }
}
