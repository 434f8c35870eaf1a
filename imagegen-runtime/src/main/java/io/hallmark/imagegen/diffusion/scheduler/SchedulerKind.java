package io.hallmark.imagegen.diffusion.scheduler;

import java.util.Arrays;
import java.util.Locale;

/** The schedulers this runtime computes, by the names users pass and the diffusers class names configs carry. */
public enum SchedulerKind {
    EULER("EulerDiscreteScheduler"),
    DDIM("DDIMScheduler"),
    PNDM("PNDMScheduler");

    private final String diffusersClass;

    SchedulerKind(String diffusersClass) {
        this.diffusersClass = diffusersClass;
    }

    /** A fresh scheduler of this kind for one run of {@code steps} inference steps. */
    public Scheduler create(SchedulerConfig config, int steps) {
        return switch (this) {
            case EULER -> new EulerDiscreteScheduler(config, steps);
            case DDIM -> new DdimScheduler(config, steps);
            case PNDM -> new PndmScheduler(config, steps);
        };
    }

    /** UNet calls a run of {@code steps} makes: PNDM repeats one timestep in its warm-up. */
    public int calls(int steps) {
        return this == PNDM && steps > 1 ? steps + 1 : steps;
    }

    /**
     * The kind a config's {@code _class_name} names; for classes this runtime does not compute, Euler for the other
     * Euler variants (e.g. EulerAncestralDiscreteScheduler) and PNDM for the rest (LMS, DPM-Solver, ...).
     */
    public static SchedulerKind ofConfig(SchedulerConfig config) {
        return Arrays.stream(values()).filter(k -> k.diffusersClass.equals(config.className())).findFirst()
                .orElse(config.className().startsWith("Euler") ? EULER : PNDM);
    }

    /** Parses a user's choice: {@code euler}, {@code ddim}, {@code pndm} or a diffusers class name. */
    public static SchedulerKind parse(String name) {
        String n = name.trim();
        for (SchedulerKind k : values()) {
            if (k.name().equalsIgnoreCase(n) || k.diffusersClass.equalsIgnoreCase(n)) {
                return k;
            }
        }
        throw new IllegalArgumentException("Unknown scheduler '" + name + "'; expected one of "
                + Arrays.stream(values()).map(k -> k.name().toLowerCase(Locale.ROOT)).toList());
    }
}
