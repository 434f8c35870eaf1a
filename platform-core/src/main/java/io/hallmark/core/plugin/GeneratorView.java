package io.hallmark.core.plugin;

import io.hallmark.core.persistence.PluginChannel;

import io.hallmark.api.GeneratorInfo;

/**
 * A generator offered by an enabled plugin.
 *
 * @param pluginId the plugin that offers it
 * @param pluginVersion the plugin's version
 * @param info what the generator declares
 * @param channel where its plugin serves: production, or the plugin developers' sandbox
 */
public record GeneratorView(String pluginId, String pluginVersion, GeneratorInfo info, PluginChannel channel) {}
