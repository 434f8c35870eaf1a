package io.hallmark.textgen;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads llama2.c checkpoints (the legacy float32 {@code .bin}: seven int32 header fields, then the tensors layer
 * by layer per kind, then the legacy RoPE tables, then the classifier when the vocabulary size is negative).
 */
public final class Llama2cLoader {

    private Llama2cLoader() {}

    /** Reads {@code bin} with the tokenizer {@code tokenizer} ({@code tok512.bin} style). */
    public static LlamaCheckpoint load(Path bin, Path tokenizer) {
        if (!Files.isRegularFile(bin)) {
            throw new ModelFormatException("llama2.c checkpoint not found: expected a file at " + bin);
        }
        if (!Files.isRegularFile(tokenizer)) {
            throw new ModelFormatException("llama2.c tokenizer not found: expected a file at " + tokenizer);
        }
        try (FileChannel channel = FileChannel.open(bin, StandardOpenOption.READ)) {
            long size = channel.size();
            if (size < 28) {
                throw new ModelFormatException("llama2.c checkpoint " + bin + " is truncated: " + size
                        + " bytes, shorter than its 28-byte header");
            }
            ByteBuffer all = channel.map(FileChannel.MapMode.READ_ONLY, 0, size).order(ByteOrder.LITTLE_ENDIAN);
            int dim = all.getInt(0);
            int hidden = all.getInt(4);
            int layers = all.getInt(8);
            int heads = all.getInt(12);
            int kvHeads = all.getInt(16);
            int vocab = all.getInt(20);
            int seqLen = all.getInt(24);
            boolean tied = vocab > 0;
            vocab = Math.abs(vocab);
            LlamaConfig config;
            try {
                if (dim > 1 << 16 || hidden > 1 << 18 || layers > 1024 || vocab > 1 << 22 || seqLen > 1 << 22) {
                    throw new IllegalArgumentException("implausible sizes");
                }
                config = new LlamaConfig(dim, hidden, layers, heads, kvHeads, vocab, seqLen, 1e-5f, 10000f, tied);
            } catch (IllegalArgumentException e) {
                throw new ModelFormatException("llama2.c checkpoint " + bin + " has a corrupt header (dim " + dim
                        + ", hidden " + hidden + ", layers " + layers + ", heads " + heads + ", kv heads " + kvHeads
                        + ", vocab " + vocab + ", seq_len " + seqLen + "): " + e.getMessage()
                        + "; is it a llama2.c .bin file?");
            }
            long kv = config.kvDim();
            long head = config.headSize();
            long floats = (long) vocab * dim + layers * (2L * dim + 2L * dim * dim + 2L * kv * dim + 3L * hidden * dim)
                    + dim + (long) seqLen * head + (tied ? 0 : (long) vocab * dim);
            long expected = 28 + floats * 4;
            if (size != expected) {
                throw new ModelFormatException("llama2.c checkpoint " + bin + " has " + size + " bytes; its header "
                        + "(dim " + dim + ", layers " + layers + ", vocab " + vocab + ", seq_len " + seqLen
                        + ") needs exactly " + expected + (size < expected ? ": the file is truncated" : ": the file is corrupt"));
            }
            Map<String, RawTensor> tensors = new LinkedHashMap<>();
            long[] offset = {28};
            java.util.function.BiFunction<String, long[], RawTensor> next = (name, shape) -> {
                long bytes = RawTensor.elements(shape) * 4;
                ByteBuffer slice = all.slice((int) offset[0], (int) bytes).order(ByteOrder.LITTLE_ENDIAN);
                offset[0] += bytes;
                return new RawTensor(name, shape, TensorType.F32, slice);
            };
            tensors.put("token_embd.weight", next.apply("token_embd.weight", new long[] {vocab, dim}));
            perLayer(tensors, next, layers, "attn_norm", new long[] {dim});
            perLayer(tensors, next, layers, "attn_q", new long[] {dim, dim});
            perLayer(tensors, next, layers, "attn_k", new long[] {kv, dim});
            perLayer(tensors, next, layers, "attn_v", new long[] {kv, dim});
            perLayer(tensors, next, layers, "attn_output", new long[] {dim, dim});
            perLayer(tensors, next, layers, "ffn_norm", new long[] {dim});
            perLayer(tensors, next, layers, "ffn_gate", new long[] {hidden, dim});
            perLayer(tensors, next, layers, "ffn_down", new long[] {dim, hidden});
            perLayer(tensors, next, layers, "ffn_up", new long[] {hidden, dim});
            tensors.put("output_norm.weight", next.apply("output_norm.weight", new long[] {dim}));
            offset[0] += (long) seqLen * head * 4; // legacy freq_cis_real and freq_cis_imag
            if (!tied) {
                tensors.put("output.weight", next.apply("output.weight", new long[] {vocab, dim}));
            }
            SentencePieceTokenizer tok = SentencePieceTokenizer.readLlama2c(tokenizer, vocab);
            return new LlamaCheckpoint(config, tensors, tok, "llama2c", bin);
        } catch (IOException e) {
            throw new ModelFormatException("Cannot read llama2.c checkpoint " + bin + ": " + e, e);
        }
    }

    private static void perLayer(Map<String, RawTensor> tensors, java.util.function.BiFunction<String, long[], RawTensor> next,
            int layers, String kind, long[] shape) {
        for (int l = 0; l < layers; l++) {
            String name = "blk." + l + "." + kind + ".weight";
            tensors.put(name, next.apply(name, shape));
        }
    }
}
