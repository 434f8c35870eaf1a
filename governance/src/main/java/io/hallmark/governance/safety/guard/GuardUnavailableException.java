package io.hallmark.governance.safety.guard;

/**
 * The guard could not judge a request (endpoint down, timeout, HTTP error, an unparseable answer). The message says
 * why, in words fit for the governance report: it never holds the API key.
 */
public final class GuardUnavailableException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public GuardUnavailableException(String message) {
        super(message);
    }
}
