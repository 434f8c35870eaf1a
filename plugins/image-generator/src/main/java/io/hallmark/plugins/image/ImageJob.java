package io.hallmark.plugins.image;

import java.nio.file.Path;

/**
 * One validated image request as a pipeline sees it.
 *
 * @param model the leased model's file or folder
 * @param width requested width in pixels, or 0 for the model's own size
 * @param height requested height in pixels, or 0 for the model's own size
 * @param steps denoising steps (diffusion pipelines; latent generators take one step)
 * @param valueRange {@code 0..1} or {@code -1..1}: how a latent generator's output maps to pixels
 */
record ImageJob(Path model, String prompt, String negativePrompt, long seed, int count, int width, int height,
        int steps, double guidance, String valueRange) {}
