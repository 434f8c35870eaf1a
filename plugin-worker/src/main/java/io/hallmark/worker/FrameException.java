package io.hallmark.worker;

import java.io.IOException;

/** The other side broke the wire format: a frame too large, cut short, not JSON, or of another protocol version. */
public final class FrameException extends IOException {

    private static final long serialVersionUID = 1L;

    private final byte[] header;

    public FrameException(String message) {
        this(message, new byte[0]);
    }

    /** @param header the bytes read where a frame header should have been */
    public FrameException(String message, byte[] header) {
        super(message);
        this.header = header.clone();
    }

    /** The bytes read where a frame header should have been (empty when the header was fine). */
    public byte[] header() {
        return header.clone();
    }

    public FrameException(String message, Throwable cause) {
        super(message, cause);
        this.header = new byte[0];
    }
}
