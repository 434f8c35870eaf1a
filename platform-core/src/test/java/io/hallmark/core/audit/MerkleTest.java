package io.hallmark.core.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

/** RFC 6962 tree, proofs and offline verification: known answers and properties over random trees. */
class MerkleTest {

    private static final HexFormat HEX = HexFormat.of();

    /** The eight leaves of the Certificate Transparency test vectors (RFC 6962 reference implementation). */
    private static final String[] CT_LEAVES = {"", "00", "10", "2021", "3031", "40414243", "5051525354555657",
        "606162636465666768696a6b6c6d6e6f"};
    private static final String[] CT_ROOTS = {
        "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
        "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
        "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
        "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
        "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
        "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
        "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
        "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328"};

    @Example
    void emptyTreeRootIsTheHashOfNothing() {
        assertThat(Hashes.hex(Merkle.emptyRoot()))
                .isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
        assertThat(MerkleTree.of(List.of()).root()).isEqualTo(Merkle.emptyRoot());
        assertThat(CompactRange.empty().root()).isEqualTo(Merkle.emptyRoot());
    }

    @Example
    void rootsMatchTheCertificateTransparencyTestVectors() {
        List<byte[]> leaves = new ArrayList<>();
        for (String l : CT_LEAVES) {
            leaves.add(Merkle.leafHash(HEX.parseHex(l)));
        }
        MerkleTree tree = MerkleTree.of(leaves);
        CompactRange range = CompactRange.empty();
        for (int n = 1; n <= 8; n++) {
            range.append(leaves.get(n - 1));
            assertThat(Hashes.hex(tree.root(n))).as("root of %d leaves", n).isEqualTo(CT_ROOTS[n - 1]);
            assertThat(Hashes.hex(range.root())).as("compact range root of %d leaves", n).isEqualTo(CT_ROOTS[n - 1]);
        }
    }

    @Example
    void auditPathOfTheFirstLeafInTheEightLeafTreeIsItsThreeSiblings() {
        List<byte[]> leaves = new ArrayList<>();
        for (String l : CT_LEAVES) {
            leaves.add(Merkle.leafHash(HEX.parseHex(l)));
        }
        MerkleTree tree = MerkleTree.of(leaves);
        List<byte[]> path = tree.inclusionProof(0, 8);
        assertThat(path).hasSize(3);
        assertThat(path.get(0)).isEqualTo(leaves.get(1));
        assertThat(path.get(1)).isEqualTo(Merkle.nodeHash(leaves.get(2), leaves.get(3)));
        assertThat(path.get(2)).isEqualTo(Merkle.nodeHash(Merkle.nodeHash(leaves.get(4), leaves.get(5)),
                Merkle.nodeHash(leaves.get(6), leaves.get(7))));
        // RFC 6962 2.1.3 example: the consistency proof from 3 to 7 leaves has four hashes
        assertThat(tree.consistencyProof(3, 7)).hasSize(4);
        assertThat(tree.consistencyProof(4, 7)).hasSize(1);
        assertThat(tree.consistencyProof(6, 7)).hasSize(3);
    }

    @Property(tries = 200)
    void everyLeafHasAnInclusionProofThatVerifies(@ForAll @IntRange(min = 1, max = 300) int size,
            @ForAll @LongRange(min = 0, max = Long.MAX_VALUE) long seed) {
        List<byte[]> leaves = randomLeaves(size, seed);
        MerkleTree tree = MerkleTree.of(leaves);
        byte[] root = naiveRoot(leaves, 0, size);
        assertThat(tree.root()).isEqualTo(root);
        Random random = new Random(seed);
        for (int i = 0; i < Math.min(size, 20); i++) {
            int index = random.nextInt(size);
            List<byte[]> proof = tree.inclusionProof(index, size);
            assertThat(Merkle.verifyInclusion(index, size, leaves.get(index), proof, root)).isTrue();
            // the same proof does not verify another leaf, another index or another root
            assertThat(Merkle.verifyInclusion(index, size, Merkle.leafHash(leaves.get(index)), proof, root)).isFalse();
            if (size > 1) {
                assertThat(Merkle.verifyInclusion((index + 1) % size, size, leaves.get(index), proof, root)).isFalse();
            }
            assertThat(Merkle.verifyInclusion(index, size, leaves.get(index), proof, Merkle.emptyRoot())).isFalse();
        }
    }

    @Property(tries = 200)
    void aFlippedBitInAnyProofHashIsRejected(@ForAll @IntRange(min = 2, max = 200) int size,
            @ForAll @LongRange(min = 0, max = Long.MAX_VALUE) long seed) {
        List<byte[]> leaves = randomLeaves(size, seed);
        MerkleTree tree = MerkleTree.of(leaves);
        Random random = new Random(seed ^ 0x5eed);
        int index = random.nextInt(size);
        List<byte[]> proof = new ArrayList<>(tree.inclusionProof(index, size));
        int which = random.nextInt(proof.size());
        byte[] bad = proof.get(which).clone();
        bad[random.nextInt(32)] ^= (byte) (1 << random.nextInt(8));
        proof.set(which, bad);
        assertThat(Merkle.verifyInclusion(index, size, leaves.get(index), proof, tree.root())).isFalse();
        // a proof with one hash dropped or added is rejected too
        List<byte[]> shorter = new ArrayList<>(tree.inclusionProof(index, size));
        shorter.removeLast();
        assertThat(Merkle.verifyInclusion(index, size, leaves.get(index), shorter, tree.root())).isFalse();
        List<byte[]> longer = new ArrayList<>(tree.inclusionProof(index, size));
        longer.add(Merkle.emptyRoot());
        assertThat(Merkle.verifyInclusion(index, size, leaves.get(index), longer, tree.root())).isFalse();
    }

    @Property(tries = 300)
    void consistencyProofsBetweenAnyTwoSizesVerify(@ForAll @IntRange(min = 1, max = 300) int second,
            @ForAll @IntRange(min = 0, max = 300) int firstRaw, @ForAll @LongRange(min = 0, max = Long.MAX_VALUE) long seed) {
        int first = firstRaw % (second + 1);
        List<byte[]> leaves = randomLeaves(second, seed);
        MerkleTree tree = MerkleTree.of(leaves);
        byte[] firstRoot = naiveRoot(leaves, 0, first);
        byte[] secondRoot = naiveRoot(leaves, 0, second);
        List<byte[]> proof = tree.consistencyProof(first, second);

        assertThat(Merkle.verifyConsistency(first, second, firstRoot, secondRoot, proof)).isTrue();
        if (first > 0 && first < second) {
            // a different history of the same length is not consistent
            List<byte[]> forged = new ArrayList<>(leaves);
            int changed = new Random(seed).nextInt(first);
            forged.set(changed, Merkle.leafHash(leaves.get(changed))); // surely different from the original
            byte[] forgedFirst = naiveRoot(forged, 0, first);
            assertThat(Merkle.verifyConsistency(first, second, forgedFirst, secondRoot, proof)).isFalse();
            assertThat(Merkle.verifyConsistency(first, second, firstRoot, Merkle.emptyRoot(), proof)).isFalse();
            List<byte[]> truncated = new ArrayList<>(proof);
            truncated.removeLast();
            assertThat(Merkle.verifyConsistency(first, second, firstRoot, secondRoot, truncated)).isFalse();
        }
    }

    @Property(tries = 100)
    void compactRangeRootEqualsTheTreeRootAtEverySize(@ForAll @IntRange(min = 0, max = 200) int size,
            @ForAll @LongRange(min = 0, max = Long.MAX_VALUE) long seed) {
        List<byte[]> leaves = randomLeaves(size, seed);
        MerkleTree tree = MerkleTree.of(leaves);
        CompactRange range = CompactRange.empty();
        for (int n = 1; n <= size; n++) {
            range.append(leaves.get(n - 1));
            CompactRange restored = CompactRange.of(range.size(), range.peaksBytes());
            assertThat(restored.root()).isEqualTo(tree.root(n));
        }
    }

    /** RFC 6962 section 2.1's definition, straight: the reference the fast tree is checked against. */
    private static byte[] naiveRoot(List<byte[]> leaves, int start, int end) {
        int n = end - start;
        if (n == 0) {
            return Merkle.emptyRoot();
        }
        if (n == 1) {
            return leaves.get(start);
        }
        int k = Integer.highestOneBit(n - 1);
        return Merkle.nodeHash(naiveRoot(leaves, start, start + k), naiveRoot(leaves, start + k, end));
    }

    /** Distinct random leaves (each starts with its index, so no two are equal). */
    private static List<byte[]> randomLeaves(int n, long seed) {
        Random random = new Random(seed);
        List<byte[]> leaves = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            byte[] data = new byte[4 + random.nextInt(40)];
            random.nextBytes(data);
            data[0] = (byte) (i >> 24);
            data[1] = (byte) (i >> 16);
            data[2] = (byte) (i >> 8);
            data[3] = (byte) i;
            leaves.add(Merkle.leafHash(data));
        }
        return leaves;
    }
}
