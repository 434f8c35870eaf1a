/** The content-addressed store for large artifacts: start at {@link io.hallmark.core.blob.BlobStore}. */
package io.hallmark.core.blob;
