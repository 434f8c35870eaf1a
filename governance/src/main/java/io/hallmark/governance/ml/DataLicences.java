package io.hallmark.governance.ml;

import java.util.Map;
import java.util.TreeMap;

/**
 * The licence of every shared eval data set, as {@code ../shared/eval/README.md} states it, and whether a model
 * trained on it may be shipped. The default governance models train only on shippable sets ({@link
 * EvalData#forTraining}); the others (no stated licence, non-commercial) are for evaluation only.
 */
public final class DataLicences {

    /**
     * A data set's licence.
     *
     * @param licence as the eval README states it
     * @param shippable whether models trained on it may ship as defaults
     */
    public record Licence(String licence, boolean shippable) {}

    private static final Map<String, Licence> BY_SET = new TreeMap<>();

    static {
        ship("advbench", "MIT");
        ship("authored", "written for this project (Hallmark's own training prompts, in the jar)");
        ship("awesome-chatgpt-prompts", "CC0-1.0");
        ship("bbq", "CC-BY-4.0");
        ship("bold", "CC-BY-SA-4.0");
        ship("crows-pairs", "CC-BY-SA-4.0");
        ship("deepset-prompt-injections", "Apache-2.0");
        ship("factbook", "Public Domain");
        ship("garak-probes", "Apache-2.0");
        ship("gpteacher", "MIT");
        ship("gsm8k-questions", "MIT");
        ship("halueval-general", "MIT");
        ship("halueval-qa", "MIT");
        ship("harmbench", "MIT");
        ship("holisticbias", "CC-BY-SA-4.0");
        ship("jailbreakbench", "MIT");
        ship("langkit-themes", "Apache-2.0");
        ship("llm-security-indirect", "MIT");
        ship("promptmap-rules", "GPL-3.0");
        ship("redinstruct-catqa-zh", "Apache-2.0");
        ship("redinstruct-harmful", "Apache-2.0");
        ship("stereoset", "CC-BY-SA-4.0");
        ship("tinyshakespeare", "public domain text (repository MIT)");
        ship("toxigen-demonstrations", "MIT");
        ship("truthfulqa", "Apache-2.0");
        ship("weat", "MIT");
        ship("winobias", "MIT");
        ship("wtq-table-instructions", "CC-BY-SA-4.0");
        ship("xstest", "CC-BY-4.0");
        evaluationOnly("climate-fever", "none stated (Wikipedia text CC BY-SA); internal use only until cleared");
        evaluationOnly("aeslc-email-instructions", "CC-BY-NC-SA-4.0; internal use only until cleared");
        evaluationOnly("alpacaeval-queries", "CC-BY-NC-4.0; internal use only until cleared");
    }

    private DataLicences() {}

    private static void ship(String set, String licence) {
        BY_SET.put(set, new Licence(licence, true));
    }

    private static void evaluationOnly(String set, String licence) {
        BY_SET.put(set, new Licence(licence, false));
    }

    /**
     * The licence of a data set.
     *
     * @throws IllegalArgumentException for a set with no recorded licence (add it here before training on it)
     */
    public static Licence of(String set) {
        Licence l = BY_SET.get(set);
        if (l == null) {
            throw new IllegalArgumentException("No licence recorded for the data set '" + set + "'; add it to "
                    + DataLicences.class.getName() + " from its SOURCE.md before training on it");
        }
        return l;
    }

    /** Every recorded set, by name. */
    public static Map<String, Licence> all() {
        return java.util.Collections.unmodifiableMap(BY_SET);
    }
}
