package io.hallmark.governance.safety.guard;

/** The guard's answer does not follow its prompt style's format; the guard's check then could not run. */
public final class GuardAnswerException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public GuardAnswerException(String message) {
        super(message);
    }
}
