package io.hallmark.core.plugin;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What this node has loaded: the slot serving each enabled plugin, why plugins failed to load here, and which plugins
 * serve only the sandbox channel. Shared by the host's rooms (installer, invoker, sync); the maps are concurrent.
 */
final class LoadedPlugins {

    /** The loaded version of each enabled plugin, by plugin id. */
    final Map<String, PluginSlot> active = new ConcurrentHashMap<>();
    /** Why a plugin could not be loaded on this node, by plugin id. */
    final Map<String, String> failures = new ConcurrentHashMap<>();
    /** Plugin ids on the sandbox channel, as the records say (kept in step by every change and by sync). */
    final Set<String> sandboxed = ConcurrentHashMap.newKeySet();
}
