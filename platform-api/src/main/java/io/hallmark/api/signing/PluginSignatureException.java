package io.hallmark.api.signing;

import io.hallmark.api.HallmarkException;

/** A plugin archive is unsigned, signed by an untrusted key, or was changed after signing. */
public class PluginSignatureException extends HallmarkException {

    private static final long serialVersionUID = 1L;

    public PluginSignatureException(String message) {
        super(message);
    }
}
