/**
 * Signing plugin archives with Ed25519, for plugin developers and the host alike.
 *
 * <p>A signed archive carries two extra entries: {@code META-INF/HALLMARK.DIGESTS}, one line
 * {@code <sha256> <entry name>} per other entry in name order, and {@code META-INF/HALLMARK.SIG}, the key id and the
 * Ed25519 signature of the digests file. Changing, adding or removing any entry breaks the archive's
 * signature, and the verifier names the entry. Start at {@link io.hallmark.api.signing.PluginArchiveSigner},
 * {@link io.hallmark.api.signing.PluginArchiveVerifier} and {@link io.hallmark.api.signing.SigningKeys}.
 */
@NullMarked
package io.hallmark.api.signing;

import org.jspecify.annotations.NullMarked;
