package io.hallmark.core.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.hallmark.api.Modality;
import io.hallmark.core.persistence.ContentItem;
import io.hallmark.core.testing.PostgresExtension;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The last guard before jsonb: what PostgreSQL refuses is replaced, everything else is left byte for byte. */
@ExtendWith(PostgresExtension.class)
class JsonbTextTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final Database db;

    JsonbTextTest(Database db) {
        this.db = db;
    }

    @Test
    void postgresRefusesANulEscapeAndTakesTheGuardedText() throws Exception {
        String evidence = JSON.writeValueAsString(Map.of("passage", "tower\u0000light", "source", "doc\u0000"));
        assertThat(evidence).contains("\\u0000");

        assertThatThrownBy(() -> select(evidence)).isInstanceOf(SQLException.class)
                .hasMessageContaining("unsupported Unicode escape sequence");
        String stored = select(JsonbText.storable(evidence));

        assertThat(JSON.readTree(stored).path("passage").asText()).isEqualTo("tower\uFFFDlight");
        assertThat(JSON.readTree(stored).path("source").asText()).isEqualTo("doc\uFFFD");
    }

    @Test
    void unpairedSurrogatesAreReplacedAndPairsKept() throws Exception {
        assertThat(JsonbText.storable("{\"a\":\"\\ud83d\\ude00\"}")).isEqualTo("{\"a\":\"\\ud83d\\ude00\"}");
        assertThat(JsonbText.storable("{\"a\":\"x\\ud83dy\"}")).isEqualTo("{\"a\":\"x\\ufffdy\"}");
        assertThat(JsonbText.storable("{\"a\":\"\\ude00\"}")).isEqualTo("{\"a\":\"\\ufffd\"}");
        assertThat(JsonbText.storable("{\"a\":\"raw\ud83d\"}")).isEqualTo("{\"a\":\"raw\\ufffd\"}");
        assertThat(select(JsonbText.storable("{\"a\":\"x\\ud83dy\"}"))).contains("x\uFFFDy");
    }

    @Test
    void anEscapedBackslashBeforeU0000IsText() {
        String json = "{\"path\":\"C:\\\\u0000\"}"; // the characters C, :, \, u, 0, 0, 0, 0
        assertThat(JsonbText.storable(json)).isEqualTo(json);
        assertThat(JsonbText.storable("{\"a\":\"\\\\\\u0000\"}")).isEqualTo("{\"a\":\"\\\\\\ufffd\"}");
    }

    @Test
    void hibernateJsonColumnsGoThroughTheGuard() {
        ContentItem item = new ContentItem(Modality.TEXT, "Once upon a time");
        item.setParameters(Map.of("stop", List.of("end\u0000")));
        db.useTransaction(s -> s.persist(item));

        ContentItem loaded = db.inTransaction(s -> s.find(ContentItem.class, item.id()));

        assertThat(loaded.parameters()).containsEntry("stop", List.of("end\uFFFD"));
    }

    private String select(String json) throws SQLException {
        try (Connection c = db.dataSource().getConnection();
                PreparedStatement ps = c.prepareStatement("select ?::jsonb::text")) {
            ps.setString(1, json);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        }
    }
}
