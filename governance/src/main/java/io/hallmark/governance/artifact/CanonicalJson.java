package io.hallmark.governance.artifact;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * The one JSON form artifacts are written in: map entries sorted by key (a {@code Map.copyOf} iterates in an order
 * that changes from one JVM to the next), no indentation, so the same model gives the same bytes everywhere.
 */
public final class CanonicalJson {

    /** Sorts map entries; record components keep their declared order. */
    public static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .build();

    private CanonicalJson() {}

    public static byte[] bytes(Object value) {
        try {
            return MAPPER.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write " + value.getClass().getSimpleName() + " as JSON: "
                    + e.getMessage(), e);
        }
    }
}
