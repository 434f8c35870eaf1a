package io.hallmark.imagegen.encode;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * The generation parameters written into an image's metadata: {@value #PARAMETERS_KEY} holds them as one JSON
 * object (keys sorted, so the same parameters give the same bytes), {@code Software} names the generator.
 */
public final class GenerationRecord {

    /** The PNG keyword (and JPEG comment key) of the parameters JSON. */
    public static final String PARAMETERS_KEY = "hallmark:parameters";

    private static final ObjectMapper JSON = new ObjectMapper().configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);

    private GenerationRecord() {}

    /** The metadata entries for an image: {@code Software}, {@code Description} (the prompt) and the parameters. */
    public static Map<String, String> metadata(String software, String prompt, Map<String, ?> parameters) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("Software", software);
        m.put("Description", prompt.length() > 2000 ? prompt.substring(0, 2000) : prompt);
        m.put(PARAMETERS_KEY, json(parameters));
        return m;
    }

    /** Parameters as a JSON object with sorted keys. */
    public static String json(Map<String, ?> parameters) {
        try {
            return JSON.writeValueAsString(new TreeMap<>(parameters));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Parameters are not JSON-serializable: " + e.getMessage(), e);
        }
    }
}
