/**
 * The text generator plugin: {@link io.hallmark.plugins.text.LlamaTextGenerator} generates text with a
 * Llama-family model leased from the host's model runtime; {@link io.hallmark.plugins.text.LlamaChatModel} offers
 * the same generation as a LangChain4j chat model.
 */
package io.hallmark.plugins.text;
