/** The served-model plugin: generation on an OpenAI-compatible endpoint ({@link io.hallmark.plugins.served.ServedModelGenerator}). */
package io.hallmark.plugins.served;
