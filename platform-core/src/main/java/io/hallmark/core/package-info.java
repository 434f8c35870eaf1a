/**
 * The Hallmark host. Start reading at {@link io.hallmark.core.Platform}, which wires the data directory,
 * the database and the blob store for servers and standalone commands alike.
 */
package io.hallmark.core;
