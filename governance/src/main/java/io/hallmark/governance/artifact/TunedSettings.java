package io.hallmark.governance.artifact;

import com.fasterxml.jackson.databind.JsonNode;
import io.hallmark.governance.ml.DjlTraining;
import io.hallmark.governance.safety.HeadSettings;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The settings the slow dev-split searches ({@code hallmark tune safety|bias|factcheck}) chose, committed to the
 * repository as {@code tuned-settings.json} next to this class. Training reads only these and the dev splits, so
 * every machine trains the same models; the search is run by developers, and its result is committed with the dev
 * figures that chose it.
 *
 * @param document the whole file
 */
public record TunedSettings(JsonNode document) {

    /** The resource the settings are read from. */
    public static final String RESOURCE = "tuned-settings.json";

    /** The committed settings. */
    public static TunedSettings committed() {
        try (InputStream in = TunedSettings.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("The committed tuned settings are missing from the class path: "
                        + TunedSettings.class.getPackageName().replace('.', '/') + "/" + RESOURCE);
            }
            return new TunedSettings(CanonicalJson.MAPPER.readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the committed tuned settings " + RESOURCE, e);
        }
    }

    /** The settings block of one kind ({@code safety}, {@code bias}, {@code factcheck}). */
    public JsonNode of(String kind) {
        JsonNode n = document.path(kind);
        if (n.isMissingNode()) {
            throw new IllegalArgumentException("No tuned settings for '" + kind + "' in " + RESOURCE + "; have "
                    + fieldNames(document));
        }
        return n;
    }

    /** The SHA-256 of the canonical JSON of one kind's settings block: what a model's manifest records. */
    public String hash(String kind) {
        return Hashes.sha256(CanonicalJson.bytes(of(kind)));
    }

    /** A safety head's committed settings: the candidates it averages and its calibrated threshold. */
    public record SafetyHead(List<HeadSettings> settings, double threshold, double devOutOfFoldF1) {}

    /** The committed settings of every safety head, in file order. */
    public Map<String, SafetyHead> safetyHeads() {
        Map<String, SafetyHead> out = new LinkedHashMap<>();
        of("safety").path("heads").properties().forEach(e -> {
            List<HeadSettings> settings = new ArrayList<>();
            e.getValue().path("settings").forEach(s -> settings.add(CanonicalJson.MAPPER.convertValue(s,
                    HeadSettings.class)));
            if (settings.isEmpty()) {
                throw new IllegalStateException("The safety head '" + e.getKey() + "' has no settings in " + RESOURCE);
            }
            out.put(e.getKey(), new SafetyHead(settings, e.getValue().path("threshold").asDouble(),
                    e.getValue().path("devOutOfFoldF1").asDouble()));
        });
        return out;
    }

    /** One of the bias model's training settings: {@code ranker}, {@code calibration} or {@code coreference}. */
    public DjlTraining.Settings bias(String part) {
        JsonNode n = of("bias").path(part);
        if (n.isMissingNode()) {
            throw new IllegalArgumentException("No bias settings '" + part + "' in " + RESOURCE);
        }
        return CanonicalJson.MAPPER.convertValue(n, DjlTraining.Settings.class);
    }

    private static List<String> fieldNames(JsonNode n) {
        List<String> out = new ArrayList<>();
        n.fieldNames().forEachRemaining(out::add);
        return out;
    }
}
