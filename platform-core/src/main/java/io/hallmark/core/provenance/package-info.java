/**
 * Provenance marking of generated artifacts: {@link io.hallmark.core.provenance.ProvenanceMarker} signs a
 * {@link io.hallmark.core.provenance.ProvenanceManifest} with the platform key, embeds it in PNG files
 * ({@link io.hallmark.core.provenance.PngChunks}) and writes a sidecar for every medium;
 * {@link io.hallmark.core.provenance.ProvenanceVerifier} checks a file offline. Not a full C2PA manifest:
 * see {@code docs/audit.md}.
 */
package io.hallmark.core.provenance;
