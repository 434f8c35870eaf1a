package io.hallmark.core.jobs;

import io.hallmark.api.InvalidRequestException;
import java.util.regex.Pattern;

/**
 * A client's {@code Idempotency-Key} for one submission, with the SHA-256 of the request it came with: a retry with the
 * same key and the same request gets the job the first submission created; the same key with another request is
 * refused ({@link IdempotencyConflictException}). Keys are scoped to the submitting actor.
 *
 * @param key 1 to {@value #MAX_LENGTH} printable ASCII characters (a UUID is a good choice)
 * @param requestSha256 the hex SHA-256 of the request's canonical form
 */
public record IdempotencyKey(String key, String requestSha256) {

    /** The longest key accepted. */
    public static final int MAX_LENGTH = 255;

    private static final Pattern ALPHABET = Pattern.compile("[\\x21-\\x7E]{1," + MAX_LENGTH + "}");
    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

    public IdempotencyKey {
        if (key == null || !ALPHABET.matcher(key).matches()) {
            throw InvalidRequestException.of("Idempotency-Key", "The Idempotency-Key must be 1 to " + MAX_LENGTH
                    + " printable ASCII characters without spaces (a UUID, for instance)");
        }
        if (requestSha256 == null || !SHA256.matcher(requestSha256).matches()) {
            throw new IllegalArgumentException("requestSha256 must be 64 lower-case hex digits");
        }
    }
}
