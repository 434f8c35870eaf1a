package io.hallmark.governance.safety;

import io.hallmark.governance.safety.roles.RoleSplitter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The injected text of a training injection, found by comparing it with its safe twin (issue 18, session 13).
 *
 * <p>An indirect injection hides one or two lines in a long document; its prototype as a whole prompt is mostly the
 * document, so the sentence the screen reads in a new document ({@link SafetyScreen} reads pasted data by sentence)
 * finds no injection prototype near it. Several sets hold a document both as it is (safe) and with an injection, as
 * two rows of one group (the safety-screen extras' {@code group}, the authored rows' {@code group}). The lines of the
 * injection row that no safe row of its group has, inside the data the {@link RoleSplitter} finds (never the
 * operator's instruction, which may differ between the twins) and of at least {@value #MIN_WORDS} words (shorter
 * lines are markup such as a code fence), are its injected text: consecutive such lines form one span, a prototype
 * of the injection class with the row's source.
 * Lines the twins share are never injected text, so the document itself never becomes an injection prototype.
 */
final class InjectedSpans {

    /** The fewest words (runs of letters or digits) a line of injected text has: shorter ones are markup. */
    static final int MIN_WORDS = 4;

    /** The longest span kept, in characters (a longer one is cut here; the screen reads windows of this order). */
    static final int MAX_CHARS = 1_000;

    private InjectedSpans() {}

    /**
     * Per injection item (index in {@code items}) with a safe twin, its injected spans in the order they appear; an
     * item of no group, of no safe twin or with nothing added inside its data is absent.
     */
    static Map<Integer, List<String>> of(List<ScreenCorpus.Item> items) {
        Map<String, Set<String>> twinLines = new HashMap<>();
        for (ScreenCorpus.Item it : items) {
            if (it.safe() && !it.group().isEmpty()) {
                Set<String> lines = twinLines.computeIfAbsent(key(it), k -> new HashSet<>());
                it.text().lines().map(String::strip).forEach(lines::add);
            }
        }
        Map<Integer, List<String>> out = new HashMap<>();
        for (int i = 0; i < items.size(); i++) {
            ScreenCorpus.Item it = items.get(i);
            Set<String> twin = it.cls().equals("injection") && !it.group().isEmpty() ? twinLines.get(key(it)) : null;
            if (twin == null) {
                continue;
            }
            List<String> spans = spans(it.text(), twin);
            if (!spans.isEmpty()) {
                out.put(i, spans);
            }
        }
        return out;
    }

    /** The injected spans of {@code text} against the lines of its safe twins. */
    static List<String> spans(String text, Set<String> twinLines) {
        RoleSplitter.Split split = RoleSplitter.split(text);
        List<String> spans = new ArrayList<>();
        StringBuilder span = new StringBuilder();
        int at = 0;
        for (String line : text.split("\n", -1)) {
            int start = at;
            at += line.length() + 1;
            String stripped = line.strip();
            boolean added = words(stripped) >= MIN_WORDS && !twinLines.contains(stripped)
                    && inData(split, start, line.length());
            if (added) {
                span.append(span.isEmpty() ? "" : "\n").append(stripped);
            } else {
                flush(span, spans);
            }
        }
        flush(span, spans);
        return spans;
    }

    private static boolean inData(RoleSplitter.Split split, int start, int length) {
        if (split.instructionOnly()) {
            return false;
        }
        int end = start + Math.max(1, length);
        return split.data().stream().anyMatch(s -> s.start() < end && start < s.end());
    }

    private static void flush(StringBuilder span, List<String> spans) {
        if (span.isEmpty()) {
            return;
        }
        spans.add(span.length() > MAX_CHARS ? span.substring(0, MAX_CHARS) : span.toString());
        span.setLength(0);
    }

    static int words(String s) {
        int n = 0;
        boolean in = false;
        for (int i = 0; i < s.length(); i++) {
            boolean w = Character.isLetterOrDigit(s.charAt(i));
            if (w && !in) {
                n++;
            }
            in = w;
        }
        return n;
    }

    private static String key(ScreenCorpus.Item it) {
        return it.source() + "\u0000" + it.group();
    }
}
