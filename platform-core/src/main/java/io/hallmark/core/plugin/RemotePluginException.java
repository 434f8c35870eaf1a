package io.hallmark.core.plugin;

/** An exception a plugin threw in its worker process, as the worker reported it: its class's simple name and message. */
final class RemotePluginException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String remoteType;

    RemotePluginException(String remoteType, String message) {
        super(message);
        this.remoteType = remoteType;
    }

    /** The simple name of the exception's class in the worker, e.g. {@code IllegalStateException}. */
    String remoteType() {
        return remoteType;
    }

    @Override
    public String toString() {
        return remoteType + ": " + getMessage();
    }
}
