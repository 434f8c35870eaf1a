package io.hallmark.core.audit;

import java.util.ArrayList;
import java.util.List;

/**
 * The right edge of an RFC 6962 tree: the roots of its complete subtrees ("peaks"), one per set bit of the
 * size, largest first. Appending a leaf and computing the root both take O(log n) hashes, so the audit log
 * can keep the tree's edge in one database row and sign checkpoints without reading every leaf. The root is
 * the peaks folded from the right: {@code node(p0, node(p1, ... node(pk-1, pk)))}, which is exactly the
 * RFC 6962 recursion, whose left part is always the largest complete subtree.
 */
public final class CompactRange {

    private static final int H = Merkle.HASH_BYTES;

    private long size;
    private final List<byte[]> peaks;

    private CompactRange(long size, List<byte[]> peaks) {
        this.size = size;
        this.peaks = peaks;
    }

    public static CompactRange empty() {
        return new CompactRange(0, new ArrayList<>());
    }

    /** Restores a range from its size and peaks concatenated ({@link #peaksBytes()}). */
    public static CompactRange of(long size, byte[] peaksBytes) {
        if (peaksBytes.length != Long.bitCount(size) * H) {
            throw new IllegalArgumentException("A tree of " + size + " leaves has " + Long.bitCount(size)
                    + " peaks, but " + peaksBytes.length + " bytes were given");
        }
        List<byte[]> peaks = new ArrayList<>();
        for (int i = 0; i < peaksBytes.length; i += H) {
            byte[] p = new byte[H];
            System.arraycopy(peaksBytes, i, p, 0, H);
            peaks.add(p);
        }
        return new CompactRange(size, peaks);
    }

    public void append(byte[] leafHash) {
        peaks.add(leafHash);
        size++;
        // merge equal-height peaks: one merge per trailing one bit of the new size minus one
        for (long s = size; (s & 1) == 0; s >>= 1) {
            byte[] right = peaks.removeLast();
            byte[] left = peaks.removeLast();
            peaks.add(Merkle.nodeHash(left, right));
        }
    }

    public long size() {
        return size;
    }

    public byte[] root() {
        if (peaks.isEmpty()) {
            return Merkle.emptyRoot();
        }
        byte[] r = peaks.getLast();
        for (int i = peaks.size() - 2; i >= 0; i--) {
            r = Merkle.nodeHash(peaks.get(i), r);
        }
        return r;
    }

    public byte[] peaksBytes() {
        byte[] out = new byte[peaks.size() * H];
        for (int i = 0; i < peaks.size(); i++) {
            System.arraycopy(peaks.get(i), 0, out, i * H, H);
        }
        return out;
    }

    /** The peaks, largest (leftmost) first: complete subtrees covering the leaves in order. */
    List<byte[]> peaks() {
        return List.copyOf(peaks);
    }

    public CompactRange copy() {
        return new CompactRange(size, new ArrayList<>(peaks));
    }
}
