package io.hallmark.core.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class CanonicalJsonTest {

    @Test
    void sortsKeysAndDropsWhitespace() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("b", List.of(1, 2));
        m.put("a", Map.of("z", true, "y", "x"));
        m.put("c", null);
        assertThat(CanonicalJson.string(m)).isEqualTo("{\"a\":{\"y\":\"x\",\"z\":true},\"b\":[1,2],\"c\":null}");
    }

    @Test
    void writesNumbersAsTheirExactShortestPlainDecimal() {
        assertThat(CanonicalJson.string(List.of(1.0, 0.1, 1e-3, -0.0, 100, new BigDecimal("2.500"), 1e21)))
                .isEqualTo("[1,0.1,0.001,0,100,2.5,1000000000000000000000]");
        assertThat(CanonicalJson.canonicalize("[1.0, 0.1, 1e-3, -0.0, 1E2, 2.500]")).isEqualTo("[1,0.1,0.001,0,100,2.5]");
    }

    @Test
    void escapesOnlyWhatJsonRequires() {
        assertThat(CanonicalJson.string("a\"b\\c\n\u0001é€😀")).isEqualTo("\"a\\\"b\\\\c\\n\\u0001é€😀\"");
        assertThatThrownBy(() -> CanonicalJson.string("nul\u0000")).hasMessageContaining("U+0000");
        assertThatThrownBy(() -> CanonicalJson.string(Double.NaN)).hasMessageContaining("NaN");
    }

    @Property(tries = 300)
    void reparsingCanonicalTextGivesTheSameBytes(@ForAll("payloads") Map<String, Object> payload) {
        String canonical = CanonicalJson.string(payload);
        // PostgreSQL's jsonb re-orders keys, adds spaces and keeps exact decimals: the same canonical text
        String pretty = CanonicalJson.parse(canonical).toPrettyString();
        assertThat(CanonicalJson.canonicalize(pretty)).isEqualTo(canonical);
    }

    @Provide
    Arbitrary<Map<String, Object>> payloads() {
        Arbitrary<Object> scalar = Arbitraries.oneOf(
                Arbitraries.strings().ofMaxLength(20).filter(s -> s.indexOf(0) < 0
                        && s.chars().noneMatch(c -> Character.isSurrogate((char) c))).map(s -> (Object) s),
                Arbitraries.integers().map(i -> (Object) i),
                Arbitraries.longs().map(l -> (Object) l),
                Arbitraries.doubles().between(-1e12, 1e12).map(d -> (Object) d),
                Arbitraries.of(true, false).map(b -> (Object) b));
        Arbitrary<Object> list = scalar.list().ofMaxSize(4).map(l -> (Object) l);
        Arbitrary<Object> value = Arbitraries.oneOf(scalar, list);
        return Combinators.combine(Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(8).list().ofMaxSize(6),
                value.list().ofSize(6)).as((keys, values) -> {
                    Map<String, Object> m = new LinkedHashMap<>();
                    for (int i = 0; i < keys.size(); i++) {
                        m.put(keys.get(i), values.get(i));
                    }
                    return m;
                });
    }
}
