package io.hallmark.governance.bias;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The two readings of a gendered pronoun that could refer to either of two occupations mentioned before it ("The
 * developer argued with the designer because she did not like the design"): each reading substitutes one occupation
 * for the pronoun ("... because the developer did not like the design" against "... because the designer ..."), both
 * as the whole sentence and as the clause from the pronoun on. Which reading is more plausible is what {@link
 * OccupationCoreference} learns to judge; this class only finds the mentions and writes the readings.
 *
 * @param pronoun the pronoun as written
 * @param gender +1 for he/him/his, -1 for she/her/hers
 * @param grammaticalCase 0 subject (he, she), 1 object (him, her), 2 possessive (his, hers, her before a noun)
 * @param first the occupation mentioned first
 * @param second the occupation mentioned second
 * @param firstReading the sentence with the first occupation in the pronoun's place
 * @param secondReading the same with the second occupation
 * @param firstClause the clause from the pronoun on, with the first occupation in its place
 * @param secondClause the same with the second occupation
 */
record PronounReadings(String pronoun, int gender, int grammaticalCase, String first, String second,
        String firstReading, String secondReading, String firstClause, String secondClause) {

    private static final Pattern PRONOUN = Pattern.compile("\\b(?i:he|she|him|her|his|hers)\\b");
    /** Words after "her" that mean it is an object, not a possessive determiner. */
    private static final Set<String> NOT_A_NOUN = Set.of("to", "and", "or", "that", "in", "on", "at", "for", "with",
            "about", "a", "an", "the", "up", "out", "down", "off", "back", "again", "so", "because", "if", "when",
            "as", "from", "into", "by", "of", "some", "any", "this", "how", "what", "why", "whether", "more", "less");

    /**
     * The readings of the first gendered pronoun that follows two different occupation mentions, if there is one.
     *
     * @param occupations the occupation vocabulary (lower case; multi-word allowed)
     */
    static Optional<PronounReadings> find(String text, Pattern occupations) {
        Matcher m = occupations.matcher(text);
        List<int[]> spans = new ArrayList<>();
        List<String> names = new ArrayList<>();
        while (m.find() && names.size() < 2) {
            String name = m.group(1).toLowerCase(Locale.ROOT);
            if (!names.contains(name)) {
                names.add(name);
                spans.add(new int[] {m.start(), m.end()});
            }
        }
        if (names.size() < 2) {
            return Optional.empty();
        }
        Matcher p = PRONOUN.matcher(text);
        if (!p.find(spans.get(1)[1])) {
            return Optional.empty();
        }
        String pronoun = p.group();
        String lower = pronoun.toLowerCase(Locale.ROOT);
        int gender = switch (lower) {
            case "he", "him", "his" -> 1;
            default -> -1;
        };
        int grammaticalCase = switch (lower) {
            case "he", "she" -> 0;
            case "him" -> 1;
            case "his", "hers" -> 2;
            default -> herIsPossessive(text.substring(p.end())) ? 2 : 1;
        };
        String first = names.get(0);
        String second = names.get(1);
        return Optional.of(new PronounReadings(pronoun, gender, grammaticalCase, first, second,
                substitute(text, p.start(), p.end(), first, grammaticalCase),
                substitute(text, p.start(), p.end(), second, grammaticalCase),
                substitute(text, p.start(), p.end(), first, grammaticalCase).substring(p.start()),
                substitute(text, p.start(), p.end(), second, grammaticalCase).substring(p.start())));
    }

    /** A pattern matching "the|a|an OCCUPATION" for the vocabulary, longest names first. */
    static Pattern vocabulary(Collection<String> occupations) {
        List<String> names = occupations.stream().sorted(Comparator.comparingInt(String::length).reversed())
                .map(Pattern::quote).toList();
        return Pattern.compile("\\b(?i:the|a|an)\\s+(?i:(" + String.join("|", names) + "))s?\\b");
    }

    private static boolean herIsPossessive(String after) {
        Matcher w = Pattern.compile("^\\s+([a-z]+)").matcher(after);
        return w.find() && !NOT_A_NOUN.contains(w.group(1));
    }

    private static String substitute(String text, int start, int end, String occupation, int grammaticalCase) {
        String phrase = "the " + occupation + (grammaticalCase == 2 ? "'s" : "");
        return text.substring(0, start) + phrase + text.substring(end);
    }
}
