package io.hallmark.worker;

import java.io.IOException;

/** The other side broke the wire format: a frame too large, cut short, not JSON, or of another protocol version. */
public final class FrameException extends IOException {

    private static final long serialVersionUID = 1L;

    public FrameException(String message) {
        super(message);
    }

    public FrameException(String message, Throwable cause) {
        super(message, cause);
    }
}
