package io.hallmark.core.audit;

import java.security.MessageDigest;
import java.util.Arrays;
import java.util.List;

/**
 * RFC 6962 (Certificate Transparency) Merkle tree hashing and offline proof verification. Leaf hash:
 * {@code SHA-256(0x00 || leaf bytes)}; interior node: {@code SHA-256(0x01 || left || right)}; the root of the
 * empty tree is {@code SHA-256("")}. The verification functions follow RFC 9162 sections 2.1.3.2 and 2.1.4.2
 * and need nothing but the hashes: an auditor can run them without the database.
 */
public final class Merkle {

    /** Length of every hash in bytes. */
    public static final int HASH_BYTES = 32;

    private Merkle() {}

    public static byte[] leafHash(byte[] leaf) {
        MessageDigest d = Hashes.sha256();
        d.update((byte) 0x00);
        return d.digest(leaf);
    }

    public static byte[] nodeHash(byte[] left, byte[] right) {
        MessageDigest d = Hashes.sha256();
        d.update((byte) 0x01);
        d.update(left);
        return d.digest(right);
    }

    public static byte[] emptyRoot() {
        return Hashes.sha256(new byte[0]);
    }

    /** The largest power of two strictly smaller than {@code n} (n at least 2). */
    static long splitPoint(long n) {
        return Long.highestOneBit(n - 1);
    }

    /**
     * Checks that {@code leafHash} is leaf {@code index} of the tree of {@code treeSize} leaves whose root is
     * {@code root}, given the audit path {@code proof} (leaf's sibling first).
     */
    public static boolean verifyInclusion(long index, long treeSize, byte[] leafHash, List<byte[]> proof, byte[] root) {
        if (index < 0 || index >= treeSize) {
            return false;
        }
        long fn = index;
        long sn = treeSize - 1;
        byte[] r = leafHash;
        for (byte[] p : proof) {
            if (sn == 0) {
                return false;
            }
            if ((fn & 1) == 1 || fn == sn) {
                r = nodeHash(p, r);
                while ((fn & 1) == 0 && fn != 0) {
                    fn >>= 1;
                    sn >>= 1;
                }
            } else {
                r = nodeHash(r, p);
            }
            fn >>= 1;
            sn >>= 1;
        }
        return sn == 0 && Arrays.equals(r, root);
    }

    /**
     * Checks that the tree of {@code secondSize} leaves with root {@code secondRoot} extends the tree of
     * {@code firstSize} leaves with root {@code firstRoot} (appends only), given the consistency proof.
     */
    public static boolean verifyConsistency(long firstSize, long secondSize, byte[] firstRoot, byte[] secondRoot,
            List<byte[]> proof) {
        if (firstSize < 0 || secondSize < firstSize) {
            return false;
        }
        if (firstSize == secondSize) {
            return proof.isEmpty() && Arrays.equals(firstRoot, secondRoot);
        }
        if (firstSize == 0) {
            return proof.isEmpty(); // the empty tree is a prefix of every tree
        }
        if (proof.isEmpty()) {
            return false;
        }
        List<byte[]> path = proof;
        if (Long.bitCount(firstSize) == 1) {
            path = new java.util.ArrayList<>(proof.size() + 1);
            path.add(firstRoot);
            path.addAll(proof);
        }
        long fn = firstSize - 1;
        long sn = secondSize - 1;
        while ((fn & 1) == 1) {
            fn >>= 1;
            sn >>= 1;
        }
        byte[] fr = path.get(0);
        byte[] sr = path.get(0);
        for (int i = 1; i < path.size(); i++) {
            byte[] c = path.get(i);
            if (sn == 0) {
                return false;
            }
            if ((fn & 1) == 1 || fn == sn) {
                fr = nodeHash(c, fr);
                sr = nodeHash(c, sr);
                while ((fn & 1) == 0 && fn != 0) {
                    fn >>= 1;
                    sn >>= 1;
                }
            } else {
                sr = nodeHash(sr, c);
            }
            fn >>= 1;
            sn >>= 1;
        }
        return sn == 0 && Arrays.equals(fr, firstRoot) && Arrays.equals(sr, secondRoot);
    }
}
