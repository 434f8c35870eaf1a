package io.hallmark.governance.safety.roles;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits a prompt into the operator's instruction and the data pasted into it ("Summarize this email:\n\nFrom: ...").
 * Deterministic rules on the prompt's format only, no model; each data span keeps its character offsets in the
 * prompt. A span is data when it is:
 * <ol>
 *   <li>{@code fenced}: a fenced block (a line opening with three or more backticks or tildes, to the line closing it
 *       or the end of the prompt), fences included;
 *   <li>{@code triple-quoted}: text between {@code """} or {@code '''} on lines of their own or opening a line;
 *   <li>{@code quoted}: a run of lines opening with {@code >} (a mail or markdown quote);
 *   <li>{@code markup}: a paragraph that opens with an XML/HTML tag or a JSON object or array, to its closing tag or
 *       bracket (or the end of the prompt when it is never closed);
 *   <li>{@code table}: at least two consecutive lines with {@code |} cells (markdown), at least two with the same
 *       number (one or more) of tabs (TSV), or at least three with the same number (two or more) of commas (CSV);
 *       a table or a fenced block also takes up to {@value #MAX_TAIL_LINES} lines that follow it without a blank
 *       line (a {@code Note:}, a footnote, a {@code ###} heading or a stray line pasted with the rows, or between
 *       them), up to a blank line,
 *       a question (a line ending with {@code ?}) or a line the operator writes about the material ({@code Q:},
 *       {@code Question:}, "Using the table above, ...", "Based only on the data, ..."); a line that marks itself as
 *       a note or footnote ({@code Note:}, {@code P.S.}, {@code [1]}, {@code #}, {@code <}) is taken even so;
 *   <li>{@code headers}: an e-mail or message: a line {@code From:}, {@code To:}, {@code Subject:}, {@code Date:},
 *       {@code Sent:} or {@code Cc:} and everything after it;
 *   <li>{@code record}: a paragraph's lines from its first field to its last when at least {@value #MIN_FIELDS} of
 *       them, and most of them, are fields ({@code Domain Name: example.org}: a key of letters, a colon, a value;
 *       no conversation turn or question label): a WHOIS record, a form, a log entry;
 *   <li>{@code after-colon}: everything after a short lead-in line (at most {@value #LEAD_IN} characters) that ends
 *       with a colon and is followed by a line break ("Summarize this email:\n\n..."), when what follows is at least
 *       {@value #PASTED} characters; or, on the same line, at least {@value #LONG_PASTE} characters after a colon
 *       that ends a lead-in of two words or more ("Summarize the following text: ..."). A lead-in that only labels
 *       a conversation's turn or a field ({@code User:}, {@code Assistant:}, {@code Q:}, ...) introduces no data:
 *       a chat transcript's messages stay the speaker's own;
 *   <li>{@code long-paste}: when no rule above found data, the paragraphs after a short first paragraph (at most
 *       {@value #LEAD_IN} characters) when they are at least {@value #LONG_PASTE} characters and three times as long
 *       as it ("Translate this email into Spanish.\n\nI am pleased to announce ..."); else the paragraphs before a
 *       short last paragraph, on the same terms ("...\n\nI got the email above from a coworker. Can you ...?").
 *       When the rules above found data only inside those paragraphs (a quote, a lead-in colon, a tag in a pasted
 *       page or e-mail) and the first paragraph names the material ("Summarize the following email", "... based on
 *       its WHOIS information"), the paragraphs are data all the same, up to a short last paragraph after the last
 *       span found. Not in a conversation's transcript (a prompt whose first line opens a turn: {@code User:},
 *       {@code Assistant:}, ...); a turn label further down (an injected {@code SYSTEM:} line in a pasted e-mail)
 *       does not make a prompt a conversation.
 * </ol>
 * Overlapping or touching spans are merged (the first rule's name is kept); leading and trailing white space is left
 * out of a span. The instruction is what is not data.
 */
public final class RoleSplitter {

    /** The longest line that can introduce pasted data. */
    static final int LEAD_IN = 200;

    /** The least text after a lead-in line that counts as pasted. */
    static final int PASTED = 40;

    /** The least text after a colon on the same line, or after a short first paragraph, that counts as pasted. */
    static final int LONG_PASTE = 200;

    /** The shortest bracketed stretch read as a JSON blob ("[1]" is a footnote, not data). */
    static final int MIN_JSON = 20;

    private static final Pattern FENCE = Pattern.compile("(?m)^[ \\t]{0,3}(`{3,}|~{3,})[^\\n]*$");
    private static final Pattern TRIPLE_QUOTE = Pattern.compile("(?m)^[ \\t]*(\"\"\"|''')");
    private static final Pattern HEADER = Pattern.compile("(?mi)^[ \\t]*(?:from|to|subject|date|sent|cc)[ \\t]*:[ \\t]*\\S");
    private static final Pattern MARKUP_OPEN = Pattern.compile("(?m)^[ \\t]*(?:<([A-Za-z][\\w:.-]*)[^\\n>]*>|[{\\[])");
    private static final Pattern LEAD_IN_COLON = Pattern.compile("(?m)^([^\\n]{1," + LEAD_IN + "}):[ \\t]*\\n");
    private static final Pattern INLINE_COLON = Pattern.compile("(?m)^([^\\n:]{1," + LEAD_IN + "}):[ \\t]+(\\S)");

    /**
     * Lead-ins that label a turn of a conversation ({@code User: ...}, as a chat transcript writes it) or a field,
     * never pasted data: what follows them is the speaker's own words.
     */
    private static final Pattern LABEL = Pattern.compile("(?i)\\s*(?:system|developer|user|assistant|human|ai|q|a|"
            + "question|answer|input|output|you|me)\\s*");

    /** A line that opens a conversation's turn, as a chat transcript writes it ({@code User: ...}). */
    private static final Pattern TURN =
            Pattern.compile("(?i)^\\s*(?:system|developer|user|assistant|human|ai)[ \\t]*:");

    /**
     * A line that the operator writes about the pasted material, never part of it: a question or answer label
     * ({@code Q:}, {@code Question:}, {@code A:}, ...), or a line that names the material ("Using the table above",
     * "Based only on the data", "... in this table").
     */
    private static final Pattern ABOUT_THE_DATA = Pattern.compile("(?i)^\\s*(?:q|a|question|answer|query|task)\\s*[:.)]"
            + "|\\b(?:the|this|these|those|above|following|preceding)\\s+(?:table|tables|data|dataset|rows|columns|"
            + "code|snippet|email|e-mail|emails|document|article|passage|list|chart|spreadsheet|csv|json|record|"
            + "records)\\b");

    /**
     * A line that marks itself as part of the material it follows: a note, footnote, postscript, source line,
     * heading, comment or tag ({@code Note:}, {@code P.S.}, {@code [1]}, {@code ###}, {@code <!--}, ...).
     */
    private static final Pattern ANNOTATION = Pattern.compile("(?i)^\\s*(?:(?:note|notes|nb|n\\.b\\.|footnote|"
            + "source|sources|remark|remarks|comment|caption|p\\.?\\s?s\\.?)\\s*[:.\\-]"
            + "|\\[[^\\]\\n]{1,20}]|#|<|[-=]{3})");

    /**
     * A field of a record ({@code Domain Name: example.com}, {@code Registrant Country: US}): a key of one to five
     * words of letters (no digits, no sentence) at the start of a line, a colon, and a value on the same line.
     */
    private static final Pattern FIELD = Pattern.compile("^[ \\t]*[A-Za-z][A-Za-z/().' -]{0,40}?[ \\t]*:[ \\t]*\\S");

    /**
     * A request that names the material it is about ("Summarize the following email", "What does this page say",
     * "... based on its WHOIS information").
     */
    private static final Pattern NAMES_MATERIAL = Pattern.compile("(?i)\\b(?:this|these|the|following|below|above|"
            + "current|attached|its|my)\\s+(?:[\\w-]+\\s+)?(?:e-?mails?|mail|messages?|letter|text|articles?|pages?|"
            + "website|site|documents?|passages?|report|post|records?|information|data|tables?|transcript|review|"
            + "notes?|memo|resume|cv|contract|file|snippets?|code|content|paragraphs?|story|essay|excerpt|output|"
            + "results?|log|thread|comments?)\\b");

    /** The most lines a table or a fenced block takes from the lines that follow it (a note, not a document). */
    static final int MAX_TAIL_LINES = 3;

    /** The least number of fields in a paragraph read as a record. */
    static final int MIN_FIELDS = 5;

    private RoleSplitter() {}

    /**
     * One stretch of the prompt that is data.
     *
     * @param start its first character in the prompt
     * @param end one past its last
     * @param rule the rule that found it ({@code fenced}, {@code table}, ...)
     */
    public record Span(int start, int end, String rule) {

        public String text(String prompt) {
            return prompt.substring(start, end);
        }
    }

    /**
     * A prompt split by role.
     *
     * @param prompt the prompt
     * @param data its data spans, in order, disjoint
     */
    public record Split(String prompt, List<Span> data) {

        /** Whether the prompt carries no pasted data (all of it is instruction). */
        public boolean instructionOnly() {
            return data.isEmpty();
        }

        /** The stretches of the prompt that are instruction (the complement of the data), stripped, non-empty. */
        public List<int[]> instructionBounds() {
            List<int[]> out = new ArrayList<>();
            int from = 0;
            for (Span s : data) {
                addStripped(out, from, s.start());
                from = s.end();
            }
            addStripped(out, from, prompt.length());
            return out;
        }

        /**
         * The instruction's text: its stretches joined by a blank line ({@link #instructionBounds}); the whole prompt
         * when there is no data. Empty when the prompt is all data.
         */
        public String instruction() {
            if (data.isEmpty()) {
                return prompt;
            }
            StringBuilder b = new StringBuilder();
            for (int[] r : instructionBounds()) {
                if (!b.isEmpty()) {
                    b.append(JOIN);
                }
                b.append(prompt, r[0], r[1]);
            }
            return b.toString();
        }

        /** The offset in the prompt of character {@code i} of {@link #instruction()} ({@code i} may be its length). */
        public int promptOffset(int i) {
            if (data.isEmpty()) {
                return i;
            }
            int at = 0;
            int lastEnd = 0;
            for (int[] r : instructionBounds()) {
                int len = r[1] - r[0];
                if (i <= at + len) {
                    return r[0] + Math.max(0, i - at);
                }
                at += len + JOIN.length();
                lastEnd = r[1];
            }
            return lastEnd;
        }

        private void addStripped(List<int[]> out, int from, int to) {
            while (from < to && Character.isWhitespace(prompt.charAt(from))) {
                from++;
            }
            while (to > from && Character.isWhitespace(prompt.charAt(to - 1))) {
                to--;
            }
            if (to > from) {
                out.add(new int[] {from, to});
            }
        }
    }

    /** What joins the instruction's stretches around a data span. */
    static final String JOIN = "\n\n";

    /** The prompt split by the rules above. */
    public static Split split(String prompt) {
        List<Span> found = new ArrayList<>();
        fenced(prompt, found);
        tripleQuoted(prompt, found);
        quoted(prompt, found);
        markup(prompt, found);
        tables(prompt, found);
        headers(prompt, found);
        records(prompt, found);
        afterColon(prompt, found);
        blockTails(prompt, found);
        longPaste(prompt, found);
        return new Split(prompt, merge(prompt, found));
    }

    private static void fenced(String p, List<Span> out) {
        Matcher m = FENCE.matcher(p);
        while (m.find()) {
            int start = m.start();
            String fence = m.group(1);
            Matcher close = Pattern.compile("(?m)^[ \\t]{0,3}" + Pattern.quote(fence.substring(0, 1)) + "{"
                    + fence.length() + ",}[ \\t]*$").matcher(p);
            int end = close.find(m.end()) ? close.end() : p.length();
            out.add(new Span(start, end, "fenced"));
            if (end >= p.length()) {
                return;
            }
            m.region(end, p.length());
        }
    }

    private static void tripleQuoted(String p, List<Span> out) {
        Matcher m = TRIPLE_QUOTE.matcher(p);
        while (m.find()) {
            int close = p.indexOf(m.group(1), m.end());
            int end = close < 0 ? p.length() : close + 3;
            out.add(new Span(m.start(1), end, "triple-quoted"));
            if (end >= p.length()) {
                return;
            }
            m.region(end, p.length());
        }
    }

    private static void quoted(String p, List<Span> out) {
        List<int[]> lines = lines(p);
        int runStart = -1;
        int runEnd = -1;
        for (int[] l : lines) {
            boolean quote = p.substring(l[0], l[1]).stripLeading().startsWith(">");
            if (quote) {
                runStart = runStart < 0 ? l[0] : runStart;
                runEnd = l[1];
            } else if (runStart >= 0) {
                out.add(new Span(runStart, runEnd, "quoted"));
                runStart = -1;
            }
        }
        if (runStart >= 0) {
            out.add(new Span(runStart, runEnd, "quoted"));
        }
    }

    private static void markup(String p, List<Span> out) {
        Matcher m = MARKUP_OPEN.matcher(p);
        int from = 0;
        while (from < p.length() && m.find(from)) {
            if (!paragraphStart(p, m.start())) {
                from = lineEnd(p, m.start()) + 1;
                continue;
            }
            int end;
            if (m.group(1) != null) {
                String tag = m.group(1);
                Matcher close = Pattern.compile("</\\s*" + Pattern.quote(tag) + "\\s*>", Pattern.CASE_INSENSITIVE)
                        .matcher(p);
                end = close.find(m.end()) ? close.end() : p.length();
            } else {
                end = balanced(p, p.indexOf(p.charAt(m.end() - 1) == '{' ? '{' : '[', m.start()));
            }
            if (m.group(1) != null || end - m.start() >= MIN_JSON && looksLikeJson(p, m.start(), end)) {
                out.add(new Span(m.start(), end, "markup"));
            }
            from = Math.max(end, lineEnd(p, m.start()) + 1);
        }
    }

    /** One past the bracket closing the one at {@code open}, skipping JSON strings; the end when unclosed. */
    private static int balanced(String p, int open) {
        int depth = 0;
        boolean inString = false;
        for (int i = open; i < p.length(); i++) {
            char c = p.charAt(i);
            if (inString) {
                if (c == '\\') {
                    i++;
                } else if (c == '"') {
                    inString = false;
                }
            } else if (c == '"') {
                inString = true;
            } else if (c == '{' || c == '[') {
                depth++;
            } else if (c == '}' || c == ']') {
                depth--;
                if (depth == 0) {
                    return i + 1;
                }
            }
        }
        return p.length();
    }

    /** A bracketed stretch that reads as JSON: a quoted key or value, or a number, right after the bracket. */
    private static boolean looksLikeJson(String p, int start, int end) {
        String inner = p.substring(start + 1, end).stripLeading();
        return inner.startsWith("\"") || inner.startsWith("{") || inner.startsWith("[")
                || (!inner.isEmpty() && (Character.isDigit(inner.charAt(0)) || inner.charAt(0) == '-'));
    }

    private static void tables(String p, List<Span> out) {
        List<int[]> lines = lines(p);
        tableRuns(p, lines, out, l -> pipeCells(l) >= 2 ? 1 : -1, 2);
        tableRuns(p, lines, out, l -> count(l, '\t') >= 1 ? count(l, '\t') : -1, 2);
        tableRuns(p, lines, out, l -> count(l, ',') >= 2 ? count(l, ',') : -1, 3);
    }

    /** Runs of at least {@code least} consecutive lines with the same non-negative shape. */
    private static void tableRuns(String p, List<int[]> lines, List<Span> out,
            java.util.function.ToIntFunction<String> shape, int least) {
        int runFirst = 0;
        for (int i = 0; i <= lines.size(); i++) {
            int s = i < lines.size() ? shape.applyAsInt(p.substring(lines.get(i)[0], lines.get(i)[1])) : -1;
            int first = runFirst < lines.size()
                    ? shape.applyAsInt(p.substring(lines.get(runFirst)[0], lines.get(runFirst)[1])) : -1;
            if (i < lines.size() && s >= 0 && s == first) {
                continue;
            }
            if (first >= 0 && i - runFirst >= least) {
                out.add(new Span(lines.get(runFirst)[0], lines.get(i - 1)[1], "table"));
            }
            runFirst = i;
        }
    }

    private static int pipeCells(String line) {
        String s = line.strip();
        return s.startsWith("|") || s.endsWith("|") ? count(s, '|') : (count(s, '|') >= 2 ? count(s, '|') : 0);
    }

    private static void headers(String p, List<Span> out) {
        Matcher m = HEADER.matcher(p);
        if (m.find()) {
            out.add(new Span(m.start(), p.length(), "headers"));
        }
    }

    /**
     * Records: in a paragraph, the lines from its first field to its last when it has at least {@value #MIN_FIELDS}
     * fields ({@link #FIELD}) and they are most of those lines (a WHOIS record, a form, a log entry). A turn or label
     * ({@code User:}, {@code Q:}) is no field.
     */
    private static void records(String p, List<Span> out) {
        int first = -1;
        int last = -1;
        int fields = 0;
        int linesIn = 0;
        for (int[] l : lines(p)) {
            String line = p.substring(l[0], l[1]);
            if (line.isBlank()) {
                addRecord(out, first, last, fields, linesIn);
                first = -1;
                fields = 0;
                linesIn = 0;
                continue;
            }
            boolean field = FIELD.matcher(line).find() && !TURN.matcher(line).find()
                    && !LABEL.matcher(line.substring(0, line.indexOf(':'))).matches();
            if (first >= 0) {
                linesIn++;
            }
            if (field) {
                if (first < 0) {
                    first = l[0];
                    linesIn = 1;
                }
                last = l[1];
                fields++;
            }
        }
        addRecord(out, first, last, fields, linesIn);
    }

    private static void addRecord(List<Span> out, int first, int last, int fields, int linesIn) {
        if (first >= 0 && fields >= MIN_FIELDS && 2 * fields > linesIn) {
            out.add(new Span(first, last, "record"));
        }
    }

    /**
     * The lines that follow a table or a fenced block without a blank line belong to it (a note, a footnote, a
     * heading or a stray line pasted with the material; at most {@value #MAX_TAIL_LINES}), up to a blank line, a
     * line the operator writes about the material ({@link #ABOUT_THE_DATA}: "Q: ...", "Using the table above, ...")
     * or a question (a line ending with a question mark), unless that line marks itself as part of the material
     * ({@link #ANNOTATION}: "Note: ...").
     */
    private static void blockTails(String p, List<Span> out) {
        for (int i = 0; i < out.size(); i++) {
            Span s = out.get(i);
            if (!s.rule().equals("table") && !s.rule().equals("fenced")) {
                continue;
            }
            int end = lineEnd(p, Math.max(s.start(), s.end() - 1));
            int tail = end;
            for (int taken = 0; taken < MAX_TAIL_LINES && tail < p.length(); taken++) {
                int next = tail + 1;
                int nextEnd = lineEnd(p, next);
                String line = p.substring(next, nextEnd);
                if (line.isBlank() || TURN.matcher(line).find() || !ANNOTATION.matcher(line).find()
                        && (ABOUT_THE_DATA.matcher(line).find() || line.strip().endsWith("?"))) {
                    break;
                }
                tail = nextEnd;
            }
            if (tail > end) {
                out.set(i, new Span(s.start(), tail, s.rule()));
            }
        }
    }

    private static void afterColon(String p, List<Span> out) {
        Matcher m = LEAD_IN_COLON.matcher(p);
        while (m.find()) {
            if (!LABEL.matcher(m.group(1)).matches() && p.length() - m.end() >= PASTED
                    && !p.substring(m.end()).isBlank()) {
                out.add(new Span(m.end(), p.length(), "after-colon"));
                return;
            }
        }
        Matcher inline = INLINE_COLON.matcher(p);
        while (inline.find()) {
            int lineEnd = lineEnd(p, inline.start());
            if (inline.group(1).strip().contains(" ") && lineEnd - inline.start(2) >= LONG_PASTE) {
                out.add(new Span(inline.start(2), p.length(), "after-colon"));
                return;
            }
        }
    }

    private static void longPaste(String p, List<Span> out) {
        if (TURN.matcher(p).find()) {
            return; // a conversation (its first line opens a turn): its paragraphs are turns, the speaker's own words
        }
        String lead = p.stripLeading();
        int offset = p.length() - lead.length();
        int gap = lead.indexOf("\n\n");
        int start = offset + gap + 2;
        int rest = gap < 0 || gap > LEAD_IN ? 0 : p.length() - start;
        if (rest >= LONG_PASTE && rest >= 3 * gap && !p.substring(start).isBlank()) {
            if (out.isEmpty()) {
                out.add(new Span(start, p.length(), "long-paste"));
                return;
            }
            // data found inside the paste (a quote, a colon, a tag in a pasted page or e-mail) after a request that
            // names the material: the whole paste is data, up to a short last paragraph after the last span found
            // ("...\n\nUsing the table above, ...?"), when the spans found leave some of the paste's text (not just
            // its lead-in lines) out
            int foundFrom = out.stream().mapToInt(Span::start).min().orElseThrow();
            int foundTo = out.stream().mapToInt(Span::end).max().orElseThrow();
            if (foundFrom >= start && NAMES_MATERIAL.matcher(p.substring(offset, offset + gap)).find()) {
                String body = p.stripTrailing();
                int last = body.lastIndexOf("\n\n");
                int end = last >= foundTo && last > start && body.length() - last - 2 <= LEAD_IN ? last : p.length();
                if (end - start >= LONG_PASTE && uncovered(p, start, end, out) >= PASTED) {
                    out.add(new Span(start, end, "long-paste"));
                }
            }
            return;
        }
        if (!out.isEmpty()) {
            return;
        }
        // the request after the paste: "<e-mail>\n\nI got the email above from a coworker. Can you ...?"
        String body = p.stripTrailing();
        int last = body.lastIndexOf("\n\n");
        int tail = body.length() - last - 2;
        if (last >= LONG_PASTE && tail <= LEAD_IN && last >= 3 * tail && !body.substring(last).isBlank()) {
            out.add(new Span(0, last, "long-paste"));
        }
    }

    /** The characters of {@code [from, to)} in no span, other than white space and lead-in lines ending in a colon. */
    private static int uncovered(String p, int from, int to, List<Span> spans) {
        boolean[] covered = new boolean[to - from];
        for (Span s : spans) {
            for (int i = Math.max(s.start(), from); i < Math.min(s.end(), to); i++) {
                covered[i - from] = true;
            }
        }
        int n = 0;
        for (int[] l : lines(p)) {
            int a = Math.max(l[0], from);
            int b = Math.min(l[1], to);
            if (a >= b || p.substring(l[0], l[1]).strip().endsWith(":")) {
                continue;
            }
            for (int i = a; i < b; i++) {
                n += covered[i - from] || Character.isWhitespace(p.charAt(i)) ? 0 : 1;
            }
        }
        return n;
    }

    private static List<Span> merge(String p, List<Span> found) {
        List<Span> sorted = new ArrayList<>();
        for (Span s : found) {
            int a = s.start();
            int b = s.end();
            while (a < b && Character.isWhitespace(p.charAt(a))) {
                a++;
            }
            while (b > a && Character.isWhitespace(p.charAt(b - 1))) {
                b--;
            }
            if (b > a) {
                sorted.add(new Span(a, b, s.rule()));
            }
        }
        sorted.sort(Comparator.comparingInt(Span::start).thenComparing(Comparator.comparingInt(Span::end).reversed()));
        List<Span> out = new ArrayList<>();
        for (Span s : sorted) {
            Span last = out.isEmpty() ? null : out.get(out.size() - 1);
            if (last != null && s.start() <= last.end()) {
                out.set(out.size() - 1, new Span(last.start(), Math.max(last.end(), s.end()), last.rule()));
            } else {
                out.add(s);
            }
        }
        return List.copyOf(out);
    }

    private static boolean paragraphStart(String p, int at) {
        int lineStart = p.lastIndexOf('\n', Math.max(0, at - 1));
        if (lineStart < 0 || at == 0) {
            return true;
        }
        // the line before is blank, or ends with a colon (the data follows its lead-in)
        int prevEnd = lineStart;
        int prevStart = p.lastIndexOf('\n', prevEnd - 1) + 1;
        String prev = p.substring(prevStart, prevEnd).strip();
        return prev.isEmpty() || prev.endsWith(":") || p.substring(lineStart + 1, at).isBlank() && prev.endsWith(">");
    }

    private static int lineEnd(String p, int at) {
        int e = p.indexOf('\n', at);
        return e < 0 ? p.length() : e;
    }

    /** Start and end (without the line break) of each line. */
    private static List<int[]> lines(String p) {
        List<int[]> out = new ArrayList<>();
        int from = 0;
        while (from <= p.length()) {
            int e = lineEnd(p, from);
            out.add(new int[] {from, e});
            from = e + 1;
        }
        return out;
    }

    private static int count(String s, char c) {
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            n += s.charAt(i) == c ? 1 : 0;
        }
        return n;
    }
}
