/**
 * Models for plugins: {@link io.hallmark.core.model.ModelProvider} is what a plugin's model lease comes from;
 * {@link io.hallmark.core.model.ModelRuntime} is the host's implementation (DJL engines, load once, reference-counted
 * leases, device, serving profiles, verification), over a {@link io.hallmark.core.model.ModelDirectory} that finds
 * models as files and identifies them by SHA-256.
 */
package io.hallmark.core.model;
