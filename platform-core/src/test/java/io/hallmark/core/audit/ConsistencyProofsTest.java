package io.hallmark.core.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/** The proof from an old tree's edge and the new leaves is exactly RFC 6962's proof from all the leaves. */
class ConsistencyProofsTest {

    @Property(tries = 300)
    void theProofFromTheEdgeEqualsTheProofFromEveryLeafAndVerifies(@ForAll @IntRange(min = 1, max = 300) int m,
            @ForAll @IntRange(min = 0, max = 300) int added) {
        List<byte[]> leaves = new ArrayList<>();
        for (int i = 0; i < m + added; i++) {
            leaves.add(Merkle.leafHash(("leaf " + i).getBytes()));
        }
        MerkleTree full = MerkleTree.of(leaves);
        CompactRange edge = CompactRange.empty();
        leaves.subList(0, m).forEach(edge::append);

        List<byte[]> proof = ConsistencyProofs.fromEdge(edge, leaves.subList(m, m + added));

        assertThat(proof).usingElementComparator(java.util.Arrays::compare)
                .containsExactlyElementsOf(full.consistencyProof(m, m + added));
        assertThat(Merkle.verifyConsistency(m, m + added, full.root(m), full.root(), proof)).isTrue();
    }
}
