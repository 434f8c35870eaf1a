package io.hallmark.textgen;

/**
 * A model file that cannot be used: missing, truncated, corrupt or of an unknown format. The message names the
 * file and says what was expected.
 */
public class ModelFormatException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public ModelFormatException(String message) {
        super(message);
    }

    public ModelFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
