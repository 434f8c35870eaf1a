/**
 * Knowledge bases owned by the platform ({@link io.hallmark.core.kb.KnowledgeBases}), shared by the REST API and
 * the fact checker of the governance stage ({@link io.hallmark.core.kb.FactCheckService}).
 */
package io.hallmark.core.kb;
