package io.hallmark.governance.factcheck.verify;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The surface facts of a sentence the consistency checks compare: content words, numbers, names, negation. */
public record TextSignals(Set<String> content, Set<String> numbers, Set<String> names, boolean negated,
        Set<String> stems) {

    private static final Pattern TOKEN = Pattern.compile("[\\p{L}][\\p{L}'’-]*|\\d[\\d,.]*%?");
    private static final Pattern NUMBER = Pattern.compile("\\d+(?:[.,]\\d+)*");
    private static final Pattern NAME = Pattern.compile("\\b\\p{Lu}[\\p{L}-]+(?:\\s+\\p{Lu}[\\p{L}-]+)*");
    private static final Set<String> NEGATIONS = Set.of("not", "no", "never", "none", "nobody", "nothing", "neither",
            "nor", "cannot", "can't", "don't", "doesn't", "didn't", "isn't", "aren't", "wasn't", "weren't", "won't",
            "hasn't", "haven't", "hadn't", "without", "n't");
    private static final Set<String> STOP = Set.of("the", "a", "an", "of", "in", "on", "at", "to", "for", "by", "with",
            "and", "or", "but", "is", "are", "was", "were", "be", "been", "being", "it", "its", "this", "that", "these",
            "those", "as", "from", "has", "have", "had", "which", "who", "whom", "than", "then", "there", "their",
            "they", "he", "she", "his", "her", "we", "our", "you", "your", "i", "my", "will", "would", "can", "could",
            "do", "does", "did", "so", "such", "also", "about", "into", "over", "more", "most", "some", "any", "all",
            "very", "what", "when", "where", "how", "up", "out", "if", "may", "might", "should", "must", "s");
    private static final Set<String> NAME_STOP = Set.of("The", "A", "An", "It", "In", "On", "This", "That", "These",
            "There", "They", "He", "She", "We", "I", "But", "And", "Its", "His", "Her", "As", "At", "By", "For", "If");
    /** Pairs of opposites, by stem; each direction is listed. */
    static final Map<String, String> ANTONYMS = antonyms("increase:decrease", "increase:decline", "increase:reduce",
            "rise:fall", "rise:drop", "rise:decline", "rise:decrease", "raise:lower", "grow:shrink", "grow:decline",
            "growing:declining", "higher:lower", "more:less", "more:fewer", "warming:cooling", "warm:cool",
            "warmer:cooler", "hot:cold", "gain:loss", "large:small", "largest:smallest", "bigger:smaller",
            "before:after", "earlier:later", "first:last", "north:south", "east:west", "true:false", "accept:reject",
            "win:lose", "won:lost", "alive:dead", "positive:negative", "strong:weak", "fast:slow", "expand:contract",
            "major:minor", "maximum:minimum", "above:below", "advance:retreat", "melt:freeze", "thicken:thin",
            "accelerate:decelerate", "support:oppose", "same:different", "safe:dangerous", "human:natural",
            "increasing:falling", "gaining:losing", "thicker:thinner", "stable:unstable", "likely:unlikely");

    private static Map<String, String> antonyms(String... pairs) {
        Map<String, String> m = new java.util.HashMap<>();
        for (String p : pairs) {
            String[] ab = p.split(":");
            String a = stem(ab[0]);
            String b = stem(ab[1]);
            m.merge(a, b, (x, y) -> x.equals(y) || x.contains(y) ? x : x + "|" + y);
            m.merge(b, a, (x, y) -> x.equals(y) || x.contains(y) ? x : x + "|" + y);
        }
        return Map.copyOf(m);
    }

    /** Reads a sentence. */
    public static TextSignals of(String text) {
        Set<String> content = new LinkedHashSet<>();
        Set<String> stems = new LinkedHashSet<>();
        Set<String> numbers = new LinkedHashSet<>();
        boolean negated = false;
        Matcher t = TOKEN.matcher(text);
        while (t.find()) {
            String w = t.group().toLowerCase(Locale.ROOT).replace('’', '\'');
            if (NEGATIONS.contains(w) || w.endsWith("n't")) {
                negated = true;
                continue;
            }
            if (Character.isDigit(w.charAt(0))) {
                Matcher n = NUMBER.matcher(w);
                if (n.find()) {
                    numbers.add(normaliseNumber(n.group()));
                }
                content.add(w);
                continue;
            }
            if (!STOP.contains(w) && w.length() > 1) {
                content.add(w);
                stems.add(stem(w));
            }
        }
        Set<String> names = new LinkedHashSet<>();
        Matcher n = NAME.matcher(text);
        while (n.find()) {
            String name = n.group();
            String first = name.split("\\s+")[0];
            if (NAME_STOP.contains(first)) {
                name = name.substring(first.length()).strip();
            }
            boolean sentenceStart = n.start() == 0;
            if (!name.isEmpty() && !(sentenceStart && !name.contains(" ") && NAME_STOP.contains(name))) {
                names.add(name.toLowerCase(Locale.ROOT));
            }
        }
        return new TextSignals(Set.copyOf(content), Set.copyOf(numbers), Set.copyOf(names), negated, Set.copyOf(stems));
    }

    static String normaliseNumber(String n) {
        String s = n.replace(",", "");
        if (s.endsWith(".")) {
            s = s.substring(0, s.length() - 1);
        }
        try {
            double v = Double.parseDouble(s);
            return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
        } catch (NumberFormatException e) {
            return s;
        }
    }

    /** A crude suffix-stripping stem: enough to match "increased" with "increases" and "increasing". */
    public static String stem(String w) {
        String s = w.toLowerCase(Locale.ROOT);
        for (String suffix : new String[] {"ations", "ation", "ings", "ing", "edly", "ed", "es", "ly", "s", "e"}) {
            if (s.length() > suffix.length() + 2 && s.endsWith(suffix)) {
                return s.substring(0, s.length() - suffix.length());
            }
        }
        return s;
    }

    /** The share of this text's content words (by stem) that occur in the other text, 0..1. */
    public double coverageBy(TextSignals other) {
        if (stems.isEmpty() && numbers.isEmpty()) {
            return 0;
        }
        int hit = 0;
        for (String s : stems) {
            if (other.stems.contains(s)) {
                hit++;
            }
        }
        for (String n : numbers) {
            if (other.numbers.contains(n)) {
                hit++;
            }
        }
        return (double) hit / (stems.size() + numbers.size());
    }

    /** Stem pairs (mine, theirs) that are opposites. */
    public List<String> antonymsIn(TextSignals other) {
        List<String> out = new ArrayList<>();
        for (String s : stems) {
            String opposite = ANTONYMS.get(s);
            if (opposite == null) {
                continue;
            }
            for (String o : opposite.split("\\|")) {
                if (other.stems.contains(o) && !other.stems.contains(s)) {
                    out.add(s + "/" + o);
                }
            }
        }
        return out;
    }
}
