package io.hallmark.core.persistence;

/** The recorded state of an installed plugin version. */
public enum PluginState {
    INSTALLED, ENABLED, DISABLED, FAILED, REMOVED
}
