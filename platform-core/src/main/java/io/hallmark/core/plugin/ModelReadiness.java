package io.hallmark.core.plugin;

import io.hallmark.api.ModelRequirement;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Whether the model directory holds what the enabled generators need: each generator's required models (by name, as {@code ModelDirectory.resolve} finds them). Checked at start and in health, so a wrong
 * {@code --models-dir} shows as {@code DEGRADED} with the reason instead of failing the first generation.
 */
public final class ModelReadiness {

    private ModelReadiness() {}

    /**
     * What is missing, one line each, naming the plugin, the model and where it was expected; empty when every
     * required model is there.
     */
    public static List<String> problems(Path modelsDir, List<GeneratorView> generators) {
        List<String> problems = new ArrayList<>();
        boolean exists = Files.isDirectory(modelsDir);
        for (GeneratorView g : generators) {
            for (ModelRequirement required : g.info().models()) {
                if (required.optional()) {
                    continue;
                }
                String name = required.name();
                boolean plain = !name.contains("..") && !name.startsWith("/") && !name.contains("\\");
                if (!exists || !plain || !Files.exists(modelsDir.resolve(name))) {
                    problems.add("plugin " + g.pluginId() + " (generator " + g.info().name() + ") needs the "
                            + required.format() + " model '" + name + "', not found in " + modelsDir
                            + (exists ? "" : " (the folder does not exist)")
                            + "; set --models-dir or HALLMARK_MODELS_DIR to the folder that holds it");
                }
            }
        }
        return problems;
    }
}
