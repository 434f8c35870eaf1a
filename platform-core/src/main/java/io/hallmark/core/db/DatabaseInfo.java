package io.hallmark.core.db;

/**
 * What the database says about itself.
 *
 * @param product the product name, e.g. {@code PostgreSQL}
 * @param version the server version, e.g. {@code 14.22}
 * @param schemaVersion the newest applied schema migration, e.g. {@code 1}
 * @param url the JDBC URL with secrets masked
 */
public record DatabaseInfo(String product, String version, String schemaVersion, String url) {}
