package io.hallmark.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The console is localisable: every word a page shows comes from the one bundle, {@code strings.js}. Fails on a page
 * (HTML) with text or a {@code placeholder}/{@code title}/{@code aria-label}/{@code alt} of its own instead of {@code
 * data-i18n="key"} / {@code data-i18n-attr="attr:key"}, on a script with a literal UI string instead of {@code
 * H.t('key', args...)}, and on a key a page or script uses that the bundle lacks.
 *
 * <p>A script's string literal counts as a UI string when it has two words, starts with a capital and a small letter,
 * ends with a colon or an ellipsis after a word, or is a sentence fragment (a word after a leading or before a trailing
 * space); CSS classes, element ids, event names, URLs, API paths and comparisons are told apart by where they stand.
 * Text inside {@code <code>}, {@code <kbd>} and {@code <pre>} is not words but names (file types, commands).
 */
class ConsoleStringsTest {

    static final Path CONSOLE = Path.of("src/main/resources/console");
    private static final Set<String> NOT_WORDS = Set.of("use strict", "Content-Type", "KiB", "MiB", "GiB", "TiB");
    private static final Pattern LITERAL = Pattern.compile("'((?:[^'\\\\\\n]|\\\\.)*)'|\"((?:[^\"\\\\\\n]|\\\\.)*)\"|`([^`]*)`");
    /** Where a literal is a name, not words: CSS classes, ids, selectors, events, API calls, comparisons, keys. */
    private static final Pattern NAME_CONTEXT = Pattern.compile("(className\\s*[:=]\\s*(?:[^,{}]*\\?\\s*)?"
            + "|getElementById\\(|querySelector(?:All)?\\(|addEventListener\\(|classList\\.\\w+\\(|api\\(|closest\\("
            + "|(?<![\\w.])t\\(|\\bname:\\s*|===\\s*|!==\\s*|setAttribute\\(|new RegExp\\(|\\.test\\(|\\bcase\\s+"
            + "|startsWith\\(|includes\\()$");
    private static final Pattern KEY_USE = Pattern.compile("(?<![\\w.])(?:H\\.)?t(?:Nodes)?\\('([^']+)'\\s*[,)]");
    private static final Pattern HTML_TOKEN = Pattern.compile("<!--.*?-->|<[^>]+>", Pattern.DOTALL);
    private static final Pattern WORDY_ATTRIBUTE = Pattern.compile("\\s(placeholder|title|aria-label|alt)=\"([^\"]*[A-Za-z][^\"]*)\"");
    private static final Set<String> VOID = Set.of("input", "meta", "link", "br", "img", "hr", "source", "wbr");
    private static final Set<String> NAMES_INSIDE = Set.of("code", "kbd", "pre", "script", "style");

    @Test
    void everyPageAndScriptTakesItsWordsFromTheBundle() throws IOException {
        Set<String> keys = bundleKeys(Files.readString(CONSOLE.resolve("strings.js")));
        List<String> problems = new ArrayList<>();
        for (Path file : consoleFiles()) {
            String name = file.getFileName().toString();
            String source = Files.readString(file);
            if (name.endsWith(".html")) {
                problems.addAll(literalHtmlText(name, source));
                problems.addAll(missingKeys(name, htmlKeys(source), keys));
            } else if (!name.equals("strings.js")) {
                problems.addAll(literalUiStrings(name, source));
                problems.addAll(missingKeys(name, scriptKeys(source), keys));
            }
        }
        assertThat(problems).as("console words outside the bundle (strings.js), or keys it lacks").isEmpty();
        assertThat(keys).as("the bundle holds the console's words").hasSizeGreaterThan(300)
                .contains("nav.dashboard", "check.check-a-text", "kb.summary", "safety.trigger");
    }

    @Test
    void theCheckFindsWordsLeftInPagesAndScripts() {
        assertThat(literalUiStrings("x.js", "el('p', { text: 'Nothing here yet.' });\n"
                + "box.appendChild(el('h3', {}, 'Content ', id));\nlog(n + ' claims marked');"))
                .containsExactly("x.js:1: 'Nothing here yet.'", "x.js:2: 'Content '", "x.js:3: ' claims marked'");
        assertThat(literalUiStrings("x.js", "// A comment with words\nel('div', { className: 'message error', "
                + "text: H.t('common.done') }); if (a.state === 'Not ready') go(api('GET', '/api/v1/x'));")).isEmpty();
        assertThat(literalHtmlText("x.html", "<h2>Knowledge base</h2><p data-i18n=\"a.b\"></p><code>.txt</code>"
                + "<input placeholder=\"Search here\"><nav data-i18n-attr=\"aria-label:a.c\"></nav>"))
                .containsExactly("x.html: text 'Knowledge base'", "x.html: placeholder=\"Search here\"");
        assertThat(missingKeys("x.js", scriptKeys("H.t('a.b'); H.t('a.c', 1); H.tNodes('a.d', node);"), Set.of("a.b")))
                .containsExactly("x.js: key 'a.c' is not in strings.js", "x.js: key 'a.d' is not in strings.js");
    }

    static List<Path> consoleFiles() throws IOException {
        try (Stream<Path> files = Files.list(CONSOLE)) {
            return files.filter(f -> f.toString().endsWith(".js") || f.toString().endsWith(".html")).sorted().toList();
        }
    }

    static Set<String> bundleKeys(String strings) {
        Set<String> keys = new TreeSet<>();
        Matcher m = Pattern.compile("'([^'\\s]+)':\\s").matcher(strings);
        while (m.find()) {
            keys.add(m.group(1));
        }
        return keys;
    }

    static Set<String> scriptKeys(String script) {
        Set<String> keys = new TreeSet<>();
        Matcher m = KEY_USE.matcher(withoutComments(script));
        while (m.find()) {
            keys.add(m.group(1));
        }
        return keys;
    }

    static Set<String> htmlKeys(String html) {
        Set<String> keys = new TreeSet<>();
        Matcher text = Pattern.compile("data-i18n=\"([^\"]+)\"").matcher(html);
        while (text.find()) {
            keys.add(text.group(1));
        }
        Matcher attributes = Pattern.compile("data-i18n-attr=\"([^\"]+)\"").matcher(html);
        while (attributes.find()) {
            for (String pair : attributes.group(1).split(";")) {
                keys.add(pair.substring(pair.indexOf(':') + 1));
            }
        }
        return keys;
    }

    static List<String> missingKeys(String file, Set<String> used, Set<String> bundle) {
        return used.stream().filter(k -> !bundle.contains(k)).map(k -> file + ": key '" + k + "' is not in strings.js")
                .toList();
    }

    /** The literal UI strings of a script, as {@code file:line: 'literal'}. */
    static List<String> literalUiStrings(String file, String script) {
        String code = withoutComments(script);
        List<String> found = new ArrayList<>();
        Matcher m = LITERAL.matcher(code);
        while (m.find()) {
            String literal = m.group(1) != null ? m.group(1) : m.group(2) != null ? m.group(2) : m.group(3);
            String before = code.substring(Math.max(0, m.start() - 60), m.start());
            if (isWords(literal) && !NAME_CONTEXT.matcher(before).find()) {
                long line = code.substring(0, m.start()).chars().filter(c -> c == '\n').count() + 1;
                found.add(file + ":" + line + ": '" + literal + "'");
            }
        }
        return found;
    }

    static boolean isWords(String literal) {
        if (NOT_WORDS.contains(literal) || !literal.matches("(?s).*[A-Za-z].*") || literal.startsWith("/")
                || literal.startsWith("#")) {
            return false;
        }
        return Pattern.compile("[A-Za-z][^A-Za-z]* [^A-Za-z]*[A-Za-z]").matcher(literal).find()
                || literal.matches("(?s)[A-Z][a-z].*")
                || Pattern.compile("[A-Za-z][:…]\\s*$").matcher(literal).find()
                || literal.matches("(?s)\\s+\\S*[A-Za-z].*")
                || Pattern.compile("[A-Za-z]\\S*\\s+$").matcher(literal).find()
                || literal.matches("(?s)\\s*[:(—·;,].*[A-Za-z].*");
    }

    /** Text and wordy attributes of a page that do not come from the bundle. */
    static List<String> literalHtmlText(String file, String html) {
        List<String> found = new ArrayList<>();
        Deque<String> open = new ArrayDeque<>();
        Matcher m = HTML_TOKEN.matcher(html);
        int pos = 0;
        while (true) {
            boolean more = m.find();
            String text = html.substring(pos, more ? m.start() : html.length());
            if (text.matches("(?s).*[A-Za-z].*") && open.stream().noneMatch(NAMES_INSIDE::contains)) {
                found.add(file + ": text '" + text.strip().replaceAll("\\s+", " ") + "'");
            }
            if (!more) {
                return found;
            }
            String tag = m.group();
            pos = m.end();
            if (tag.startsWith("<!")) {
                continue;
            }
            if (tag.startsWith("</")) {
                String name = tag.substring(2, tag.length() - 1).strip().toLowerCase(java.util.Locale.ROOT);
                while (!open.isEmpty() && !open.pop().equals(name)) {
                    // an element left open (a <p> or <li>) closes with its parent
                }
                continue;
            }
            String name = tag.substring(1).split("[\\s/>]", 2)[0].toLowerCase(java.util.Locale.ROOT);
            Matcher attribute = WORDY_ATTRIBUTE.matcher(tag);
            while (attribute.find()) {
                found.add(file + ": " + attribute.group(1) + "=\"" + attribute.group(2) + "\"");
            }
            if (!VOID.contains(name) && !tag.endsWith("/>")) {
                open.push(name);
            }
        }
    }

    /** The script with its comments blanked (strings kept, line numbers unchanged). */
    static String withoutComments(String source) {
        StringBuilder out = new StringBuilder(source);
        char quote = 0;
        for (int i = 0; i < source.length(); i++) {
            char c = source.charAt(i);
            if (quote != 0) {
                if (c == '\\') {
                    i++;
                } else if (c == quote || (c == '\n' && quote != '`')) {
                    quote = 0;
                }
            } else if (c == '\'' || c == '"' || c == '`') {
                quote = c;
            } else if (source.startsWith("//", i)) {
                int end = source.indexOf('\n', i);
                end = end < 0 ? source.length() : end;
                for (int k = i; k < end; k++) {
                    out.setCharAt(k, ' ');
                }
                i = end - 1;
            } else if (source.startsWith("/*", i)) {
                int end = source.indexOf("*/", i) + 2;
                for (int k = i; k < end; k++) {
                    if (out.charAt(k) != '\n') {
                        out.setCharAt(k, ' ');
                    }
                }
                i = end - 1;
            }
        }
        return out.toString();
    }
}
