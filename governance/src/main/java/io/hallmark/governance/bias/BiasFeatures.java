package io.hallmark.governance.bias;

import io.hallmark.governance.ml.TextFeatures;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The stereotype detector's features: {@link TextFeatures} plus the sentence embedding multiplied by the text's
 * grammatical gender ({@code +1} for more male than female references, {@code -1} for the reverse, 0 otherwise). A
 * linear scorer on that product can learn that a gendered reference fits some contexts (occupations, traits)
 * stereotypically, which plain features cannot express: swapping "he" for "she" flips its sign. The last feature is
 * the {@link OccupationCoreference} cue: whether a pronoun resolves to an occupation of its stereotypical gender.
 */
final class BiasFeatures {

    private static final Pattern MALE = Pattern.compile("\\b(?i:he|him|his|himself|man|men|boy|boys|father|husband|son|"
            + "brother|mr|sir|gentleman|gentlemen|guy|guys|male)\\b");
    private static final Pattern FEMALE = Pattern.compile("\\b(?i:she|her|hers|herself|woman|women|girl|girls|mother|"
            + "wife|daughter|sister|mrs|ms|lady|ladies|gal|gals|female)\\b");

    private BiasFeatures() {}

    static List<float[]> of(TextFeatures features, OccupationCoreference coreference, List<String> texts) {
        return of(features, texts, coreference.cues(features.embedder(), texts));
    }

    /** The features with given coreference cues (one per text). */
    static List<float[]> of(TextFeatures features, List<String> texts, double[] cues) {
        return of(features, texts, cues, done -> { });
    }

    /** The features with given coreference cues, telling {@code done} how many texts are embedded as it goes. */
    static List<float[]> of(TextFeatures features, List<String> texts, double[] cues,
            java.util.function.IntConsumer done) {
        List<float[]> base = features.features(texts, done);
        int e = features.embedder().dimension();
        List<float[]> out = new ArrayList<>(texts.size());
        for (int i = 0; i < texts.size(); i++) {
            float[] b = base.get(i);
            float[] v = new float[b.length + e + 1];
            System.arraycopy(b, 0, v, 0, b.length);
            int g = Integer.signum(count(MALE, texts.get(i)) - count(FEMALE, texts.get(i)));
            for (int k = 0; k < e; k++) {
                v[b.length + k] = g * b[k];
            }
            v[b.length + e] = (float) cues[i];
            out.add(v);
        }
        return out;
    }

    private static int count(Pattern p, String text) {
        Matcher m = p.matcher(text);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }
}
