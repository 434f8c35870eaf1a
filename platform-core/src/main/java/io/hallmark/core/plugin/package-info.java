/**
 * The plugin host. Start at {@link io.hallmark.core.plugin.PluginHost}: signed, permission-checked,
 * hot-swappable PF4J plugins, each version in its own class loader, with calls contained by deadlines and a
 * circuit breaker. {@link io.hallmark.core.plugin.PluginStore} keeps installed versions and trusted keys.
 */
package io.hallmark.core.plugin;
