package io.hallmark.core.persistence;

import java.security.SecureRandom;
import java.util.UUID;

/** Time-ordered identifiers (UUID version 7, RFC 9562): sortable by creation time, friendly to B-tree indexes. */
public final class Ids {

    private static final SecureRandom RANDOM = new SecureRandom();

    private Ids() {}

    /** A new version-7 UUID: 48 bits of Unix milliseconds, then 74 random bits. */
    public static UUID newId() {
        long millis = System.currentTimeMillis();
        long randA = RANDOM.nextInt(1 << 12);
        long msb = (millis << 16) | (0x7L << 12) | randA;
        long lsb = (RANDOM.nextLong() & 0x3FFF_FFFF_FFFF_FFFFL) | 0x8000_0000_0000_0000L;
        return new UUID(msb, lsb);
    }
}
