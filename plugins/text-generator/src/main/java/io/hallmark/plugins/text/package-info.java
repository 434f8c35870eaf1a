/**
 * The text generator plugin: {@link io.hallmark.plugins.text.LlamaTextGenerator} generates text with a
 * Llama-family model leased from the host's model runtime. A conversation ({@code messages}) reaches the model
 * through its GGUF chat template when it has one ({@link io.hallmark.plugins.text.ModelPrompt}: the template's token
 * ids, stopping at its end-of-turn tokens, usage counted from those ids), else as its role-tagged transcript.
 */
package io.hallmark.plugins.text;
