package io.hallmark.core.blob;

import io.hallmark.api.HallmarkException;

/**
 * The disk under the blob store is full: nothing was kept, what was stored before is intact, and storing works again
 * once space is freed (HTTP 507).
 */
public class StorageFullException extends HallmarkException {

    private static final long serialVersionUID = 1L;

    public StorageFullException(String message, Throwable cause) {
        super(message, cause);
    }
}
