package io.hallmark.core.audit;

import java.util.ArrayList;
import java.util.List;

/**
 * An in-memory RFC 6962 tree over a fixed list of leaf hashes, for roots of any prefix, inclusion proofs and
 * consistency proofs. It keeps the hash of every complete, aligned subtree (about two hashes per leaf, in flat
 * arrays), so a proof costs O(log² n) hash look-ups: a million leaves take about 64 MB.
 */
public final class MerkleTree {

    private static final int H = Merkle.HASH_BYTES;

    /** levels[h] holds the hashes of the complete subtrees of 2^h leaves, left to right. */
    private final byte[][] levels;
    private final long size;

    private MerkleTree(byte[][] levels, long size) {
        this.levels = levels;
        this.size = size;
    }

    /** A tree over leaf hashes given as one flat array of 32-byte hashes. */
    public static MerkleTree ofFlatLeafHashes(byte[] flat) {
        if (flat.length % H != 0) {
            throw new IllegalArgumentException("Leaf hashes must be 32 bytes each; got " + flat.length + " bytes");
        }
        long n = flat.length / H;
        int height = n <= 1 ? 1 : 64 - Long.numberOfLeadingZeros(n - 1) + 1;
        byte[][] levels = new byte[height][];
        levels[0] = flat;
        for (int h = 1; h < height; h++) {
            byte[] below = levels[h - 1];
            int count = below.length / H / 2;
            byte[] level = new byte[count * H];
            byte[] left = new byte[H];
            byte[] right = new byte[H];
            for (int i = 0; i < count; i++) {
                System.arraycopy(below, 2 * i * H, left, 0, H);
                System.arraycopy(below, (2 * i + 1) * H, right, 0, H);
                System.arraycopy(Merkle.nodeHash(left, right), 0, level, i * H, H);
            }
            levels[h] = level;
        }
        return new MerkleTree(levels, n);
    }

    public static MerkleTree of(List<byte[]> leafHashes) {
        byte[] flat = new byte[leafHashes.size() * H];
        for (int i = 0; i < leafHashes.size(); i++) {
            System.arraycopy(leafHashes.get(i), 0, flat, i * H, H);
        }
        return ofFlatLeafHashes(flat);
    }

    public long size() {
        return size;
    }

    public byte[] leafHash(long index) {
        return complete(0, index);
    }

    /** The root of the tree of the first {@code n} leaves. */
    public byte[] root(long n) {
        checkSize(n);
        return n == 0 ? Merkle.emptyRoot() : hash(0, n);
    }

    public byte[] root() {
        return root(size);
    }

    /** RFC 6962 audit path of leaf {@code index} in the tree of the first {@code n} leaves, sibling first. */
    public List<byte[]> inclusionProof(long index, long n) {
        checkSize(n);
        if (index < 0 || index >= n) {
            throw new IllegalArgumentException("Leaf index " + index + " is outside a tree of " + n + " leaves");
        }
        List<byte[]> proof = new ArrayList<>();
        path(index, 0, n, proof);
        return proof;
    }

    /** RFC 6962 consistency proof between the trees of the first {@code m} and the first {@code n} leaves. */
    public List<byte[]> consistencyProof(long m, long n) {
        checkSize(n);
        if (m < 0 || m > n) {
            throw new IllegalArgumentException("Cannot prove consistency from size " + m + " to size " + n);
        }
        List<byte[]> proof = new ArrayList<>();
        if (m > 0 && m < n) {
            subproof(m, 0, n, true, proof);
        }
        return proof;
    }

    private void path(long m, long start, long end, List<byte[]> out) {
        long n = end - start;
        if (n == 1) {
            return;
        }
        long k = Merkle.splitPoint(n);
        if (m < k) {
            path(m, start, start + k, out);
            out.add(hash(start + k, end));
        } else {
            path(m - k, start + k, end, out);
            out.add(hash(start, start + k));
        }
    }

    private void subproof(long m, long start, long end, boolean whole, List<byte[]> out) {
        long n = end - start;
        if (m == n) {
            if (!whole) {
                out.add(hash(start, end));
            }
            return;
        }
        long k = Merkle.splitPoint(n);
        if (m <= k) {
            subproof(m, start, start + k, whole, out);
            out.add(hash(start + k, end));
        } else {
            subproof(m - k, start + k, end, false, out);
            out.add(hash(start, start + k));
        }
    }

    /** MTH of leaves [start, end). */
    private byte[] hash(long start, long end) {
        long n = end - start;
        if (Long.bitCount(n) == 1 && start % n == 0) {
            return complete(Long.numberOfTrailingZeros(n), start / n);
        }
        long k = Merkle.splitPoint(n);
        return Merkle.nodeHash(hash(start, start + k), hash(start + k, end));
    }

    private byte[] complete(int height, long index) {
        byte[] out = new byte[H];
        System.arraycopy(levels[height], Math.toIntExact(index * H), out, 0, H);
        return out;
    }

    private void checkSize(long n) {
        if (n < 0 || n > size) {
            throw new IllegalArgumentException("Tree size " + n + " is outside 0.." + size);
        }
    }
}
