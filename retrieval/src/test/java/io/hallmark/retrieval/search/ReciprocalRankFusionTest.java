package io.hallmark.retrieval.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReciprocalRankFusionTest {

    private static SearchHit hit(String id) {
        return new SearchHit(id + "#0", id, 0, "", null, id, Map.of(), 1, 0, 0);
    }

    @Test
    void aChunkHighInBothListsBeatsOneAtTheTopOfOnlyOne() {
        List<SearchHit> fused = ReciprocalRankFusion.fuse(
                List.of(hit("a"), hit("b"), hit("c")), List.of(hit("b"), hit("d"), hit("a")), new FusionWeights(1, 1, 60));

        assertThat(fused).extracting(SearchHit::sourceId).containsExactly("b", "a", "d", "c");
        assertThat(fused.get(0).bm25Rank()).isEqualTo(2);
        assertThat(fused.get(0).vectorRank()).isEqualTo(1);
        assertThat(fused.get(0).score()).isCloseTo(1.0 / 62 + 1.0 / 61, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(fused.get(3).vectorRank()).isZero();
    }

    @Test
    void weightsShiftTheOrderTowardsTheHeavierList() {
        List<SearchHit> bm25 = List.of(hit("a"), hit("b"));
        List<SearchHit> vector = List.of(hit("b"), hit("a"));

        assertThat(ReciprocalRankFusion.fuse(bm25, vector, new FusionWeights(2, 1, 60)).get(0).sourceId()).isEqualTo("a");
        assertThat(ReciprocalRankFusion.fuse(bm25, vector, new FusionWeights(1, 2, 60)).get(0).sourceId()).isEqualTo("b");
        assertThat(ReciprocalRankFusion.fuse(bm25, vector, new FusionWeights(0, 1, 60)))
                .extracting(SearchHit::sourceId).containsExactly("b", "a");
    }

    @Test
    void fusingIsAPermutationOfTheUnionWithScoresDescending() {
        java.util.Random random = new java.util.Random(7);
        for (int trial = 0; trial < 200; trial++) {
            List<SearchHit> a = random.ints(10, 0, 30).distinct().mapToObj(i -> hit("s" + i)).toList();
            List<SearchHit> b = random.ints(10, 0, 30).distinct().mapToObj(i -> hit("s" + i)).toList();
            List<SearchHit> fused = ReciprocalRankFusion.fuse(a, b, new FusionWeights(random.nextDouble() + 0.01,
                    random.nextDouble(), 1 + random.nextInt(100)));
            java.util.Set<String> union = new java.util.HashSet<>();
            a.forEach(h -> union.add(h.chunkId()));
            b.forEach(h -> union.add(h.chunkId()));
            assertThat(fused).extracting(SearchHit::chunkId).containsExactlyInAnyOrderElementsOf(union);
            assertThat(fused).extracting(SearchHit::score).isSortedAccordingTo((x, y) -> Double.compare(y, x));
        }
    }

    @Test
    void badWeightsAreRejectedWithTheirValues() {
        assertThatThrownBy(() -> new FusionWeights(0, 0, 60)).hasMessageContaining("bm25=0.0 vector=0.0");
        assertThatThrownBy(() -> new FusionWeights(1, -1, 60)).hasMessageContaining("vector=-1.0");
        assertThatThrownBy(() -> new FusionWeights(1, 1, 0)).hasMessageContaining("got 0");
    }
}
