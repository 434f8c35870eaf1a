package io.hallmark.governance.safety.encoding;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.codec.binary.Base32;
import org.apache.commons.codec.binary.Hex;

/**
 * Finds runs of a text that are encoded text and decodes them: base64 (standard and URL-safe), base32, hex (base16),
 * ASCII85 (with or without {@code <~ ~>}), percent-encoding (a run with at least {@value #MIN_PERCENT_ESCAPES} {@code
 * %XX} escapes), ROT13 and Morse. A decoding is accepted only when it is readable text ({@link #readable}: valid
 * UTF-8, no control characters, at least {@value #MIN_DECODED} characters, a fair share of letters), and a ROT13
 * reading only when it reads markedly more like English or code than the original ({@link #rot13Reads}).
 *
 * <p>Work is linear in the text: each encoding's runs are found by one scan (possessive patterns, no backtracking
 * across runs), each run is decoded once, and at most {@value #MAX_SPANS} spans are returned (the first ones by
 * position). Garbage never throws: a run that does not decode is not a span.
 *
 * <p>Decoding uses the JDK ({@link Base64}, {@link java.net.URLDecoder}) and commons-codec ({@link Base32}, {@link
 * Hex}); ASCII85, ROT13 and Morse have no decoder there and are decoded here.
 */
public final class EncodedSpans {

    /**
     * A decoded run of a text.
     *
     * @param start its first character in the text
     * @param end one past its last
     * @param encoding {@code base64}, {@code base64url}, {@code base32}, {@code hex}, {@code ascii85}, {@code
     *     percent}, {@code rot13} or {@code morse}
     * @param decoded the decoded text
     */
    public record Span(int start, int end, String encoding, String decoded) {

        /** The encoded run itself. */
        public String encoded(String text) {
            return text.substring(start, end);
        }
    }

    /** The most spans one text yields (the first by position); past it a text's runs are not decoded. */
    public static final int MAX_SPANS = 32;

    /** The fewest characters of a base64, base32 or hex run (8-12 bytes): shorter ones are words and numbers. */
    static final int MIN_RUN = 16;

    /** The fewest characters of an ASCII85 run without {@code <~ ~>} (12 bytes). */
    static final int MIN_ASCII85 = 15;

    /** The fewest {@code %XX} escapes of a percent-encoded run: a URL with a {@code %20} or two is left alone. */
    static final int MIN_PERCENT_ESCAPES = 3;

    /** The fewest Morse codes of a Morse run. */
    static final int MIN_MORSE_CODES = 5;

    /** The fewest characters of an accepted decoding. */
    static final int MIN_DECODED = 4;

    private static final Pattern HEX = Pattern.compile("(?<![0-9A-Za-z+/])[0-9A-Fa-f]{16,}+(?![0-9A-Za-z+/=])");
    private static final Pattern BASE32 = Pattern.compile("(?<![0-9A-Za-z+/])[A-Z2-7]{16,}+=*+(?![0-9A-Za-z+/=])");
    private static final Pattern BASE64 = Pattern.compile("(?<![0-9A-Za-z+/_-])[0-9A-Za-z+/_-]{16,}+=*+(?![0-9A-Za-z"
            + "+/=_-])");
    private static final Pattern ASCII85_MARKED = Pattern.compile("<~([!-uz\\s]{1,}+)~>");
    private static final Pattern TOKEN = Pattern.compile("\\S++");
    private static final Pattern PERCENT_ESCAPE = Pattern.compile("%[0-9A-Fa-f]{2}");
    private static final Pattern MORSE = Pattern.compile("(?<![\\w.-])[.-]{1,7}+(?:(?: ?/ ?| {1,3})[.-]{1,7}+){4,}+"
            + "(?![\\w.-])");
    private static final Pattern WORD = Pattern.compile("[A-Za-z]++");

    /** The order in which overlapping readings of one run are preferred: the narrowest alphabet first. */
    private static final List<String> PRIORITY = List.of("hex", "base32", "base64", "base64url", "percent",
            "ascii85", "morse", "rot13");

    private EncodedSpans() {}

    /**
     * The encoded runs of {@code text}, decoded, by position, without overlaps (of two readings of overlapping runs
     * the one of the narrower alphabet is kept: hex before base32 before base64), at most {@link #MAX_SPANS}.
     */
    public static List<Span> find(String text) {
        List<Span> candidates = new ArrayList<>();
        ascii85Marked(text, candidates);
        runs(text, HEX, "hex", candidates);
        runs(text, BASE32, "base32", candidates);
        runs(text, BASE64, "base64", candidates);
        tokens(text, candidates);
        morse(text, candidates);
        rot13(text, candidates);
        candidates.sort(Comparator.comparingInt((Span s) -> PRIORITY.indexOf(s.encoding()))
                .thenComparingInt(Span::start));
        List<Span> kept = new ArrayList<>();
        for (Span s : candidates) {
            if (kept.stream().noneMatch(k -> k.start() < s.end() && s.start() < k.end())) {
                kept.add(s);
            }
        }
        kept.sort(Comparator.comparingInt(Span::start));
        return List.copyOf(kept.subList(0, Math.min(MAX_SPANS, kept.size())));
    }

    /** Whether each candidate finder may still add spans (bounds the work on a text full of runs). */
    private static boolean room(List<Span> out) {
        return out.size() < 8 * MAX_SPANS;
    }

    private static void runs(String text, Pattern pattern, String encoding, List<Span> out) {
        Matcher m = pattern.matcher(text);
        while (m.find() && room(out)) {
            String run = m.group();
            if (run.chars().allMatch(c -> c >= '0' && c <= '9' || c == '=')) {
                continue; // a number
            }
            String decoded = switch (encoding) {
                case "hex" -> hex(run);
                case "base32" -> base32(run);
                default -> null;
            };
            String name = encoding;
            if (encoding.equals("base64")) {
                boolean urlSafe = run.indexOf('-') >= 0 || run.indexOf('_') >= 0;
                name = urlSafe ? "base64url" : "base64";
                decoded = base64(run, urlSafe);
            }
            if (decoded != null) {
                out.add(new Span(m.start(), m.end(), name, decoded));
            }
        }
    }

    static String hex(String run) {
        if (run.length() % 2 != 0) {
            return null;
        }
        try {
            return readable(Hex.decodeHex(run));
        } catch (org.apache.commons.codec.DecoderException e) {
            return null;
        }
    }

    static String base32(String run) {
        String body = run.replaceAll("=+$", "");
        int rest = body.length() % 8;
        if (rest == 1 || rest == 3 || rest == 6) {
            return null; // no whole byte ends there
        }
        Base32 codec = new Base32(0, null, false, (byte) '=', org.apache.commons.codec.CodecPolicy.STRICT);
        try {
            String padded = body + "=".repeat((8 - rest) % 8);
            return codec.isInAlphabet(body) ? readable(codec.decode(padded)) : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    static String base64(String run, boolean urlSafe) {
        if (urlSafe && (run.indexOf('+') >= 0 || run.indexOf('/') >= 0)) {
            return null;
        }
        String body = run.replaceAll("=+$", "");
        if (body.length() % 4 == 1) {
            return null;
        }
        try {
            Base64.Decoder decoder = urlSafe ? Base64.getUrlDecoder() : Base64.getDecoder();
            return readable(decoder.decode(body));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static void ascii85Marked(String text, List<Span> out) {
        Matcher m = ASCII85_MARKED.matcher(text);
        while (m.find() && room(out)) {
            String decoded = ascii85(m.group(1).replaceAll("\\s+", ""));
            if (decoded != null) {
                out.add(new Span(m.start(), m.end(), "ascii85", decoded));
            }
        }
    }

    /** Whitespace-free tokens: percent-encoded ones, and bare ASCII85 ones (which hold punctuation besides letters). */
    private static void tokens(String text, List<Span> out) {
        Matcher m = TOKEN.matcher(text);
        while (m.find() && room(out)) {
            String token = m.group();
            String decoded = percent(token);
            if (decoded != null) {
                out.add(new Span(m.start(), m.end(), "percent", decoded));
                continue;
            }
            if (token.length() >= MIN_ASCII85 && token.chars().allMatch(c -> c >= '!' && c <= 'u' || c == 'z')
                    && token.chars().anyMatch(c -> !Character.isLetterOrDigit(c))) {
                decoded = ascii85(token);
                if (decoded != null) {
                    out.add(new Span(m.start(), m.end(), "ascii85", decoded));
                }
            }
        }
    }

    static String percent(String token) {
        Matcher escapes = PERCENT_ESCAPE.matcher(token);
        int n = 0;
        while (n < MIN_PERCENT_ESCAPES && escapes.find()) {
            n++;
        }
        if (n < MIN_PERCENT_ESCAPES) {
            return null;
        }
        // '+' stays a plus (it is a space only in HTML forms) and a '%' that starts no escape stays a '%'
        String escaped = token.replace("+", "%2B").replaceAll("%(?![0-9A-Fa-f]{2})", "%25");
        try {
            String decoded = java.net.URLDecoder.decode(escaped, StandardCharsets.UTF_8);
            return decoded.indexOf('\uFFFD') >= 0 ? null : readable(decoded);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** ASCII85 (Adobe/btoa alphabet {@code !..u}, {@code z} for four zero bytes), a last partial group padded. */
    static String ascii85(String run) {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream(run.length());
        long value = 0;
        int count = 0;
        for (int i = 0; i < run.length(); i++) {
            char c = run.charAt(i);
            if (c == 'z' && count == 0) {
                bytes.writeBytes(new byte[4]);
                continue;
            }
            if (c < '!' || c > 'u') {
                return null;
            }
            value = value * 85 + (c - '!');
            if (++count == 5) {
                if (value > 0xFFFFFFFFL) {
                    return null;
                }
                for (int shift = 24; shift >= 0; shift -= 8) {
                    bytes.write((int) (value >>> shift) & 0xFF);
                }
                value = 0;
                count = 0;
            }
        }
        if (count == 1) {
            return null;
        }
        if (count > 0) {
            for (int k = count; k < 5; k++) {
                value = value * 85 + 84;
            }
            if (value > 0xFFFFFFFFL) {
                return null;
            }
            for (int k = 0, shift = 24; k < count - 1; k++, shift -= 8) {
                bytes.write((int) (value >>> shift) & 0xFF);
            }
        }
        return readable(bytes.toByteArray());
    }

    private static final Map<String, Character> MORSE_CODES = morseCodes();

    private static Map<String, Character> morseCodes() {
        String[] codes = {".-", "-...", "-.-.", "-..", ".", "..-.", "--.", "....", "..", ".---", "-.-", ".-..", "--",
            "-.", "---", ".--.", "--.-", ".-.", "...", "-", "..-", "...-", ".--", "-..-", "-.--", "--..", "-----",
            ".----", "..---", "...--", "....-", ".....", "-....", "--...", "---..", "----.", ".-.-.-", "--..--",
            "..--..", "-.-.--", "-..-.", "---...", "-.--.", "-.--.-", ".----.", ".-..-.", "-...-", ".-.-.", "-....-"};
        String chars = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.,?!/:()'\"=+-";
        Map<String, Character> map = new java.util.HashMap<>();
        for (int i = 0; i < codes.length; i++) {
            map.put(codes[i], chars.charAt(i));
        }
        return Map.copyOf(map);
    }

    private static void morse(String text, List<Span> out) {
        Matcher m = MORSE.matcher(text);
        while (m.find() && room(out)) {
            String decoded = morse(m.group());
            if (decoded != null) {
                out.add(new Span(m.start(), m.end(), "morse", decoded));
            }
        }
    }

    /** Morse: codes split by spaces, words by {@code /}; every code must be one; both dots and dashes occur. */
    static String morse(String run) {
        if (run.indexOf('.') < 0 || run.indexOf('-') < 0) {
            return null;
        }
        StringBuilder sb = new StringBuilder();
        int codes = 0;
        for (String word : run.strip().split("\\s*/\\s*")) {
            if (!sb.isEmpty()) {
                sb.append(' ');
            }
            for (String code : word.strip().split(" +")) {
                if (code.isEmpty()) {
                    continue;
                }
                Character c = MORSE_CODES.get(code);
                if (c == null) {
                    return null;
                }
                sb.append(c);
                codes++;
            }
        }
        return codes >= MIN_MORSE_CODES ? readable(sb.toString().strip()) : null;
    }

    /** The end of the segment that starts at {@code from}: after a line or after {@code . ! ? :} and a space. */
    private static int segmentEnd(String text, int from) {
        for (int i = from; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n') {
                return i;
            }
            if ((c == '.' || c == '!' || c == '?' || c == ':') && i + 1 < text.length()
                    && Character.isWhitespace(text.charAt(i + 1))) {
                return i + 1;
            }
        }
        return text.length();
    }

    private static void rot13(String text, List<Span> out) {
        Span last = null;
        for (int next = 0; next < text.length() && room(out); ) {
            int start = next;
            int end = segmentEnd(text, start);
            next = end + 1;
            while (start < end && Character.isWhitespace(text.charAt(start))) {
                start++;
            }
            while (end > start && Character.isWhitespace(text.charAt(end - 1))) {
                end--;
            }
            String segment = text.substring(start, end);
            if (!rot13Reads(segment)) {
                last = null;
                continue;
            }
            if (last != null && text.substring(last.end(), start).isBlank()) {
                out.remove(out.size() - 1); // one span over consecutive ROT13 segments
                start = last.start();
            }
            String run = text.substring(start, end);
            last = new Span(start, end, "rot13", rot13(run));
            out.add(last);
        }
    }

    /** ROT13 of the ASCII letters of {@code s}. */
    public static String rot13(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= 'a' && c <= 'z') {
                c = (char) ('a' + (c - 'a' + 13) % 26);
            } else if (c >= 'A' && c <= 'Z') {
                c = (char) ('A' + (c - 'A' + 13) % 26);
            }
            sb.append(c);
        }
        return sb.toString();
    }

    /**
     * Whether a segment reads markedly more like English or code after ROT13 than before: of its words (runs of ASCII
     * letters), at least half are common English words or code words ({@link Vocabulary}) after ROT13 and at most a
     * fifth before; a segment of one or two words only when every word decodes to a known word and one of them to a
     * code word of at least four letters ("nyreg(1)" is {@code alert(1)}).
     */
    static boolean rot13Reads(String segment) {
        Matcher w = WORD.matcher(segment);
        int words = 0;
        int known = 0;
        int knownDecoded = 0;
        boolean code = false;
        while (w.find()) {
            String word = w.group().toLowerCase(Locale.ROOT);
            String decoded = rot13(word);
            words++;
            known += Vocabulary.known(word) ? 1 : 0;
            if (Vocabulary.known(decoded)) {
                knownDecoded++;
                code |= decoded.length() >= 4 && Vocabulary.CODE.contains(decoded);
            }
        }
        if (words == 0) {
            return false;
        }
        if (words <= 2) {
            return known == 0 && knownDecoded == words && code;
        }
        return knownDecoded * 2 >= words && known * 5 <= words && knownDecoded >= known + 2;
    }

    /** The bytes as text when they are valid UTF-8 and {@link #readable(String) readable}; else null. */
    static String readable(byte[] bytes) {
        try {
            String s = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
            return readable(s);
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    /**
     * The text when it is readable: at least {@value #MIN_DECODED} characters, no control characters but tab and line
     * breaks, and at least a third of its non-space characters letters; else null.
     */
    static String readable(String s) {
        if (s.length() < MIN_DECODED) {
            return null;
        }
        int letters = 0;
        int visible = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isISOControl(c) && c != '\t' && c != '\n' && c != '\r' || c == '\uFFFD'
                    || Character.getType(c) == Character.PRIVATE_USE || Character.getType(c) == Character.UNASSIGNED) {
                return null;
            }
            if (!Character.isWhitespace(c)) {
                visible++;
                letters += Character.isLetter(c) ? 1 : 0;
            }
        }
        return visible > 0 && letters * 3 >= visible ? s : null;
    }

    /** Known words for the ROT13 test. */
    static final class Vocabulary {

        /** Code words: HTML, JavaScript, SQL, shell and Python. */
        static final Set<String> CODE = words(("script alert html body div span img src href onerror onload "
                + "onmouseover onmouseleave onclick onfocus iframe style javascript window document cookie location "
                + "eval exec function return var let const throw confirm prompt console fetch xmlhttprequest "
                + "select insert update delete drop table from where union values into and or not null like "
                + "sleep benchmark waitfor delay substring password users user admin database schema char concat "
                + "exec execute declare case when then else end order group having limit "
                + "import lambda print popen system subprocess shell true false none def class socket connect "
                + "send recv encode decode open read write request requests get post http https "
                + "echo bash curl wget chmod sudo root tmp etc passwd cat rm ls nc sh bin").split(" "));

        /** Common English words. */
        static final Set<String> ENGLISH = words(("a about after again all also an and any are as at be because "
                + "been before being between both but by can could did do does doing down during each few for from "
                + "further had has have having he her here hers him his how i if in into is it its just me more most "
                + "my no nor not now of off on once only or other our out over own same she should so some such "
                + "than that the their them then there these they this those through to too under until up very "
                + "was we were what when where which while who whom why will with would you your yours "
                + "ignore previous instructions instruction above below say tell show give make write print "
                + "all new now forget everything rules system message secret key reveal output text following "
                + "answer question please help want need know think like use used using one two three first last "
                + "time people way day thing man woman world life hand part child eye place work week case point "
                + "number group problem fact good great high old big small long little own right left next early "
                + "young important public bad same able go get see come take find call ask try feel become leave "
                + "put mean keep let begin seem turn start run move live believe hold bring happen must").split(" "));

        private static Set<String> words(String[] words) {
            return Set.copyOf(List.of(words));
        }

        static boolean known(String lowerWord) {
            return ENGLISH.contains(lowerWord) || CODE.contains(lowerWord);
        }

        private Vocabulary() {}
    }
}
