package io.hallmark.core.probe;

import io.hallmark.api.HallmarkException;

/**
 * A probe cannot run in the platform's present state although the request is sound (HTTP 409): the plugin that made
 * the item is gone, or the bias scorer or the demographic terms are missing. The message says what to do.
 */
public class ProbeUnavailableException extends HallmarkException {

    private static final long serialVersionUID = 1L;

    public ProbeUnavailableException(String message) {
        super(message);
    }
}
