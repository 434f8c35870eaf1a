package io.hallmark.governance.factcheck;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import opennlp.tools.sentdetect.SentenceDetectorME;
import opennlp.tools.sentdetect.SentenceModel;
import opennlp.tools.util.Span;

/**
 * Finds the checkable, atomic claims in a text: OpenNLP splits sentences (the English UD-EWT model from
 * {@code opennlp-models-sentdetect-en}); questions, opinions and instructions are dropped, and (unless
 * {@link #everySentence()}) every sentence that is not check-worthy ({@link CheckWorthiness}: narrative, dialogue,
 * feelings); coordinated
 * statements ({@code "X is A and was B"}, {@code "A; B"}) become one claim each, a subject-less second half
 * borrowing the first half's subject; a leading pronoun is replaced by the previous sentence's subject. Every
 * claim keeps the span of the characters it came from; spans are ordered and never overlap. Thread-safe.
 */
public final class ClaimExtractor {

    static final String MODEL_RESOURCE = "/opennlp-en-ud-ewt-sentence-1.3-2.5.4.bin";
    private static final SentenceModel MODEL = load();

    private static final Set<String> OPINION = Set.of("i think", "i believe", "i feel", "in my opinion", "we believe",
            "we think", "i guess", "personally", "it seems to me", "i hope", "i love", "i hate", "i prefer");
    private static final Set<String> IMPERATIVE = Set.of("please", "let", "let's", "click", "try", "consider", "note",
            "remember", "use", "do", "don't", "go", "see", "imagine", "make", "check", "read", "ask", "take", "keep",
            "avoid", "run", "open", "install", "call", "visit", "contact", "follow", "add", "remove", "write");
    private static final Set<String> PRONOUNS = Set.of("it", "he", "she", "they", "this", "its", "his", "her", "their");
    private static final Pattern VERB = Pattern.compile(
            "\\b(is|are|was|were|has|have|had|will|would|can|could|did|does|do|became|becomes|remains|remained"
                    + "|lies|lay|contains|covers|includes|won|wrote|founded|built|made|[a-z]{3,}ed|[a-z]{3,}s)\\b");
    private static final Pattern SPLIT = Pattern.compile("\\s*;\\s+|,?\\s+(?:and|but|while|whereas)\\s+");
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N}'’.-]*");

    private final ThreadLocal<SentenceDetectorME> detector = ThreadLocal.withInitial(() -> new SentenceDetectorME(MODEL));
    private final boolean checkWorthyOnly;

    /**
     * The platform's extractor: only check-worthy sentences ({@link CheckWorthiness}) are claims, so narrative,
     * dialogue and feelings are never counted against a text's factuality.
     */
    public ClaimExtractor() {
        this(true);
    }

    private ClaimExtractor(boolean checkWorthyOnly) {
        this.checkWorthyOnly = checkWorthyOnly;
    }

    /**
     * An extractor that keeps every checkable sentence, check-worthy or not: for evaluations that score the verifiers
     * on texts whose every sentence is meant as a claim (HaluEval answers, benchmarks), not for governance.
     */
    public static ClaimExtractor everySentence() {
        return new ClaimExtractor(false);
    }

    private static SentenceModel load() {
        try (InputStream in = ClaimExtractor.class.getResourceAsStream(MODEL_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("The OpenNLP sentence model " + MODEL_RESOURCE + " is not on the class "
                        + "path; add org.apache.opennlp:opennlp-models-sentdetect-en");
            }
            return new SentenceModel(in);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the OpenNLP sentence model", e);
        }
    }

    /** The sentence spans of a text (trimmed, in order). */
    public List<Span> sentences(String text) {
        return List.of(detector.get().sentPosDetect(text));
    }

    /** The claims of a text, in order of their spans. */
    public List<Claim> extract(String text) {
        List<Claim> claims = new ArrayList<>();
        String previousSubject = null;
        Set<String> characters = CheckWorthiness.characters(text);
        int index = 0;
        for (Span s : sentences(text)) {
            String sentence = text.substring(s.getStart(), s.getEnd());
            int sentenceIndex = index++;
            if (!checkable(sentence) || (checkWorthyOnly && !CheckWorthiness.checkWorthy(sentence, characters))) {
                continue;
            }
            String subject = subject(sentence);
            List<int[]> parts = parts(sentence);
            for (int[] p : parts) {
                int a = s.getStart() + p[0];
                int b = s.getStart() + p[1];
                String part = text.substring(a, b);
                if (words(part) < 3 && parts.size() > 1) {
                    continue;
                }
                String claimText = part;
                if (p[0] > 0 && subject != null && startsWithVerb(part)) {
                    claimText = subject + " " + part; // "X is A and was B": the second half borrows X
                }
                claimText = resolvePronoun(claimText, p[0] == 0 ? previousSubject : subject);
                claims.add(new Claim(finish(claimText), a, b, sentenceIndex));
            }
            if (subject != null && !PRONOUNS.contains(firstWord(subject))) {
                previousSubject = subject;
            }
        }
        return claims;
    }

    /** Whether a sentence states something: not a question, an opinion, an instruction or a fragment. */
    static boolean checkable(String sentence) {
        String s = sentence.strip();
        String lower = s.toLowerCase(Locale.ROOT);
        if (s.endsWith("?") || s.endsWith(":") || words(s) < 3) {
            return false;
        }
        for (String marker : OPINION) {
            if (lower.startsWith(marker) || lower.contains(", " + marker) || lower.contains(" " + marker + " that")) {
                return false;
            }
        }
        String first = firstWord(lower);
        return !IMPERATIVE.contains(first) && VERB.matcher(lower).find();
    }

    /** Splits at semicolons and coordinating conjunctions when both sides read as a statement. */
    private static List<int[]> parts(String sentence) {
        List<int[]> out = new ArrayList<>();
        int start = leadingSpace(sentence, 0);
        Matcher m = SPLIT.matcher(sentence);
        while (m.find()) {
            String left = sentence.substring(start, m.start());
            String right = sentence.substring(m.end());
            if (words(left) >= 3 && words(right) >= 3 && VERB.matcher(left.toLowerCase(Locale.ROOT)).find()
                    && clauseStart(right)) {
                out.add(new int[] {start, trimEnd(sentence, m.start())});
                start = m.end();
            }
        }
        int end = trimEnd(sentence, sentence.length());
        if (end > start) {
            out.add(new int[] {start, end});
        }
        return out;
    }

    /** Whether text after a conjunction starts a clause: a verb within its first four words. */
    private static boolean clauseStart(String right) {
        String[] w = right.toLowerCase(Locale.ROOT).split("\\s+", 6);
        for (int i = 0; i < Math.min(4, w.length); i++) {
            if (VERB.matcher(w[i]).matches()) {
                return true;
            }
        }
        return false;
    }

    private static boolean startsWithVerb(String part) {
        return VERB.matcher(firstWord(part.toLowerCase(Locale.ROOT))).matches();
    }

    /** The words before the first verb, when they look like a noun phrase (1-8 words). */
    static String subject(String sentence) {
        Matcher m = VERB.matcher(sentence.toLowerCase(Locale.ROOT));
        if (!m.find() || m.start() == 0) {
            return null;
        }
        String subject = sentence.substring(0, m.start()).strip();
        int n = words(subject);
        return n >= 1 && n <= 8 && !subject.contains(",") ? subject : null;
    }

    private static String resolvePronoun(String claim, String referent) {
        if (referent == null) {
            return claim;
        }
        String first = firstWord(claim.toLowerCase(Locale.ROOT));
        if (!PRONOUNS.contains(first)) {
            return claim;
        }
        String rest = claim.strip().substring(first.length());
        String ref = referent;
        boolean possessive = first.equals("its") || first.equals("his") || first.equals("her") || first.equals("their");
        return (possessive ? ref + "'s" : ref) + rest;
    }

    private static String finish(String claim) {
        String c = claim.strip();
        if (!c.isEmpty()) {
            c = Character.toUpperCase(c.charAt(0)) + c.substring(1);
        }
        return c.endsWith(".") || c.endsWith("!") ? c : c + ".";
    }

    private static String firstWord(String s) {
        Matcher m = WORD.matcher(s);
        return m.find() ? m.group().toLowerCase(Locale.ROOT) : "";
    }

    static int words(String s) {
        Matcher m = WORD.matcher(s);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }

    private static int leadingSpace(String s, int from) {
        int i = from;
        while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
            i++;
        }
        return i;
    }

    private static int trimEnd(String s, int end) {
        int i = end;
        while (i > 0 && (Character.isWhitespace(s.charAt(i - 1)) || s.charAt(i - 1) == ',')) {
            i--;
        }
        return i;
    }
}
