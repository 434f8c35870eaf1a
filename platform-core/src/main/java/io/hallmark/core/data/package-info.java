/**
 * The data directory and its exclusive lock: start at {@link io.hallmark.core.data.DataDirectory}.
 */
package io.hallmark.core.data;
