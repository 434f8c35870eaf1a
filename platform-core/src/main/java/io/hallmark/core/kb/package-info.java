/**
 * Knowledge bases owned by the platform ({@link io.hallmark.core.kb.KnowledgeBases}), shared by the REST API and
 * the fact checker of the governance stage ({@link io.hallmark.core.kb.FactCheckService}). PostgreSQL is the record of
 * every knowledge base ({@link io.hallmark.core.kb.PostgresKnowledgeRecord}, V90); each node's Lucene index follows it
 * ({@code KnowledgeBaseFollower}) and is rebuilt from it when lost.
 */
package io.hallmark.core.kb;
