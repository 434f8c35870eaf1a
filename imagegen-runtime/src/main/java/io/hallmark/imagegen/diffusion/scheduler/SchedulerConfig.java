package io.hallmark.imagegen.diffusion.scheduler;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The fields of a diffusers {@code scheduler_config.json} the schedulers use, with diffusers' defaults where a
 * field is absent. {@code trainedBetas} is empty unless the config lists them.
 *
 * @param className the {@code _class_name} (e.g. {@code PNDMScheduler}), which picks the default scheduler
 */
public record SchedulerConfig(String className, int numTrainTimesteps, double betaStart, double betaEnd,
        String betaSchedule, List<Double> trainedBetas, String predictionType, int stepsOffset, String timestepSpacing,
        boolean setAlphaToOne, boolean clipSample, double clipSampleRange, boolean skipPrkSteps) {

    private static final List<String> SPACINGS = List.of("leading", "trailing", "linspace");
    private static final List<String> PREDICTIONS = List.of("epsilon", "v_prediction");

    public SchedulerConfig {
        trainedBetas = List.copyOf(trainedBetas);
        if (numTrainTimesteps < 2) {
            throw new IllegalArgumentException("num_train_timesteps must be at least 2, got " + numTrainTimesteps);
        }
        if (!SPACINGS.contains(timestepSpacing)) {
            throw new IllegalArgumentException("Unsupported timestep_spacing '" + timestepSpacing + "'; expected one of "
                    + SPACINGS);
        }
        if (!PREDICTIONS.contains(predictionType)) {
            throw new IllegalArgumentException("Unsupported prediction_type '" + predictionType + "'; expected one of "
                    + PREDICTIONS + " (sample prediction is not implemented)");
        }
    }

    /** SD v1.5's scheduler config (PNDM, scaled_linear 0.00085..0.012, leading spacing, steps_offset 1). */
    public static SchedulerConfig stableDiffusion15() {
        return new SchedulerConfig("PNDMScheduler", 1000, 0.00085, 0.012, "scaled_linear", List.of(), "epsilon", 1,
                "leading", false, false, 1.0, true);
    }

    /** Parses {@code scheduler_config.json}. */
    public static SchedulerConfig read(Path file) throws IOException {
        JsonNode n = new ObjectMapper().readTree(file.toFile());
        if (n == null || !n.isObject()) {
            throw new IOException(file + " is not a JSON object");
        }
        try {
            return parse(n);
        } catch (IllegalArgumentException e) {
            throw new IOException("Invalid scheduler config " + file + ": " + e.getMessage(), e);
        }
    }

    static SchedulerConfig parse(JsonNode n) {
        String className = n.path("_class_name").asText("PNDMScheduler");
        List<Double> trained = new ArrayList<>();
        for (JsonNode b : n.path("trained_betas")) {
            trained.add(b.asDouble());
        }
        return new SchedulerConfig(className,
                n.path("num_train_timesteps").asInt(1000),
                n.path("beta_start").asDouble(0.0001),
                n.path("beta_end").asDouble(0.02),
                n.path("beta_schedule").asText("linear"),
                trained,
                n.path("prediction_type").asText("epsilon").toLowerCase(Locale.ROOT),
                n.path("steps_offset").asInt(0),
                textOr(n, "timestep_spacing", "leading"),
                n.path("set_alpha_to_one").asBoolean(!className.startsWith("PNDM")),
                n.path("clip_sample").asBoolean(className.startsWith("DDIM")),
                n.path("clip_sample_range").asDouble(1.0),
                n.path("skip_prk_steps").asBoolean(true));
    }

    private static String textOr(JsonNode n, String field, String fallback) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? fallback : v.asText();
    }
}
