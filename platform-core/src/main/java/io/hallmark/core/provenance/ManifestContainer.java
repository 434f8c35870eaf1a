package io.hallmark.core.provenance;

import java.util.Map;

/**
 * Where a file format keeps a C2PA manifest store and how C2PA binds the store to the rest of the file (the
 * hard-binding assertion). The store's position must not depend on its bytes, so a placeholder of the same length
 * gives the same binding as the signed store.
 */
interface ManifestContainer {

    /** A hard-binding assertion: its label ({@code c2pa.hash.data}, {@code c2pa.hash.bmff.v2}) and content. */
    record HardBinding(String label, Map<String, Object> assertion) {}

    /** The file with the store embedded (replacing one already there). */
    byte[] place(byte[] asset, byte[] store);

    /** The hard binding of a file as {@link #place} left it: the hash of everything but the store's own bytes. */
    HardBinding bind(byte[] placed);
}
