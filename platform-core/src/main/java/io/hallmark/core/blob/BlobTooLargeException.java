package io.hallmark.core.blob;

import io.hallmark.api.HallmarkException;

/** A blob exceeds the configured size limit; nothing was stored. */
public class BlobTooLargeException extends HallmarkException {

    private static final long serialVersionUID = 1L;

    public BlobTooLargeException(long limit) {
        super("Blob exceeds the size limit of " + limit + " bytes; nothing was stored");
    }
}
