package io.hallmark.api.signing;

/**
 * A plugin archive whose signature checked out.
 *
 * @param keyId the id of the trusted key that signed it, or {@code null} for an unsigned archive the host
 *     accepted in development mode
 * @param archiveSha256 the SHA-256 of the whole archive file
 * @param entries how many entries the signature covers
 */
public record VerifiedArchive(@org.jspecify.annotations.Nullable String keyId, String archiveSha256, int entries) {}
