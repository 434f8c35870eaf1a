package io.hallmark.core.plugin;

import io.hallmark.api.GeneratorInfo;

/**
 * A generator offered by an enabled plugin.
 *
 * @param pluginId the plugin that offers it
 * @param pluginVersion the plugin's version
 * @param info what the generator declares
 */
public record GeneratorView(String pluginId, String pluginVersion, GeneratorInfo info) {}
