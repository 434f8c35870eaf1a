package io.hallmark.imagegen.diffusion;

/**
 * Progress after one denoising step.
 *
 * @param completed steps done so far (1 after the first)
 * @param total the UNet calls of the whole run (PNDM makes one more than the inference steps)
 * @param timestep the timestep this step denoised at
 * @param latents the latents after the step, shape {@code [1, channels, height/8, width/8]}; a fresh array per step,
 *     which listeners may keep (e.g. to render a trajectory) but must not modify
 */
public record DiffusionStep(int completed, int total, double timestep, FloatTensor latents) {}
