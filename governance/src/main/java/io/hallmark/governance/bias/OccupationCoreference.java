package io.hallmark.governance.bias;

import io.hallmark.governance.ml.LogisticModel;
import io.hallmark.retrieval.embed.Embedder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The occupational gender-stereotype cue of a sentence: when a gendered pronoun could refer to either of two
 * occupations mentioned before it, a learnt resolver judges which reading is more plausible, and the cue is the
 * pronoun's gender times the stereotypical gender of the occupation it resolves to ({@code +1} when "he" lands on a
 * majority-male occupation or "she" on a majority-female one, {@code -1} for the reverse, 0 when there is nothing to
 * resolve). The resolver is a logistic regression over the embedding differences of the two substituted readings
 * ({@link PronounReadings}: the whole sentence and the clause from the pronoun on) plus the pronoun's grammatical case;
 * the occupations and their majority genders are the statistics of the WinoBias dev split. Both are trained by
 * {@link CoreferenceTrainer} on dev only.
 *
 * @param occupationGender occupation to +1 (majority male) or -1 (majority female)
 * @param resolver the probability that the pronoun refers to the first occupation, from {@link #resolverInput}
 */
public record OccupationCoreference(Map<String, Integer> occupationGender, @Nullable LogisticModel resolver) {

    /** No cue: for detectors trained without coreference. */
    public static final OccupationCoreference NONE = new OccupationCoreference(Map.of(), null);

    public OccupationCoreference {
        occupationGender = Map.copyOf(occupationGender);
    }

    Pattern vocabulary() {
        return PronounReadings.vocabulary(occupationGender.keySet());
    }

    /** The readings of every text (empty where there is no pronoun between two known occupations). */
    List<Optional<PronounReadings>> readings(List<String> texts) {
        if (resolver == null || occupationGender.isEmpty()) {
            return texts.stream().map(t -> Optional.<PronounReadings>empty()).toList();
        }
        Pattern vocabulary = vocabulary();
        return texts.stream().map(t -> PronounReadings.find(t, vocabulary)).toList();
    }

    /** The cue of each text, in -1..1. */
    public double[] cues(Embedder embedder, List<String> texts) {
        List<Optional<PronounReadings>> readings = readings(texts);
        double[] p = firstReferentProbabilities(embedder, readings);
        double[] out = new double[texts.size()];
        for (int i = 0; i < out.length; i++) {
            if (readings.get(i).isPresent()) {
                out[i] = cue(readings.get(i).get(), p[i]);
            }
        }
        return out;
    }

    /** The cue of readings whose pronoun refers to the first occupation with probability {@code pFirst}. */
    double cue(PronounReadings r, double pFirst) {
        return r.gender() * (pFirst * occupationGender.getOrDefault(r.first(), 0)
                + (1 - pFirst) * occupationGender.getOrDefault(r.second(), 0));
    }

    /** For each present reading, the resolver's probability that the pronoun refers to the first occupation. */
    double[] firstReferentProbabilities(Embedder embedder, List<Optional<PronounReadings>> readings) {
        double[] out = new double[readings.size()];
        List<float[]> inputs = resolverInputs(embedder, readings);
        for (int i = 0; i < out.length; i++) {
            if (inputs.get(i) != null) {
                out[i] = resolver == null ? 0.5 : resolver.probability(inputs.get(i));
            }
        }
        return out;
    }

    /** The resolver's input for each present reading ({@code null} for absent ones), embedding all of them at once. */
    static List<float[]> resolverInputs(Embedder embedder, List<Optional<PronounReadings>> readings) {
        List<String> texts = new ArrayList<>();
        for (Optional<PronounReadings> r : readings) {
            r.ifPresent(x -> texts.addAll(List.of(x.firstReading(), x.secondReading(), x.firstClause(),
                    x.secondClause())));
        }
        // a WinoBias-style pair (he / she) has the same readings: embed each distinct text once
        List<String> distinct = texts.stream().distinct().toList();
        List<float[]> unique = distinct.isEmpty() ? List.of() : embedder.embedDocuments(distinct);
        java.util.Map<String, float[]> byText = new java.util.HashMap<>();
        for (int i = 0; i < distinct.size(); i++) {
            byText.put(distinct.get(i), unique.get(i));
        }
        List<float[]> e = texts.stream().map(byText::get).toList();
        List<float[]> out = new ArrayList<>(readings.size());
        int k = 0;
        for (Optional<PronounReadings> r : readings) {
            if (r.isPresent()) {
                out.add(resolverInput(e.get(k), e.get(k + 1), e.get(k + 2), e.get(k + 3), r.get().grammaticalCase()));
                k += 4;
            } else {
                out.add(null);
            }
        }
        return out;
    }

    /** The embedding differences of the readings (first minus second), then the pronoun's case one-hot. */
    static float[] resolverInput(float[] firstReading, float[] secondReading, float[] firstClause, float[] secondClause,
            int grammaticalCase) {
        int d = firstReading.length;
        float[] x = new float[2 * d + 3];
        for (int i = 0; i < d; i++) {
            x[i] = firstReading[i] - secondReading[i];
            x[d + i] = firstClause[i] - secondClause[i];
        }
        x[2 * d + grammaticalCase] = 1;
        return x;
    }
}
