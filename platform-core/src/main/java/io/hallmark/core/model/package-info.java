/**
 * Models for plugins: {@link io.hallmark.core.model.ModelProvider} is what a plugin's model lease comes from;
 * {@link io.hallmark.core.model.ModelDirectory} finds models as files in the model directory and identifies
 * them by SHA-256.
 */
package io.hallmark.core.model;
