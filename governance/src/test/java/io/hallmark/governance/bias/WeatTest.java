package io.hallmark.governance.bias;

import static org.assertj.core.api.Assertions.assertThat;

import io.hallmark.governance.testing.TestData;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WeatTest {

    @Test
    void miniLmAssociatesFlowersWithPleasantWordsMoreThanInsects() {
        List<Map<String, Object>> rows = Weat.run(TestData.features().embedder(), TestData.eval());
        assertThat(rows).hasSize(10);
        Map<String, Object> weat1 = rows.get(0);
        assertThat(weat1.get("test")).isEqualTo("WEAT1");
        assertThat((double) weat1.get("effectSize")).isGreaterThan(0.5);
        assertThat((double) weat1.get("pValue")).isLessThan(0.05);
        assertThat(rows).allSatisfy(r -> assertThat((double) r.get("effectSize")).isBetween(-2.0, 2.0));
    }
}
