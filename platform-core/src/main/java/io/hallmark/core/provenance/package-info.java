/**
 * Provenance marking of generated artifacts: {@link io.hallmark.core.provenance.ProvenanceMarker} signs a
 * {@link io.hallmark.core.provenance.ProvenanceManifest} with the platform key, embeds it in PNG files
 * ({@link io.hallmark.core.provenance.PngChunks}) and MP4 files ({@link io.hallmark.core.provenance.Mp4Boxes}) and
 * writes a sidecar for every medium; {@link io.hallmark.core.provenance.ProvenanceVerifier} checks a file offline.
 * PNG, JPEG ({@link io.hallmark.core.provenance.JpegSegments}) and MP4 files also carry the marks other tools read:
 * an XMP packet with IPTC's digital source type ({@link io.hallmark.core.provenance.XmpPacket}) and C2PA Content
 * Credentials ({@link io.hallmark.core.provenance.ContentCredentials}: JUMBF manifest store, CBOR claim and
 * assertions, COSE_Sign1 with the X.509 chain of {@link io.hallmark.core.provenance.SigningCredential}).
 */
package io.hallmark.core.provenance;
