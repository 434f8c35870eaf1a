package io.hallmark.governance;

/**
 * A governance model (safety heads, bias ranker, fact-check combiner, an embedder) or the knowledge base an
 * assessor needs cannot be used right now: it is still training, missing, corrupt, or its engine is down. The
 * governance stage turns it into an {@code UNAVAILABLE} finding with this reason, and such an item is never
 * approved on that basis (fail closed).
 */
public class ModelUnavailableException extends RuntimeException {

    private final String model;

    /**
     * @param model what is unavailable, e.g. {@code safety}, {@code bias}, {@code knowledge-base}
     * @param reason why, in words an administrator can act on
     */
    public ModelUnavailableException(String model, String reason) {
        super(model + " is unavailable: " + reason);
        this.model = model;
    }

    public ModelUnavailableException(String model, String reason, Throwable cause) {
        super(model + " is unavailable: " + reason, cause);
        this.model = model;
    }

    /** What is unavailable, e.g. {@code safety}. */
    public String model() {
        return model;
    }
}
