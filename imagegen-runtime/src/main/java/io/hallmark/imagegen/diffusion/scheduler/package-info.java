/**
 * Diffusion schedulers computed from a Hugging Face {@code scheduler/scheduler_config.json}: the noise schedule
 * ({@link io.hallmark.imagegen.diffusion.scheduler.NoiseSchedule}: linear, scaled_linear or squaredcos_cap_v2 betas
 * and their cumulative alphas), timestep spacing ({@code leading}, {@code trailing}, {@code linspace}) with
 * {@code steps_offset}, and three samplers behind {@link io.hallmark.imagegen.diffusion.scheduler.Scheduler}:
 * Euler (EulerDiscrete), DDIM (eta 0) and PNDM (PLMS, {@code skip_prk_steps}). Start at
 * {@link io.hallmark.imagegen.diffusion.scheduler.SchedulerKind#create}.
 */
package io.hallmark.imagegen.diffusion.scheduler;
