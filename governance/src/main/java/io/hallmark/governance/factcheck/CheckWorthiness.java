package io.hallmark.governance.factcheck;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Whether a statement asserts something checkable about the world: it names an anchor a knowledge base can hold
 * (a number, a date, a named entity that is not a story character, a world-knowledge relation such as "capital of",
 * "population", "founded") or states a general present-tense fact about the world, and it does not read as
 * narrative, dialogue or feeling (first/second-person speech, a character's past-tense actions, emotion words, quoted
 * speech). "Paris is the capital of France." and "The polar bear population has been growing." are check-worthy;
 * "He was happy." and "He liked to slide in the field." are not.
 *
 * <p>A deterministic, additive score over these cues (no learned weights, so no training data licence binds it);
 * a sentence is check-worthy when its score reaches {@link #THRESHOLD}. The cues and the threshold were chosen on
 * the dev part of the check-worthiness set ({@code docs/evaluation/factcheck.md}, "Check-worthiness").
 * Thread-safe and stateless: the story characters of a text are passed in by the caller ({@link #characters}).
 */
public final class CheckWorthiness {

    /** The score from which a sentence is check-worthy. */
    public static final double THRESHOLD = 1.0;

    private static final Pattern NUMBER = Pattern.compile(
            "\\b\\d[\\d,.]*\\b|\\b(?:hundred|thousand|million|billion|trillion|percent|dozen|half|twice|per cent)\\b");
    private static final Pattern NUMBER_WORD = Pattern.compile(
            "\\b(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|first|second"
                    + "|third|fourth|fifth)\\b");
    private static final Pattern YEAR = Pattern.compile("\\b(?:1[0-9]|20)\\d\\d(?:s)?\\b|\\b\\d+(?:st|nd|rd|th) century\\b");
    private static final Pattern MONTH = Pattern.compile("\\b(?:January|February|March|April|May|June|July|August"
            + "|September|October|November|December)\\b");
    private static final Pattern CAPITALISED = Pattern.compile("(?<![\\p{L}'’])\\p{Lu}[\\p{L}'’-]+");
    private static final Pattern WORD = Pattern.compile("[\\p{L}][\\p{L}'’-]*");
    /** Speech: a sentence that opens with a quotation mark, or a quotation next to a verb of saying. */
    private static final Pattern QUOTE = Pattern.compile("^[\"“'‘]|[,!?][\"”’]\\s+(?:said|asked|shouted|cried|replied)"
            + "|\\b(?:said|asked|shouted|cried|replied)[,:]?\\s+[\"“]");
    private static final Pattern CHARACTER_NAME = Pattern.compile(
            "\\b(?:named|called)\\s+(\\p{Lu}[\\p{L}'’-]+)");

    /** Relations and attributes a knowledge base states: "the capital of", "population", "was founded". */
    private static final Set<String> WORLD = Set.of("capital", "population", "founded", "born", "died", "located",
            "country", "countries", "city", "government", "president", "minister", "official", "language", "currency",
            "largest", "smallest", "highest", "lowest", "longest", "most", "least", "percent", "average", "century",
            "climate", "temperature", "temperatures", "emissions", "carbon", "dioxide", "warming", "global", "sea",
            "ocean", "oceans", "ice", "species", "scientists", "scientific", "research", "study", "studies", "economy",
            "gdp", "export", "exports", "import", "imports", "border", "borders", "area", "region", "population's",
            "war", "independence", "invented", "discovered", "elected", "released", "album", "film", "novel", "author",
            "company", "university", "team", "league", "championship", "won", "award", "member",
            "situated", "river", "mountain", "island", "continent", "state", "states", "province",
            "headquartered", "produced", "directed", "starring", "published", "record", "level", "levels", "rate",
            "rates", "increase", "increased", "decrease", "decreased", "growing", "rising", "degrees", "energy",
            "atmosphere", "greenhouse", "fossil", "fuels", "arctic", "antarctic", "glaciers", "water", "earth", "sun",
            "solar", "planet", "cause", "causes", "caused", "consists", "contains", "includes", "known", "national",
            "international", "world", "history", "historical", "ancient", "modern", "industry", "agriculture");
    /** Speech between people: first and second person (modern and Early Modern English). */
    private static final Set<String> SPEECH = Set.of("i", "me", "my", "mine", "myself", "we", "us", "our", "ours",
            "you", "your", "yours", "yourself", "thou", "thee", "thy", "thine", "ye", "i'll", "i'm", "i've", "i'd",
            "we'll", "we're", "you're", "you'll", "let's", "o", "oh", "ah", "alas", "hath", "art", "doth", "shalt",
            "wilt", "'tis", "sir", "lord", "madam", "pray", "prithee", "hark");
    /** The plural first person of generic statements ("we know that ...") weighs less than speech to someone. */
    private static final Set<String> WE = Set.of("we", "us", "our", "ours", "we'll", "we're");
    /** Capitalised words that are not names: function words and verse-line openings. */
    private static final Set<String> NOT_NAMES = Set.of("the", "a", "an", "and", "but", "for", "yet", "which", "who",
            "whom", "whose", "what", "when", "where", "why", "how", "that", "this", "these", "those", "then", "there",
            "nay", "yea", "if", "so", "or", "nor", "as", "at", "by", "in", "on", "of", "to", "with", "from", "upon",
            "unto", "ere", "though", "still", "like", "more", "most", "no", "not", "all", "each", "every", "while",
            "whereof", "than", "be", "is", "are", "was", "were", "it", "he", "she", "they", "his", "her", "their",
            "its", "one", "some", "any", "now", "here", "well", "good", "let", "come", "go", "once", "after",
            "before", "until", "since", "because", "although", "also", "even", "only", "just", "very", "too", "do",
            "did", "does", "have", "has", "had", "will", "would", "shall", "should", "may", "might", "must", "can",
            "could", "mine", "him", "them", "whilst", "against", "into", "out", "up", "down", "over", "under");
    /** Feeling, play and the small doings of characters: what stories are made of and no knowledge base holds. */
    private static final Set<String> NARRATIVE = Set.of("happy", "sad", "angry", "scared", "afraid", "excited",
            "glad", "proud", "sorry", "upset", "lonely", "tired", "hungry", "surprised", "worried", "curious",
            "smiled", "smile", "smiles", "laughed", "laugh", "cried", "cry", "hugged", "hug", "played", "play", "plays",
            "playing", "loved", "liked", "wanted", "wants", "felt", "feel", "feels", "thought", "wished", "hoped",
            "decided", "saw", "looked", "went", "ran", "jumped", "slide", "slid", "shouted", "said", "asked",
            "replied", "nodded", "waved", "giggled", "toy", "toys", "friend", "friends", "mom", "mommy", "dad",
            "daddy", "mum", "bunny", "puppy", "kitty", "doll", "ball", "park", "garden", "tree", "day", "once",
            "upon", "fun", "nice", "pretty", "shiny", "big", "little", "bow", "together", "suddenly", "named",
            "bed", "sleep", "dream", "dreamed", "heart", "love", "kind", "brave", "silly", "yummy", "candy", "cake");
    private static final Set<String> PERSONAL = Set.of("he", "she", "they", "him", "her", "his", "them", "their");
    private static final Pattern PAST_ACTION = Pattern.compile("\\b(?:was|were|had|did|[a-z]{2,}ed)\\b");
    private static final Pattern PRESENT = Pattern.compile("\\b(?:is|are|has|have|remains|contains|consists|lies"
            + "|covers|includes|causes|means|shows|produces|uses|holds|makes|borders|represents)\\b");

    private CheckWorthiness() {}

    /** The characters a text introduces ("a girl named Lily"): names that stand for story people, not entities. */
    public static Set<String> characters(String text) {
        Set<String> names = new HashSet<>();
        Matcher m = CHARACTER_NAME.matcher(text);
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }

    /** Whether the sentence is a check-worthy claim, given the text's story characters. */
    public static boolean checkWorthy(String sentence, Set<String> characters) {
        return score(sentence, characters) >= THRESHOLD;
    }

    /** The additive cue score of a sentence (see the class comment); at least {@link #THRESHOLD} is check-worthy. */
    public static double score(String sentence, Set<String> characters) {
        return cues(sentence, characters).stream().mapToDouble(Cue::weight).sum();
    }

    /** One cue that moved the score, for explanations and tests. */
    public record Cue(String name, double weight) {}

    /** The cues that fire on a sentence, with their weights. */
    public static List<Cue> cues(String sentence, Set<String> characters) {
        String s = sentence.strip();
        String lower = s.toLowerCase(Locale.ROOT);
        List<String> words = words(lower);
        List<Cue> cues = new ArrayList<>();
        boolean number = NUMBER.matcher(lower).find() || YEAR.matcher(lower).find() || MONTH.matcher(s).find();
        if (number) {
            cues.add(new Cue("number-or-date", 1.5));
        } else if (NUMBER_WORD.matcher(lower).find()) {
            cues.add(new Cue("number-word", 0.5));
        }
        int entities = entities(s, characters);
        if (entities > 0) {
            cues.add(new Cue("named-entity", Math.min(2.0, 1.0 + 0.5 * (entities - 1))));
        }
        long world = words.stream().filter(WORLD::contains).count();
        if (world > 0) {
            cues.add(new Cue("world-relation", Math.min(1.5, 0.75 * world)));
        }
        boolean present = PRESENT.matcher(lower).find();
        if (present) {
            cues.add(new Cue("present-tense", 0.5));
        }
        long we = words.stream().filter(WE::contains).count();
        long speech = words.stream().filter(w -> SPEECH.contains(w) && !WE.contains(w)).count();
        if (speech == 0 && we > 0) {
            cues.add(new Cue("first-person-plural", -0.75));
        }
        if (speech > 0) {
            cues.add(new Cue("first-or-second-person", -1.5 - 0.5 * Math.min(2, speech - 1)));
        }
        if (QUOTE.matcher(s).find() || s.endsWith("!")) {
            cues.add(new Cue("quoted-or-exclaimed", -1.5));
        }
        long narrative = words(s).stream().filter(NARRATIVE::contains).count(); // lower case only: not "State Park"
        if (narrative > 0) {
            cues.add(new Cue("narrative-words", -Math.min(2.0, 0.75 * narrative)));
        }
        String first = words.isEmpty() ? "" : words.get(0);
        boolean characterSubject = PERSONAL.contains(first) || startsWithCharacter(s, characters);
        if (characterSubject && PAST_ACTION.matcher(lower).find() && !number && entities == 0) {
            cues.add(new Cue("character-past-action", -1.0));
        }
        if (!number && entities == 0 && world == 0 && !present) {
            cues.add(new Cue("no-anchor", -0.5));
        }
        return cues;
    }

    /** Capitalised words after the first word that are not story characters (or "I"). */
    private static int entities(String sentence, Set<String> characters) {
        Matcher m = CAPITALISED.matcher(sentence);
        int n = 0;
        boolean first = true;
        while (m.find()) {
            String w = m.group();
            boolean atStart = first && sentence.substring(0, m.start()).isBlank();
            first = false;
            if (atStart || characters.contains(w) || w.equals("I") || w.startsWith("I'")
                    || NOT_NAMES.contains(w.toLowerCase(Locale.ROOT)) || SPEECH.contains(w.toLowerCase(Locale.ROOT))) {
                continue;
            }
            n++;
        }
        // a sentence opening with a multi-word name ("New Zealand lies ...") counts its first word too
        if (n == 0 && sentence.length() > 1) {
            Matcher start = Pattern.compile("^(\\p{Lu}[\\p{L}-]+)\\s+\\p{Lu}").matcher(sentence.strip());
            if (start.find() && !characters.contains(start.group(1))) {
                n = 1;
            }
        }
        return n;
    }

    private static boolean startsWithCharacter(String sentence, Set<String> characters) {
        Matcher m = WORD.matcher(sentence);
        return m.find() && characters.contains(m.group());
    }

    private static List<String> words(String text) {
        List<String> out = new ArrayList<>();
        Matcher m = WORD.matcher(text);
        while (m.find()) {
            out.add(m.group());
        }
        return out;
    }
}
