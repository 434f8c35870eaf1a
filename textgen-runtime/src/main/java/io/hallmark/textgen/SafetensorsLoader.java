package io.hallmark.textgen;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Reads a Hugging Face Llama checkpoint folder: {@code config.json}, one or more {@code *.safetensors} files (F32,
 * F16 or BF16) and {@code tokenizer.json}. Hugging Face stores the rows of the query and key projections permuted
 * for its rotate-half RoPE; they are put back into the interleaved-pair order the decoder (and GGUF) use, the
 * inverse of what llama.cpp's converter does.
 */
public final class SafetensorsLoader {

    private SafetensorsLoader() {}

    public static LlamaCheckpoint load(Path folder) {
        Path configFile = folder.resolve("config.json");
        if (!Files.isRegularFile(configFile)) {
            throw new ModelFormatException("Hugging Face model folder " + folder + " lacks config.json");
        }
        JsonNode config;
        try {
            config = new ObjectMapper().readTree(configFile.toFile());
        } catch (IOException e) {
            throw new ModelFormatException("Cannot read " + configFile + ": " + e.getMessage(), e);
        }
        String architectures = config.path("architectures").toString();
        if (!architectures.contains("LlamaForCausalLM") && !config.path("model_type").asText().equals("llama")) {
            throw new ModelFormatException(configFile + " describes " + architectures + " (model_type '"
                    + config.path("model_type").asText() + "'); supported: LlamaForCausalLM");
        }
        if (config.hasNonNull("rope_scaling")) {
            throw new ModelFormatException(configFile + " uses rope_scaling " + config.get("rope_scaling")
                    + ", which this runtime does not implement");
        }
        int heads = require(config, "num_attention_heads", configFile);
        LlamaConfig c;
        try {
            c = new LlamaConfig(require(config, "hidden_size", configFile), require(config, "intermediate_size", configFile),
                    require(config, "num_hidden_layers", configFile), heads,
                    config.path("num_key_value_heads").asInt(heads), require(config, "vocab_size", configFile),
                    config.path("max_position_embeddings").asInt(2048), (float) config.path("rms_norm_eps").asDouble(1e-6),
                    (float) config.path("rope_theta").asDouble(10000), config.path("tie_word_embeddings").asBoolean(false));
        } catch (IllegalArgumentException e) {
            throw new ModelFormatException(configFile + ": " + e.getMessage());
        }
        Map<String, RawTensor> hf = new HashMap<>();
        List<Path> files;
        try (Stream<Path> list = Files.list(folder)) {
            files = list.filter(p -> p.getFileName().toString().endsWith(".safetensors")).sorted().toList();
        } catch (IOException e) {
            throw new ModelFormatException("Cannot list " + folder + ": " + e.getMessage(), e);
        }
        if (files.isEmpty()) {
            throw new ModelFormatException("Hugging Face model folder " + folder + " has no *.safetensors file");
        }
        for (Path file : files) {
            hf.putAll(readSafetensors(file));
        }
        Map<String, RawTensor> tensors = new LinkedHashMap<>();
        tensors.put("token_embd.weight", take(hf, "model.embed_tokens.weight", "token_embd.weight", folder));
        for (int l = 0; l < c.layers(); l++) {
            String h = "model.layers." + l + ".";
            String g = "blk." + l + ".";
            tensors.put(g + "attn_norm.weight", take(hf, h + "input_layernorm.weight", g + "attn_norm.weight", folder));
            tensors.put(g + "attn_q.weight", unpermute(take(hf, h + "self_attn.q_proj.weight", g + "attn_q.weight", folder), c.heads()));
            tensors.put(g + "attn_k.weight", unpermute(take(hf, h + "self_attn.k_proj.weight", g + "attn_k.weight", folder), c.kvHeads()));
            tensors.put(g + "attn_v.weight", take(hf, h + "self_attn.v_proj.weight", g + "attn_v.weight", folder));
            tensors.put(g + "attn_output.weight", take(hf, h + "self_attn.o_proj.weight", g + "attn_output.weight", folder));
            tensors.put(g + "ffn_norm.weight", take(hf, h + "post_attention_layernorm.weight", g + "ffn_norm.weight", folder));
            tensors.put(g + "ffn_gate.weight", take(hf, h + "mlp.gate_proj.weight", g + "ffn_gate.weight", folder));
            tensors.put(g + "ffn_down.weight", take(hf, h + "mlp.down_proj.weight", g + "ffn_down.weight", folder));
            tensors.put(g + "ffn_up.weight", take(hf, h + "mlp.up_proj.weight", g + "ffn_up.weight", folder));
        }
        tensors.put("output_norm.weight", take(hf, "model.norm.weight", "output_norm.weight", folder));
        if (!c.tiedOutput()) {
            tensors.put("output.weight", take(hf, "lm_head.weight", "output.weight", folder));
        }
        Path tokenizerJson = folder.resolve("tokenizer.json");
        if (!Files.isRegularFile(tokenizerJson)) {
            throw new ModelFormatException("Hugging Face model folder " + folder + " lacks tokenizer.json");
        }
        Tokenizer tokenizer = HfTokenizer.read(tokenizerJson, c.vocabSize(), config.path("bos_token_id").asInt(1),
                config.path("eos_token_id").asInt(2));
        return new LlamaCheckpoint(c, tensors, tokenizer, "safetensors", folder);
    }

    private static int require(JsonNode config, String key, Path file) {
        if (!config.path(key).isInt()) {
            throw new ModelFormatException(file + " lacks the integer '" + key + "'");
        }
        return config.get(key).asInt();
    }

    private static RawTensor take(Map<String, RawTensor> hf, String name, String ggufName, Path folder) {
        RawTensor t = hf.get(name);
        if (t == null) {
            throw new ModelFormatException("Hugging Face model " + folder + " lacks tensor '" + name + "'");
        }
        return new RawTensor(ggufName, t.shape(), t.type(), t.data());
    }

    /**
     * Hugging Face rows of a head are [first halves of the pairs..., second halves...]; the interleaved order is
     * [x0, y0, x1, y1, ...]. Row {@code h*hd + s*hd/2 + i} moves to {@code h*hd + 2i + s}.
     */
    static RawTensor unpermute(RawTensor t, int heads) {
        return permute(t, heads, false);
    }

    /** The inverse: interleaved rows to Hugging Face's rotate-half order (what a converter to safetensors does). */
    public static RawTensor permuteToHf(RawTensor t, int heads) {
        return permute(t, heads, true);
    }

    private static RawTensor permute(RawTensor t, int heads, boolean toHf) {
        int rows = (int) t.shape()[0];
        int cols = (int) t.shape()[1];
        int hd = rows / heads;
        float[] in = t.toFloats();
        float[] out = new float[in.length];
        for (int h = 0; h < heads; h++) {
            for (int s = 0; s < 2; s++) {
                for (int i = 0; i < hd / 2; i++) {
                    int hfRow = h * hd + s * hd / 2 + i;
                    int ggRow = h * hd + 2 * i + s;
                    int from = toHf ? ggRow : hfRow;
                    int to = toHf ? hfRow : ggRow;
                    System.arraycopy(in, from * cols, out, to * cols, cols);
                }
            }
        }
        return RawTensor.ofFloats(t.name(), t.shape(), out);
    }

    /** The tensors of one safetensors file (F32 and F16 as mapped, BF16 widened to F32). */
    public static Map<String, RawTensor> readSafetensors(Path file) {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = ch.size();
            ByteBuffer lenBuf = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
            if (size < 8 || ch.read(lenBuf, 0) != 8) {
                throw new ModelFormatException("Safetensors file " + file + " is truncated: " + size + " bytes");
            }
            long headerLen = lenBuf.getLong(0);
            if (headerLen <= 0 || headerLen > 100_000_000 || 8 + headerLen > size) {
                throw new ModelFormatException("Safetensors file " + file + " is corrupt or truncated: header length "
                        + headerLen + ", file " + size + " bytes");
            }
            ByteBuffer header = ByteBuffer.allocate((int) headerLen);
            ch.read(header, 8);
            JsonNode root = new ObjectMapper().readTree(new String(header.array(), StandardCharsets.UTF_8));
            long dataStart = 8 + headerLen;
            Map<String, RawTensor> tensors = new HashMap<>();
            for (Map.Entry<String, JsonNode> e : root.properties()) {
                if (e.getKey().equals("__metadata__")) {
                    continue;
                }
                JsonNode info = e.getValue();
                long[] shape = new long[info.path("shape").size()];
                for (int i = 0; i < shape.length; i++) {
                    shape[i] = info.path("shape").get(i).asLong();
                }
                long begin = info.path("data_offsets").get(0).asLong();
                long end = info.path("data_offsets").get(1).asLong();
                if (dataStart + end > size) {
                    throw new ModelFormatException("Safetensors file " + file + " is truncated: tensor '" + e.getKey()
                            + "' ends at byte " + (dataStart + end) + " but the file has " + size + " bytes");
                }
                ByteBuffer data = ch.map(FileChannel.MapMode.READ_ONLY, dataStart + begin, end - begin)
                        .order(ByteOrder.LITTLE_ENDIAN);
                String dtype = info.path("dtype").asText();
                RawTensor t = switch (dtype) {
                    case "F32" -> new RawTensor(e.getKey(), shape, TensorType.F32, data);
                    case "F16" -> new RawTensor(e.getKey(), shape, TensorType.F16, data);
                    case "BF16" -> {
                        float[] v = new float[(int) RawTensor.elements(shape)];
                        for (int i = 0; i < v.length; i++) {
                            v[i] = Float.intBitsToFloat((data.getShort() & 0xffff) << 16);
                        }
                        yield RawTensor.ofFloats(e.getKey(), shape, v);
                    }
                    default -> throw new ModelFormatException("Safetensors file " + file + ": tensor '" + e.getKey()
                            + "' has dtype " + dtype + "; supported: F32, F16, BF16");
                };
                tensors.put(e.getKey(), t);
            }
            return tensors;
        } catch (IOException e) {
            throw new ModelFormatException("Cannot read safetensors file " + file + ": " + e.getMessage(), e);
        }
    }
}
