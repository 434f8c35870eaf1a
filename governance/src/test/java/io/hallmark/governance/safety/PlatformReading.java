package io.hallmark.governance.safety;

import io.hallmark.governance.safety.roles.RoleSplitter;
import io.hallmark.retrieval.embed.Tokens;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * A dev-only reading of a prompt for {@link SourceHeldOutDump} (issue 18, design 15a): the texts the shipped input
 * screen's injection head reads of it ({@link SafetyScreen#explain}), so that the source-held-out CV reads all of a
 * prompt's data, split as the platform splits it, rather than design 10's approximation (the first 8 sentences, data
 * after the first blank line).
 *
 * <ul>
 *   <li>{@link Read#sentences}: the prompt's pieces as design 7's reading (whole and by sentence) reads them: each
 *       sentence while it has at most {@link SafetyScreen#MAX_SENTENCES}, else windows of consecutive sentences of at
 *       most {@link SafetyScreen#WINDOW_TOKENS} word pieces covering all of it ({@link TextWindows#covering}); for a
 *       prompt of one sentence none, or the windows past the whole when it is longer than the model reads at once;
 *   <li>for a prompt {@link RoleSplitter} finds data in: {@link Read#instruction} ({@link
 *       RoleSplitter.Split#instruction()}; the data itself when the prompt is all data, since the screen then reads no
 *       instruction), {@link Read#data} (the data spans' texts joined by a blank line) and {@link Read#dataPieces}:
 *       every other text the injection head reads of the prompt, i.e. each span whole when there are several, each
 *       span's sentences or, when it has more sentences than its share of {@link SafetyScreen#MAX_DATA_PIECES},
 *       windows covering it (and, for a span (or a prompt) of one sentence longer than the model reads at once, the windows past
 *       what the whole reads), and the instruction's windows past the model's first word pieces when it is that long.
 * </ul>
 *
 * Not read here (documented in the results): the windows of the whole prompt past the model's first word pieces that
 * the jailbreak and harmful-request heads (and the injection head of a prompt without data) also read; windows are
 * stored as text and embedded again rather than from the screen's token ids.
 */
final class PlatformReading {

    /**
     * What the injection head reads of one prompt besides its whole text.
     *
     * @param sentences design 7's pieces of the whole prompt (sentences or windows)
     * @param instruction the instruction read whole, null when the prompt has no data
     * @param data the data spans joined, null when it has none
     * @param dataPieces every other text read of a prompt with data (empty when it has none)
     */
    record Read(List<String> sentences, String instruction, String data, List<String> dataPieces) {
    }

    /** What joins the data spans' texts into {@link Read#data}: a blank line, as the splitter joins the instruction. */
    static final String JOIN = "\n\n";

    private final Function<String, Tokens> tokenizer;

    /** @param tokenizer the embedder's tokenizer ({@code features.embedder()::tokens}) */
    PlatformReading(Function<String, Tokens> tokenizer) {
        this.tokenizer = tokenizer;
    }

    Read read(String prompt) {
        List<String> sentences = pieces(prompt, SafetyScreen.MAX_SENTENCES);
        RoleSplitter.Split split = RoleSplitter.split(prompt);
        if (split.instructionOnly()) {
            return new Read(sentences, null, null, List.of());
        }
        List<RoleSplitter.Span> spans = split.data();
        int share = Math.max(1, SafetyScreen.MAX_DATA_PIECES / spans.size());
        List<String> texts = spans.stream().map(s -> s.text(prompt)).toList();
        List<String> dataPieces = new ArrayList<>();
        if (texts.size() > 1) {
            dataPieces.addAll(texts);
        }
        for (String span : texts) {
            dataPieces.addAll(pieces(span, share));
        }
        String data = String.join(JOIN, texts);
        String instruction = split.instruction();
        if (instruction.isBlank()) {
            instruction = data;
        } else {
            Tokens tokens = tokenizer.apply(instruction);
            if (tokens.size() > tokens.windowSize()) {
                dataPieces.addAll(texts(pastTheWhole(tokens, TextWindows.covering(tokens, SafetyScreen.split(
                        instruction), List.of(), SafetyScreen.WINDOW_TOKENS))));
            }
        }
        return new Read(sentences, instruction, data, List.copyOf(dataPieces));
    }

    /**
     * The pieces the injection head reads of a text besides its whole, as {@code SafetyScreen.read} builds them: each
     * sentence while it has at most {@code alone}, else windows covering it; a text of one sentence longer than the
     * model reads at once in the windows past the whole.
     */
    private List<String> pieces(String text, int alone) {
        List<int[]> sentences = SafetyScreen.split(text);
        Tokens tokens = tokenizer.apply(text);
        if (sentences.size() >= 2) {
            return texts(sentences.size() <= alone ? TextWindows.eachSentence(tokens, sentences)
                    : TextWindows.covering(tokens, sentences, List.of(), SafetyScreen.WINDOW_TOKENS));
        }
        if (tokens.size() > tokens.windowSize()) {
            return texts(pastTheWhole(tokens, TextWindows.covering(tokens, sentences, List.of(),
                    SafetyScreen.WINDOW_TOKENS)));
        }
        return List.of();
    }

    /** The windows reading beyond the whole text's first word pieces (as {@code SafetyScreen.pastTheWhole}). */
    private static List<Tokens.Window> pastTheWhole(Tokens tokens, List<Tokens.Window> windows) {
        return windows.stream().filter(w -> w.to() > tokens.windowSize()).toList();
    }

    private static List<String> texts(List<Tokens.Window> windows) {
        return windows.stream().map(Tokens.Window::text).distinct().toList();
    }
}
