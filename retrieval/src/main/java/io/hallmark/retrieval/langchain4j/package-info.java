/**
 * LangChain4j integration: {@link io.hallmark.retrieval.langchain4j.KnowledgeBaseContentRetriever} lets
 * LangChain4j agents and RAG pipelines search a knowledge base with the same modes and filters as the rest
 * of the platform.
 */
package io.hallmark.retrieval.langchain4j;
