package io.hallmark.api;

/** Generation stopped because it was cancelled or ran past its deadline. */
public class GenerationCancelledException extends HallmarkException {

    private static final long serialVersionUID = 1L;

    public GenerationCancelledException(String message) {
        super(message);
    }
}
