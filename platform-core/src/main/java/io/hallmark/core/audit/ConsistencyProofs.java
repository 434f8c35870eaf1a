package io.hallmark.core.audit;

import java.util.ArrayList;
import java.util.List;

/**
 * RFC 6962 (section 2.1.2) consistency proofs computed from the old tree's right edge and the leaves appended since,
 * without the old leaves: every node such a proof takes from the old tree is one of the old tree's peaks. This is
 * what lets the witness client prove a checkpoint of a million-event log from the one the witness saw a minute ago
 * by reading only the last minute's events.
 */
public final class ConsistencyProofs {

    private ConsistencyProofs() {}

    /**
     * The proof from the tree {@code old} describes to that tree extended by {@code newLeaves}.
     *
     * @throws IllegalArgumentException when {@code old} is empty (nothing to prove from)
     */
    public static List<byte[]> fromEdge(CompactRange old, List<byte[]> newLeaves) {
        long m = old.size();
        if (m == 0) {
            throw new IllegalArgumentException("No consistency proof from an empty tree");
        }
        long n = m + newLeaves.size();
        List<byte[]> out = new ArrayList<>();
        if (m == n) {
            return out;
        }
        Nodes nodes = new Nodes(old, newLeaves);
        subproof(m, 0, n, true, nodes, out);
        return out;
    }

    private static void subproof(long m, long lo, long hi, boolean whole, Nodes nodes, List<byte[]> out) {
        long n = hi - lo;
        if (m == n) {
            if (!whole) {
                out.add(nodes.hash(lo, hi));
            }
            return;
        }
        long k = Long.highestOneBit(n - 1);
        if (m <= k) {
            subproof(m, lo, lo + k, whole, nodes, out);
            out.add(nodes.hash(lo + k, hi));
        } else {
            subproof(m - k, lo + k, hi, false, nodes, out);
            out.add(nodes.hash(lo, lo + k));
        }
    }

    /** Hashes of the subtrees a proof needs: an old peak, or a range of new leaves. */
    private record Nodes(CompactRange old, List<byte[]> newLeaves) {

        byte[] hash(long lo, long hi) {
            long m = old.size();
            if (lo >= m) {
                return MerkleTree.of(newLeaves.subList((int) (lo - m), (int) (hi - m))).root();
            }
            long start = 0;
            for (byte[] peak : old.peaks()) {
                long width = Long.highestOneBit((m - start));
                if (start == lo && start + width == hi) {
                    return peak;
                }
                start += width;
            }
            throw new IllegalStateException("A consistency proof node [" + lo + ", " + hi + ") is not a peak of the "
                    + "old tree of size " + m);
        }
    }
}
