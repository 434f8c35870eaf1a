package io.hallmark.retrieval.embed;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import io.hallmark.retrieval.RetrievalException;
import java.nio.LongBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;

/**
 * A BERT sentence encoder on an ONNX session that embeds many texts in few model calls: every text is tokenized once,
 * the token sequences of all texts are sorted by length, packed into padded batches of similar length and the
 * batches run side by side on the executor's threads (one ONNX thread each).
 *
 * <p>It reads exactly what LangChain4j's {@code OnnxBertBiEncoder} read before it (so scores trained on those vectors
 * do not move beyond float noise; {@code BertBatchEncoderTest} compares the two): the tokenizer's own truncation
 * applies (all-MiniLM-L6-v2's tokenizer keeps 128 tokens); a text of more than {@value #PARTITION} word pieces is cut
 * into pieces of at most that many, never inside a word, each embedded on its own and averaged weighted by its word
 * pieces; a piece whose word pieces do not survive a decode and re-tokenize round trip is read as its word pieces
 * joined (LangChain4j's rule); pooling is the mean over the text's tokens, or its first token ({@code [CLS]}).
 * Padding is masked in attention and left out of the mean, so a text's vector does not depend on its batch. A model
 * whose activations are quantized dynamically (one scale over the whole input tensor) is given {@code batchSize} 1:
 * a batch would change its vectors.
 */
final class BertBatchEncoder {

    /** Word pieces per model call, not counting {@code [CLS]} and {@code [SEP]}. */
    static final int PARTITION = 510;

    /**
     * At most this many token positions (rows x the longest row, padding included) per batch. Measured on the 2-core
     * machine, one thread, 64 texts (min of 5, under load): batches of 4-16 short sentences (~20 tokens) took 0.67-0.73
     * of the time of one text per call, 4 texts of ~128 tokens 0.92; 32-64 texts of ~128 tokens took 1.2-1.3 (the
     * activations of a large batch no longer fit the cache), so batches stay small.
     */
    static final int MAX_BATCH_TOKENS = 512;

    private final OrtEnvironment environment;
    private final OrtSession session;
    private final HuggingFaceTokenizer tokenizer;
    private final HuggingFaceTokenizer untruncated;
    private final boolean clsPooling;
    private final boolean typeIds;
    private final Executor executor;
    private final int threads;
    private final int batchSize;

    /**
     * @param tokenizer the model's tokenizer with its own truncation (what a text embedded whole reads)
     * @param untruncated the same tokenizer without truncation (what {@link #tokens} reads)
     */
    BertBatchEncoder(OrtEnvironment environment, OrtSession session, HuggingFaceTokenizer tokenizer,
            HuggingFaceTokenizer untruncated, boolean clsPooling, Executor executor, int threads, int batchSize) {
        this.environment = environment;
        this.session = session;
        this.tokenizer = tokenizer;
        this.untruncated = untruncated;
        this.clsPooling = clsPooling;
        this.typeIds = session.getInputNames().contains("token_type_ids");
        this.executor = executor;
        this.threads = threads;
        this.batchSize = batchSize;
    }

    /** One token sequence the model reads: its ids (with {@code [CLS]} and {@code [SEP]}), its text and weight. */
    private record Sequence(int text, long[] ids, int weight) {}

    /** One unnormalised vector per text, in order. */
    List<float[]> embed(List<String> texts) {
        return embed(texts, List.of());
    }

    /**
     * One unnormalised vector per text, then one per window, in order, from one set of batches: a window is one
     * sequence of its own ids ({@link Tokens#inputIds}), never tokenized again.
     */
    List<float[]> embed(List<String> texts, List<Tokens.Window> windows) {
        List<Sequence> sequences = new ArrayList<>();
        for (int i = 0; i < texts.size(); i++) {
            sequences.addAll(sequencesOf(i, texts.get(i)));
        }
        for (int w = 0; w < windows.size(); w++) {
            Tokens.Window window = windows.get(w);
            sequences.add(new Sequence(texts.size() + w, window.tokens().inputIds(window.from(), window.to()),
                    window.size()));
        }
        int count = texts.size() + windows.size();
        float[][] pooled = new float[sequences.size()][];
        List<List<Integer>> batches = batches(sequences);
        List<CompletableFuture<Void>> running = new ArrayList<>();
        for (List<Integer> batch : batches) {
            running.add(CompletableFuture.runAsync(() -> run(sequences, batch, pooled), executor));
        }
        try {
            running.forEach(CompletableFuture::join);
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
        float[][] sums = new float[count][];
        int[] weights = new int[count];
        for (int s = 0; s < sequences.size(); s++) {
            Sequence q = sequences.get(s);
            if (sums[q.text()] == null) {
                sums[q.text()] = new float[pooled[s].length];
            }
            for (int d = 0; d < pooled[s].length; d++) {
                sums[q.text()][d] += pooled[s][d] * q.weight();
            }
            weights[q.text()] += q.weight();
        }
        List<float[]> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            for (int d = 0; d < sums[i].length; d++) {
                sums[i][d] /= weights[i];
            }
            out.add(sums[i]);
        }
        return out;
    }

    /**
     * {@code prefix + text} tokenized once without truncation, as {@link Tokens} of {@code text}: the prefix's word
     * pieces are read before every window, and character offsets count UTF-16 units of {@code text} (the tokenizer
     * counts code points).
     */
    Tokens tokens(String prefix, String text) {
        Encoding encoding = untruncated.encode(prefix + text, true, false);
        long[] ids = encoding.getIds();
        String[] names = encoding.getTokens();
        ai.djl.huggingface.tokenizers.jni.CharSpan[] spans = encoding.getCharTokenSpans();
        int prefixPoints = prefix.codePointCount(0, prefix.length());
        int last = ids.length - 1; // [SEP]
        int first = 1; // after [CLS]
        while (first < last && spans[first] != null && spans[first].getStart() < prefixPoints) {
            first++;
        }
        long[] head = Arrays.copyOfRange(ids, 0, first);
        long[] tail = {ids[last]};
        int n = Math.max(0, last - first);
        long[] own = Arrays.copyOfRange(ids, first, first + n);
        int[] starts = new int[n];
        int[] ends = new int[n];
        boolean[] continuation = new boolean[n];
        int[] utf16 = codePointOffsets(text);
        for (int k = 0; k < n; k++) {
            ai.djl.huggingface.tokenizers.jni.CharSpan span = spans[first + k];
            starts[k] = utf16[Math.clamp(span.getStart() - prefixPoints, 0, utf16.length - 1)];
            ends[k] = utf16[Math.clamp(span.getEnd() - prefixPoints, 0, utf16.length - 1)];
            continuation[k] = names[first + k].startsWith("##");
        }
        int limit = tokenizer.getMaxLength() > 0 ? tokenizer.getMaxLength() - 2 : PARTITION;
        return new Tokens(text, own, starts, ends, continuation, head, tail, Math.max(1, limit - (first - 1)));
    }

    /** For each code point offset of {@code text} (and its end), the UTF-16 offset. */
    private static int[] codePointOffsets(String text) {
        int points = text.codePointCount(0, text.length());
        int[] out = new int[points + 1];
        int utf16 = 0;
        for (int p = 0; p < points; p++) {
            out[p] = utf16;
            utf16 += Character.charCount(text.codePointAt(utf16));
        }
        out[points] = utf16;
        return out;
    }

    /** The sequences one text is read as: one per piece of at most {@value #PARTITION} word pieces. */
    private List<Sequence> sequencesOf(int index, String text) {
        Encoding encoding = tokenizer.encode(text, true, false);
        String[] tokens = encoding.getTokens();
        long[] ids = encoding.getIds();
        List<Sequence> out = new ArrayList<>();
        int from = 1;
        while (from < tokens.length - 1) {
            int to = from + PARTITION;
            if (to >= tokens.length - 1) {
                to = tokens.length - 1;
            } else {
                while (to > from && tokens[to].startsWith("##")) {
                    to--;
                }
                if (to == from) {
                    to = from + PARTITION;
                }
            }
            out.add(new Sequence(index, idsOf(tokens, ids, from, to), to - from));
            from = to;
        }
        if (out.isEmpty()) {
            throw new IllegalArgumentException("Cannot embed empty or whitespace-only text");
        }
        return out;
    }

    /**
     * The ids of word pieces {@code from..to} between {@code [CLS]} and {@code [SEP]}: the text's own when the pieces
     * decode to a sentence that tokenizes back to the same pieces, else the ids of the pieces joined into one string.
     */
    private long[] idsOf(String[] tokens, long[] ids, int from, int to) {
        List<String> piece = Arrays.asList(tokens).subList(from, to);
        String sentence = tokenizer.buildSentence(piece);
        List<String> again = tokenizer.tokenize(sentence);
        if (again.size() >= 2 && again.subList(1, again.size() - 1).equals(piece)) {
            long[] out = new long[to - from + 2];
            out[0] = ids[0];
            System.arraycopy(ids, from, out, 1, to - from);
            out[out.length - 1] = ids[ids.length - 1];
            return out;
        }
        return tokenizer.encode(String.join("", piece), true, false).getIds();
    }

    /**
     * Sequences grouped into batches: longest first, a batch takes the next sequence while its padded size (count x
     * its longest) stays within an equal share of all the tokens per thread and within {@link #MAX_BATCH_TOKENS}, and
     * it holds at most {@code batchSize} sequences, so padding is small and the batches spread over the threads.
     */
    private List<List<Integer>> batches(List<Sequence> sequences) {
        List<Integer> order = new ArrayList<>();
        long total = 0;
        int longest = 0;
        for (int s = 0; s < sequences.size(); s++) {
            order.add(s);
            total += sequences.get(s).ids().length;
            longest = Math.max(longest, sequences.get(s).ids().length);
        }
        order.sort(Comparator.comparingInt((Integer s) -> -sequences.get(s).ids().length));
        long share = Math.max(longest, (total + threads - 1) / threads);
        List<List<Integer>> out = new ArrayList<>();
        List<Integer> current = new ArrayList<>();
        int width = 0;
        for (int s : order) {
            int length = sequences.get(s).ids().length;
            long padded = (long) (current.size() + 1) * width;
            if (!current.isEmpty() && (padded > share || padded > MAX_BATCH_TOKENS || current.size() >= batchSize)) {
                out.add(current);
                current = new ArrayList<>();
            }
            if (current.isEmpty()) {
                width = length;
            }
            current.add(s);
        }
        if (!current.isEmpty()) {
            out.add(current);
        }
        return out;
    }

    /** Runs one batch through the model and pools each of its sequences into {@code pooled}. */
    private void run(List<Sequence> sequences, List<Integer> batch, float[][] pooled) {
        int width = batch.stream().mapToInt(s -> sequences.get(s).ids().length).max().orElse(0);
        int rows = batch.size();
        long[] ids = new long[rows * width];
        long[] mask = new long[rows * width];
        for (int r = 0; r < rows; r++) {
            long[] own = sequences.get(batch.get(r)).ids();
            System.arraycopy(own, 0, ids, r * width, own.length);
            Arrays.fill(mask, r * width, r * width + own.length, 1L);
        }
        long[] shape = {rows, width};
        try (OnnxTensor idTensor = OnnxTensor.createTensor(environment, LongBuffer.wrap(ids), shape);
                OnnxTensor maskTensor = OnnxTensor.createTensor(environment, LongBuffer.wrap(mask), shape);
                OnnxTensor typeTensor = OnnxTensor.createTensor(environment, LongBuffer.wrap(new long[rows * width]),
                        shape)) {
            Map<String, OnnxTensor> inputs = typeIds
                    ? Map.of("input_ids", idTensor, "attention_mask", maskTensor, "token_type_ids", typeTensor)
                    : Map.of("input_ids", idTensor, "attention_mask", maskTensor);
            try (OrtSession.Result result = session.run(inputs)) {
                float[][][] hidden = (float[][][]) result.get(0).getValue();
                for (int r = 0; r < rows; r++) {
                    int length = sequences.get(batch.get(r)).ids().length;
                    pooled[batch.get(r)] = clsPooling ? hidden[r][0].clone() : mean(hidden[r], length);
                }
            }
        } catch (OrtException e) {
            throw new RetrievalException("The embedding model failed on a batch of " + rows + " texts: "
                    + e.getMessage(), e);
        }
    }

    /** The mean of the first {@code length} token vectors (the rest is padding). */
    private static float[] mean(float[][] tokens, int length) {
        float[] out = new float[tokens[0].length];
        for (int t = 0; t < length; t++) {
            for (int d = 0; d < out.length; d++) {
                out[d] += tokens[t][d];
            }
        }
        for (int d = 0; d < out.length; d++) {
            out[d] /= length;
        }
        return out;
    }
}
