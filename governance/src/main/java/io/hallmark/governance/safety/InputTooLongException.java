package io.hallmark.governance.safety;

/**
 * A request whose inputs are longer than the input screens read ({@link SafetyScreen#MAX_CHARACTERS}): it is refused
 * whole rather than screened in part (fail closed). The platform's API refuses such requests before they reach the
 * screens, so only a library caller or an over-long knowledge-base document part can meet it.
 */
public final class InputTooLongException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final long characters;

    public InputTooLongException(long characters) {
        super(String.format(java.util.Locale.ROOT, "The input screens read at most %,d characters a request (a prompt "
                + "of %,d and documents of %,d together, the platform's limits); this request has %,d: it was not "
                + "screened, and is refused rather than read in part", SafetyScreen.MAX_CHARACTERS,
                io.hallmark.api.input.FieldLimits.TEXT, io.hallmark.api.input.FieldLimits.DOCUMENTS_TOTAL, characters));
        this.characters = characters;
    }

    /** The characters of the refused request. */
    public long characters() {
        return characters;
    }
}
