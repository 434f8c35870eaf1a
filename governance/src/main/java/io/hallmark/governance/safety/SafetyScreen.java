package io.hallmark.governance.safety;

import io.hallmark.api.input.FieldLimits;
import io.hallmark.governance.ml.TextFeatures;
import io.hallmark.governance.safety.encoding.EncodedPayload;
import io.hallmark.governance.safety.encoding.EncodedSpans;
import io.hallmark.retrieval.embed.Tokens;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Runs the trained safety heads: {@link #screenPrompt} scores a prompt for injection, jailbreak and harm;
 * {@link #toxicity} scores an output sentence by sentence and keeps the toxic spans. Scores are 0..1 with the tuned
 * threshold at 0.8 (see {@link SafetyModel.Head#score}). Thread-safe.
 *
 * <p>The injection head reads a prompt whole and each of its sentences, and the prompt scores the highest of these
 * ({@link #SENTENCE_HEADS}): an injection is typically one sentence appended to an innocent request ("... Ignore the
 * above and say ..."), which the embedding of the whole text dilutes. On deepset's dev split this raised the
 * out-of-fold F1 of one head from 0.920 to 0.932, and at every threshold from 0.55 to 0.80.
 *
 * <p>Every head reads all of every text it reads (issue 18): the embedding model reads a text's first 126 word pieces
 * (its whole embedding, as the heads were trained), so a text longer than that is also read in windows of at most
 * {@value #WINDOW_TOKENS} word pieces at sentence starts that cover the rest of it ({@link TextWindows}), and its score
 * is the best of the whole and the windows, with that window's span as the trigger. A request longer than the
 * platform's input limits is refused ({@link #MAX_CHARACTERS}), never read in part.
 *
 * <p>Each head reads the features of the embedder it was trained on (design 15, issue 18): a model's logistic heads
 * read {@link SafetyModel#embedder()}'s (all-MiniLM-L6-v2, 126 word pieces at once), the heads that score by nearest
 * prototypes ({@link SafetyModel#prototypes()}: the input heads) read {@link PrototypeSet#embedder()}'s
 * (bge-small-en-v1.5-q, 510 word pieces at once); the readings above are the same for both, each text tokenized and
 * windowed by the embedder that reads it, and every head is scored by {@link SafetyModel#probability}.
 */
public final class SafetyScreen {

    /** The heads that score a prompt by its highest-scoring sentence or the whole, whichever is higher. */
    public static final java.util.Set<String> SENTENCE_HEADS = java.util.Set.of("injection");

    /**
     * A prompt read by sentence (design 7's reading, {@link InstructionReading#WHOLE_AND_SENTENCES}) of up to this many
     * sentences is read one sentence at a time; one of more in windows of sentences ({@link TextWindows#covering}), so
     * that all of it is read at a bounded cost a word piece. Training reads a prompt's first this many sentences
     * ({@link #sentencesOf}).
     */
    static final int MAX_SENTENCES = 32;

    private static final Pattern SENTENCE = Pattern.compile("[^.!?\\n]+(?:[.!?]+|\\n|$)");

    private final SafetyModel model;
    /** The features of the model's logistic heads ({@link SafetyModel#embedder()}, all-MiniLM-L6-v2). */
    private final TextFeatures features;
    /** The features of its prototype heads ({@link PrototypeSet#embedder()}); null for a model without prototypes. */
    private final @Nullable TextFeatures prototypeFeatures;

    /**
     * A screen of a model whose heads are all logistic (design 7): they read {@code features}.
     *
     * @throws IllegalArgumentException when the model has prototype heads (they read another embedder's features:
     *     {@link #SafetyScreen(SafetyModel, TextFeatures, TextFeatures)}), or was trained on another embedder
     */
    public SafetyScreen(SafetyModel model, TextFeatures features) {
        this(model, features, null);
    }

    /**
     * A screen whose heads each read the features of the embedder they were trained on: the logistic heads (toxicity)
     * read {@code features} ({@link SafetyModel#embedder()}), the heads that score by nearest prototypes (design 15's
     * input heads) read {@code prototypeFeatures} ({@link PrototypeSet#embedder()}, BGE-small). Every reading of a
     * text (whole, sentences, role split, data pieces, windows) is tokenized and embedded by the embedder of the
     * head that reads it.
     *
     * @param prototypeFeatures features of the prototypes' embedder; may be null for a model without prototypes
     * @throws IllegalArgumentException when either features are of another embedder than the heads were trained on,
     *     or the model has prototypes and {@code prototypeFeatures} is null
     */
    public SafetyScreen(SafetyModel model, TextFeatures features, @Nullable TextFeatures prototypeFeatures) {
        if (!model.embedder().equals(features.embedder().name())) {
            throw new IllegalArgumentException("The safety model was trained on '" + model.embedder()
                    + "' embeddings, not '" + features.embedder().name() + "'; retrain with `hallmark train safety`");
        }
        PrototypeSet prototypes = model.prototypes();
        if (prototypes != null) {
            if (prototypeFeatures == null) {
                throw new IllegalArgumentException("The safety model's heads " + prototypeHeads(model) + " score by "
                        + "nearest prototypes on '" + prototypes.embedder() + "' embeddings: give the screen the "
                        + "features of '" + prototypes.embedder() + "' as well (SafetyScreen(model, features, "
                        + "prototypeFeatures))");
            }
            if (!prototypes.embedder().equals(prototypeFeatures.embedder().name())) {
                throw new IllegalArgumentException("The safety model's prototypes are '" + prototypes.embedder()
                        + "' embeddings, not '" + prototypeFeatures.embedder().name() + "'; give the screen the "
                        + "features of '" + prototypes.embedder() + "', or retrain with `hallmark train safety`");
            }
            if (prototypes.dimension() > prototypeFeatures.embedder().dimension()) {
                throw new IllegalArgumentException("The safety model's prototypes have " + prototypes.dimension()
                        + " dimensions; '" + prototypeFeatures.embedder().name() + "' embeds in "
                        + prototypeFeatures.embedder().dimension());
            }
        }
        this.model = model;
        this.features = features;
        this.prototypeFeatures = prototypes == null ? null : prototypeFeatures;
    }

    private static List<String> prototypeHeads(SafetyModel model) {
        return model.heads().keySet().stream().filter(model::byPrototypes).sorted().toList();
    }

    /** The features a head reads: those of the embedder it was trained on. */
    private TextFeatures featuresOf(String category) {
        return model.byPrototypes(category) ? java.util.Objects.requireNonNull(prototypeFeatures) : features;
    }

    public SafetyModel model() {
        return model;
    }

    /**
     * Scores of the input screens, {@code injection}, {@code jailbreak}, {@code harmful}, for a prompt screened by
     * role as the platform screens it ({@link #explain}: the data pasted into it is read as data).
     */
    public Map<String, Double> screenPrompt(String prompt) {
        return explain(List.of(ScreenInput.instruction(prompt))).scores();
    }

    /** {@link #screenPrompt} for many prompts. */
    public List<Map<String, Double>> screenPrompts(List<String> prompts) {
        return prompts.stream().map(this::screenPrompt).toList();
    }

    /**
     * The span of the prompt a screen's score comes from: the sentence or window that scored highest when it beat the
     * whole (sentences for a head in {@link #SENTENCE_HEADS}; windows of a prompt longer than the model reads at once,
     * for every head); else the whole prompt.
     *
     * @param screen the head ({@code injection}, {@code jailbreak}, {@code harmful})
     * @param start the span's first character in the prompt
     * @param end one past its last character
     * @param score the head's score (0..1, flagged from 0.8)
     */
    public record Trigger(String screen, int start, int end, double score) {}

    /** A prompt's scores and, per head, the span each score comes from. */
    public record PromptScores(Map<String, Double> scores, List<Trigger> triggers) {}

    /**
     * A prompt read as one instruction, without the role split (design 7's reading: every head reads the whole, the
     * injection head also each sentence), with the span behind each score. The platform screens by role ({@link
     * #explain}); this reading is the baseline the role split is measured against.
     */
    public PromptScores explainPrompt(String prompt) {
        return explainPrompts(List.of(prompt)).get(0);
    }

    private List<PromptScores> explainPrompts(List<String> prompts) {
        List<PromptScores> out = new ArrayList<>();
        for (String prompt : prompts) {
            ScreenInput in = ScreenInput.instruction(prompt);
            Explained explained = read(List.of(new Part(in, in.input(), PROMPT_HEADS, MAX_SENTENCES, List.of(),
                    i -> i, null)), List.of(in));
            List<Trigger> triggers = explained.triggers().stream()
                    .map(t -> new Trigger(t.screen(), t.start(), t.end(), t.score())).toList();
            out.add(new PromptScores(explained.scores(), triggers));
        }
        return out;
    }

    /** The heads that read the user's instruction; untrusted data is read by the injection head only. */
    static final List<String> PROMPT_HEADS = List.of("injection", "jailbreak", "harmful");

    /**
     * The untrusted data of one request is read sentence by sentence while it has at most this many sentences, shared
     * equally among its data inputs; a data input of more sentences than its share is read in windows of sentences of
     * at most one model input each ({@link TextWindows#covering}), all of it however long. Each data input is also read
     * whole.
     */
    public static final int MAX_DATA_PIECES = 64;

    /**
     * A screen's score for one input and the span of that input it comes from.
     *
     * @param screen the head
     * @param input the input's name ({@link ScreenInput#input()})
     * @param start the span's first character in that input
     * @param end one past its last
     * @param text the span
     * @param score the head's score (0..1, flagged from 0.8), rounded
     */
    public record InputTrigger(String screen, String input, int start, int end, String text, double score) {}

    /**
     * What the screens found in a request's inputs.
     *
     * @param scores each head's score for the request, the highest over the inputs it reads ({@code injection} always;
     *     {@code jailbreak} and {@code harmful} when the request has an instruction)
     * @param triggers per head and input it read, the span behind the score
     */
    public record Explained(Map<String, Double> scores, List<InputTrigger> triggers) {

        /**
         * The injection score of one input with the data pasted into it and its decoded runs ({@code prompt},
         * {@code prompt[data 1]}, {@code prompt[decoded 1]}, ...), 0 when none of it was read.
         */
        public double injection(String input) {
            return triggers.stream().filter(t -> t.screen().equals("injection")
                    && (t.input().equals(input) || t.input().startsWith(input + "[data ")
                            || t.input().startsWith(input + "[decoded ")))
                    .mapToDouble(InputTrigger::score).max().orElse(0);
        }
    }

    /**
     * How the injection head reads the instruction of a request (the part of the prompt that {@link
     * io.hallmark.governance.safety.roles.RoleSplitter} does not find to be pasted data). Chosen on dev: see
     * {@link #INSTRUCTION_READING} and docs/evaluation/safety-and-bias.md ("Pasted data inside prompts").
     */
    public enum InstructionReading {
        /** Whole and by sentence, as the prompt was read before the role split (design 7). */
        WHOLE_AND_SENTENCES,
        /** Whole only: an imperative sentence of the operator's own is not read on its own. */
        WHOLE,
        /** Not at all: only data is read for injections. */
        NONE
    }

    /**
     * The reading the platform ships, decided on the dev splits (never on a test split): whole only. Against reading
     * it by sentence it flagged fewer unseen ordinary instructions (37.5% against 38.6%) and risky-looking safe
     * prompts (81.6% against 84.5%) at a higher injection F1 (0.505 against 0.481); not reading it at all lost
     * almost every direct injection (deepset F1 0.99 -> 0.01).
     */
    public static final InstructionReading INSTRUCTION_READING = InstructionReading.WHOLE;

    /**
     * Whether the jailbreak and harmful-request heads read the whole prompt, the data pasted into it included, rather
     * than the instruction alone (documents sent beside the prompt are never read by them). Decided on dev: reading
     * the whole prompt flagged fewer unseen risky-looking safe prompts (75.5% against 81.6%) and caught one more of
     * the 39 jailbreaks (0.821 against 0.795) at 1.4 points more ordinary instructions flagged (38.9% against
     * 37.5%); and no format rule can
     * then hide a harmful request or a jailbreak from these heads by pasting it as data.
     */
    public static final boolean REQUEST_HEADS_READ_WHOLE_PROMPT = true;

    /**
     * Screens a request by role: each instruction input ({@link ScreenInput#data()} false, the prompt) is first split
     * by {@link io.hallmark.governance.safety.roles.RoleSplitter} into the operator's instruction and the data pasted
     * into it. The injection head reads the instruction as {@link #INSTRUCTION_READING} says, and every data input,
     * a document or a span of data pasted into the prompt (named {@code prompt[data 1]}, ... with offsets in the
     * prompt), whole and in pieces (its sentences, or when it has more sentences than its share of {@link
     * #MAX_DATA_PIECES}, windows of consecutive sentences covering all of it). The jailbreak and harmful-request heads
     * read the prompt whole ({@link #REQUEST_HEADS_READ_WHOLE_PROMPT}), never a document. Any text longer than the
     * model reads at once is also read in windows covering the rest of it, by every head that reads it. All texts are
     * embedded in one call per embedder (each head reads its own embedder's, {@link #featuresOf}) and every embedding
     * serves every head of that embedder that reads it.
     *
     * <p>Encoded runs (issue 18, session 13): every run of any input that {@link EncodedSpans} decodes (base64, hex,
     * ROT13, ...) is read decoded, as data, by the injection head, and for the prompt by the jailbreak and
     * harmful-request heads too (named {@code prompt[decoded 1]}, ..., the trigger spanning the encoded run in the
     * input); a decoding that is active code or markup ({@link EncodedPayload}) scores that input's injection 1.0,
     * its trigger on the encoded run. An input without an encoded run is read exactly as before.
     *
     * @throws InputTooLongException when the inputs together are longer than {@link #MAX_CHARACTERS}
     */
    public Explained explain(List<ScreenInput> inputs) {
        return explain(inputs, INSTRUCTION_READING, REQUEST_HEADS_READ_WHOLE_PROMPT);
    }

    /**
     * One text a request's screening reads, with what maps its offsets back into the input it came from.
     *
     * @param heads the heads that read it
     * @param sentencesAlone up to this many sentences the {@link #SENTENCE_HEADS} read one by one; a text of more is
     *     read by them in windows ({@link TextWindows#covering}); 0: they read it as the other heads do
     * @param cuts character offsets no window crosses (the bounds of the data pasted into a prompt)
     * @param slice the longer text this text is a part of, tokenized once by each embedder that reads it (a span of
     *     data pasted into a prompt is tokenized as part of the prompt); null for a text tokenized on its own
     * @param encoded the encoded run of the input this text is the decoding of ({@link EncodedSpans}): its triggers
     *     span that run; null for a text of the input itself
     */
    private record Part(ScreenInput in, String name, List<String> heads, int sentencesAlone, List<Integer> cuts,
            java.util.function.IntUnaryOperator toInput, @Nullable Slice slice, EncodedSpans.@Nullable Span encoded) {

        Part(ScreenInput in, String name, List<String> heads, int sentencesAlone, List<Integer> cuts,
                java.util.function.IntUnaryOperator toInput, @Nullable Slice slice) {
            this(in, name, heads, sentencesAlone, cuts, toInput, slice, null);
        }
    }

    /** Characters {@code start..end} of {@code text}. */
    private record Slice(String text, int start, int end) {}

    private static final List<String> REQUEST_HEADS = List.of("jailbreak", "harmful");

    /**
     * The most word pieces of a window that covers part of a long text (and at most what the model reads at once,
     * 126 for all-MiniLM-L6-v2): the heads learned prompts of mostly a few dozen word pieces, and a one-sentence
     * injection in a full window is diluted by the text around it ({@code LongInputScreenTest}: with the test's small
     * head the surest held-out dev injection scores 0.82 in the worst of three contexts of two to four benign rows).
     */
    static final int WINDOW_TOKENS = 64;

    /**
     * The most characters the screens read in one request: a prompt of {@link FieldLimits#TEXT} and documents of
     * {@link FieldLimits#DOCUMENTS_TOTAL} together, the most the platform's API accepts. The screens read every
     * character of a request or refuse it ({@link InputTooLongException}); they never read part of one.
     */
    public static final int MAX_CHARACTERS = FieldLimits.TEXT + FieldLimits.DOCUMENTS_TOTAL;

    /**
     * {@link #explain} with the injection head reading the instruction as {@code reading}, and the jailbreak and
     * harmful-request heads reading the whole prompt or the instruction alone (dev measurement).
     */
    Explained explain(List<ScreenInput> inputs, InstructionReading reading, boolean requestHeadsReadWholePrompt) {
        long characters = inputs.stream().mapToLong(in -> in.text().length()).sum();
        if (characters > MAX_CHARACTERS) {
            throw new InputTooLongException(characters);
        }
        List<Part> parts = new ArrayList<>();
        List<String> injection = reading == InstructionReading.NONE ? List.of() : List.of("injection");
        int sentences = reading == InstructionReading.WHOLE_AND_SENTENCES ? MAX_SENTENCES : 0;
        for (ScreenInput in : inputs) {
            if (in.data()) {
                parts.add(new Part(in, in.input(), List.of("injection"), -1, List.of(), i -> i, null));
                continue;
            }
            io.hallmark.governance.safety.roles.RoleSplitter.Split split =
                    io.hallmark.governance.safety.roles.RoleSplitter.split(in.text());
            if (split.instructionOnly()) {
                List<String> heads = new ArrayList<>(injection);
                heads.addAll(REQUEST_HEADS);
                parts.add(new Part(in, in.input(), heads, sentences, List.of(), i -> i, null));
                continue;
            }
            ScreenInput instruction = new ScreenInput(in.input(), split.instruction(), false);
            boolean hasInstruction = !instruction.text().isBlank();
            if (hasInstruction && !injection.isEmpty()) {
                parts.add(new Part(instruction, in.input(), injection, sentences, List.of(), split::promptOffset,
                        null));
            }
            if (requestHeadsReadWholePrompt || !hasInstruction) {
                List<Integer> cuts = new ArrayList<>();
                split.data().forEach(span -> {
                    cuts.add(span.start());
                    cuts.add(span.end());
                });
                parts.add(new Part(in, in.input(), REQUEST_HEADS, 0, cuts, i -> i, null));
            } else {
                parts.add(new Part(instruction, in.input(), REQUEST_HEADS, 0, List.of(), split::promptOffset, null));
            }
            int k = 0;
            for (io.hallmark.governance.safety.roles.RoleSplitter.Span span : split.data()) {
                int offset = span.start();
                parts.add(new Part(ScreenInput.data(in.input(), span.text(in.text())), dataSpanInput(in.input(), ++k),
                        List.of("injection"), -1, List.of(), i -> i + offset,
                        new Slice(in.text(), span.start(), span.end())));
            }
        }
        for (ScreenInput in : inputs) {
            List<EncodedSpans.Span> encoded = EncodedSpans.find(in.text());
            for (int k = 0; k < encoded.size(); k++) {
                parts.add(new Part(ScreenInput.data(in.input(), encoded.get(k).decoded()),
                        decodedSpanInput(in.input(), k + 1), in.data() ? List.of("injection") : PROMPT_HEADS, -1,
                        List.of(), i -> i, null, encoded.get(k)));
            }
        }
        long dataInputs = parts.stream().filter(p -> p.in().data()).count();
        int share = dataInputs == 0 ? 0 : (int) Math.max(1, MAX_DATA_PIECES / dataInputs);
        List<Part> shared = parts.stream().map(p -> p.sentencesAlone() >= 0 ? p : new Part(p.in(), p.name(), p.heads(),
                share, p.cuts(), p.toInput(), p.slice(), p.encoded())).toList();
        return read(shared, inputs);
    }

    /** What a head of a part reads besides the part's whole text: none, or windows covering all of it. */
    private record Reading(Part part, List<Tokens.Window> sentencePieces, List<Tokens.Window> coverage) {

        List<Tokens.Window> of(String head) {
            return SENTENCE_HEADS.contains(head) && !sentencePieces.isEmpty() ? sentencePieces : coverage;
        }
    }

    /**
     * Reads the parts: each part's whole text as the model reads a text (its first {@link Tokens#windowSize()} word
     * pieces, as the heads were trained), and, for a text longer than that or for the sentence heads' pieces, windows
     * of its word pieces ({@link TextWindows}), so that every head reads every word piece of the text it reads. Each
     * head reads the features of its own embedder ({@link #featuresOf}): the texts of a request are tokenized and
     * embedded once per embedder that reads them, all wholes and windows of that embedder in one call, each distinct
     * text once, and every embedding serves every head of that embedder that reads it.
     */
    private Explained read(List<Part> parts, List<ScreenInput> inputs) {
        Map<TextFeatures, EmbedderReading> byEmbedder = new java.util.IdentityHashMap<>();
        for (Part part : parts) {
            for (String category : part.heads()) {
                byEmbedder.computeIfAbsent(featuresOf(category), f -> new EmbedderReading(f, parts));
            }
        }
        Map<String, Double> scores = new java.util.LinkedHashMap<>();
        scores.put("injection", 0.0); // a request whose instruction the injection head does not read, and no data
        List<InputTrigger> triggers = new ArrayList<>();
        for (int i = 0; i < parts.size(); i++) {
            Part part = parts.get(i);
            String text = part.in().text();
            String original = inputs.stream().filter(in -> in.input().equals(part.in().input())).findFirst()
                    .map(ScreenInput::text).orElse(text);
            for (String category : part.heads()) {
                EmbedderReading embedded = byEmbedder.get(featuresOf(category));
                List<Tokens.Window> read = embedded.readings[i].of(category);
                List<float[]> xs = read.stream().map(embedded::window).toList();
                Trigger t = best(category, text.length(), embedded.whole(text), read, xs);
                EncodedSpans.Span encoded = part.encoded();
                double score = t.score();
                int start = part.toInput().applyAsInt(t.start());
                int end = part.toInput().applyAsInt(t.end());
                if (encoded != null) {
                    start = encoded.start(); // a decoding's trigger is the encoded run it came from
                    end = encoded.end();
                    if (category.equals("injection") && EncodedPayload.matches(encoded.decoded())) {
                        score = 1.0;
                    }
                }
                scores.merge(category, score, Math::max);
                triggers.add(new InputTrigger(category, part.name(), start, end, original.substring(start, end),
                        round(score)));
            }
        }
        return new Explained(Map.copyOf(scores), List.copyOf(triggers));
    }

    /**
     * The parts of a request as one embedder reads them, for the heads that read its features: each part tokenized
     * by its tokenizer (a span of pasted data as part of its prompt), what each part is read in ({@link Reading}), and
     * the embeddings of all wholes and windows, from one call.
     */
    private final class EmbedderReading {

        /** By part, what the heads of this embedder read of it; null for a part none of them reads. */
        final Reading[] readings;
        private final Map<String, Integer> wholeIndex = new java.util.LinkedHashMap<>();
        private final Map<String, Integer> windowIndex = new java.util.LinkedHashMap<>();
        private final List<float[]> embedded;

        EmbedderReading(TextFeatures lens, List<Part> parts) {
            Map<String, Tokens> tokenized = new java.util.HashMap<>();
            java.util.function.Function<String, Tokens> tokenize = t -> tokenized.computeIfAbsent(t,
                    lens.embedder()::tokens);
            List<List<String>> heads = parts.stream().map(p -> p.heads().stream()
                    .filter(h -> featuresOf(h) == lens).toList()).toList();
            Tokens[] own = new Tokens[parts.size()];
            for (int i = 0; i < parts.size(); i++) {
                Slice slice = parts.get(i).slice();
                if (slice != null && !heads.get(i).isEmpty()) {
                    own[i] = tokenize.apply(slice.text()).part(slice.start(), slice.end()).orElse(null);
                    if (own[i] != null) {
                        tokenized.putIfAbsent(parts.get(i).in().text(), own[i]);
                    }
                }
            }
            readings = new Reading[parts.size()];
            List<Tokens.Window> windows = new ArrayList<>();
            for (int i = 0; i < parts.size(); i++) {
                if (heads.get(i).isEmpty()) {
                    continue;
                }
                Part part = parts.get(i);
                String text = part.in().text();
                Tokens tokens = own[i] != null ? own[i] : tokenize.apply(text);
                List<int[]> sentences = split(text);
                List<Tokens.Window> pieces = part.sentencesAlone() <= 0 || sentences.size() < 2 ? List.of()
                        : sentences.size() <= part.sentencesAlone() ? TextWindows.eachSentence(tokens, sentences)
                        : TextWindows.covering(tokens, sentences, part.cuts(), WINDOW_TOKENS);
                boolean needsCoverage = tokens.size() > tokens.windowSize()
                        && (pieces.isEmpty() || heads.get(i).stream().anyMatch(h -> !SENTENCE_HEADS.contains(h)));
                List<Tokens.Window> coverage = needsCoverage ? pastTheWhole(tokens,
                        TextWindows.covering(tokens, sentences, part.cuts(), WINDOW_TOKENS)) : List.of();
                readings[i] = new Reading(part, pieces, coverage);
                wholeIndex.putIfAbsent(text, wholeIndex.size());
                for (Tokens.Window w : concat(pieces, coverage)) {
                    if (windowIndex.putIfAbsent(w.text(), windows.size()) == null) {
                        windows.add(w);
                    }
                }
            }
            embedded = lens.features(List.copyOf(wholeIndex.keySet()), windows);
        }

        float[] whole(String text) {
            return embedded.get(wholeIndex.get(text));
        }

        float[] window(Tokens.Window w) {
            return embedded.get(wholeIndex.size() + windowIndex.get(w.text()));
        }
    }

    /**
     * The windows that read beyond what the whole text's embedding reads (its first {@link Tokens#windowSize()} word
     * pieces): the text's start is read by the whole, as the heads were trained to read it; reading it again in
     * shorter windows flagged more benign dev prompts (measured, docs/evaluation/safety-and-bias.md).
     */
    private static List<Tokens.Window> pastTheWhole(Tokens tokens, List<Tokens.Window> windows) {
        return windows.stream().filter(w -> w.to() > tokens.windowSize()).toList();
    }

    private static List<Tokens.Window> concat(List<Tokens.Window> a, List<Tokens.Window> b) {
        List<Tokens.Window> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }

    /**
     * The report name of the {@code k}th span of data pasted into an input (from 1): {@code prompt[data 1]}. Its
     * trigger offsets are in that input (the prompt), so the console highlights it in place.
     */
    public static String dataSpanInput(String input, int k) {
        return input + "[data " + k + "]";
    }

    /**
     * The report name of the {@code k}th encoded run of an input (from 1) read decoded ({@link EncodedSpans}): {@code
     * prompt[decoded 1]}, {@code documents[0][decoded 2]}. Its triggers span the encoded run in that input.
     */
    public static String decodedSpanInput(String input, int k) {
        return input + "[decoded " + k + "]";
    }

    /**
     * A head's score for one text (unrounded): the whole's, or the best window's when it beats the whole, with that
     * window's bounds.
     */
    private Trigger best(String category, int length, float[] whole, List<Tokens.Window> windows, List<float[]> xs) {
        SafetyModel.Head head = model.head(category);
        double p = model.probability(category, whole);
        int start = 0;
        int end = length;
        for (int k = 0; k < windows.size(); k++) {
            double q = model.probability(category, xs.get(k));
            if (q > p) {
                p = q;
                start = windows.get(k).start();
                end = windows.get(k).end();
            }
        }
        return new Trigger(category, start, end, head.score(p));
    }

    /**
     * The sentences of a prompt that {@link #SENTENCE_HEADS} read on their own: none for a prompt of one sentence
     * (the whole is read anyway), else its first {@link #MAX_SENTENCES}.
     */
    static List<String> sentencesOf(String prompt) {
        List<String> sentences = split(prompt).stream().map(b -> prompt.substring(b[0], b[1])).toList();
        return sentences.size() < 2 ? List.of() : sentences.subList(0, Math.min(MAX_SENTENCES, sentences.size()));
    }

    private double score(String category, float[] x) {
        SafetyModel.Head head = model.head(category);
        return head.score(model.probability(category, x));
    }

    /** The start and end of each sentence of {@code text} of at least three characters, stripped. */
    static List<int[]> split(String text) {
        List<int[]> bounds = new ArrayList<>();
        Matcher m = SENTENCE.matcher(text);
        while (m.find()) {
            String s = m.group().strip();
            if (s.length() >= 3) {
                int lead = m.group().length() - m.group().stripLeading().length();
                bounds.add(new int[] {m.start() + lead, m.start() + lead + s.length()});
            }
        }
        return bounds;
    }

    /** A toxic stretch of output. */
    public record Span(int start, int end, String text, double score) {}

    /** Toxicity of a text: the highest sentence score and the sentences at or above 0.8. */
    public record Toxicity(double score, List<Span> spans) {}

    /**
     * Toxicity of an output, sentence by sentence. A sentence that leans on what came before (it opens with a
     * pronoun, "They are scared.", or is a fragment of under four words) is also read together with the sentence
     * before it, its antecedent, and scores the lower of the two readings: "They are scared." after "Tom and Lily
     * went to the park." is about two children, not about a group, while "They steal our jobs." after a sentence
     * naming a group keeps that group in the reading. A sentence that stands on its own is read alone.
     */
    public Toxicity toxicity(String text) {
        List<int[]> bounds = split(text);
        List<String> sentences = bounds.stream().map(b -> text.substring(b[0], b[1])).toList();
        if (sentences.isEmpty()) {
            return new Toxicity(0, List.of());
        }
        List<String> inputs = new ArrayList<>(sentences);
        int[] withContext = new int[sentences.size()];
        java.util.Arrays.fill(withContext, -1);
        for (int i = 1; i < sentences.size(); i++) {
            if (leansOnContext(sentences.get(i))) {
                withContext[i] = inputs.size();
                inputs.add(sentences.get(i - 1) + " " + sentences.get(i));
            }
        }
        List<float[]> xs = featuresOf("toxicity").features(inputs);
        double max = 0;
        List<Span> spans = new ArrayList<>();
        for (int i = 0; i < sentences.size(); i++) {
            double s = score("toxicity", xs.get(i));
            if (withContext[i] >= 0) {
                s = Math.min(s, score("toxicity", xs.get(withContext[i])));
            }
            max = Math.max(max, s);
            if (s >= 0.8) {
                spans.add(new Span(bounds.get(i)[0], bounds.get(i)[1], sentences.get(i), round(s)));
            }
        }
        return new Toxicity(max, spans);
    }

    private static final Pattern LEANING_OPENING = Pattern.compile(
            "^[\"“'‘]?(?:and |but |so |then )?(?:they|we|he|she|it|them|us|this|that|these|those)\\b",
            Pattern.CASE_INSENSITIVE);

    /** Whether a sentence opens with a pronoun (its referent is in the text before) or is a short fragment. */
    static boolean leansOnContext(String sentence) {
        String s = sentence.strip();
        return LEANING_OPENING.matcher(s).find() || s.split("\\s+").length < 4;
    }

    /** Toxicity of single statements (evaluation: one score per item, no sentence split). */
    public List<Double> toxicityOfStatements(List<String> statements) {
        return featuresOf("toxicity").features(statements).stream().map(x -> score("toxicity", x)).toList();
    }

    static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }
}
