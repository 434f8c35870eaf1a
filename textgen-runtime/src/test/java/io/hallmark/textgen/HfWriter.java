package io.hallmark.textgen;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Writes a checkpoint as a Hugging Face Llama folder (config.json, model.safetensors F32, tokenizer.json), for tests. */
final class HfWriter {

    private static final ObjectMapper JSON = new ObjectMapper();

    private HfWriter() {}

    static void write(LlamaCheckpoint checkpoint, Path folder) throws IOException {
        Files.createDirectories(folder);
        LlamaConfig c = checkpoint.config();
        ObjectNode config = JSON.createObjectNode();
        config.putArray("architectures").add("LlamaForCausalLM");
        config.put("model_type", "llama").put("hidden_size", c.dim()).put("intermediate_size", c.hiddenDim())
                .put("num_hidden_layers", c.layers()).put("num_attention_heads", c.heads())
                .put("num_key_value_heads", c.kvHeads()).put("vocab_size", c.vocabSize())
                .put("max_position_embeddings", c.contextLength()).put("rms_norm_eps", c.normEps())
                .put("rope_theta", c.ropeTheta()).put("tie_word_embeddings", c.tiedOutput())
                .put("bos_token_id", 1).put("eos_token_id", 2);
        JSON.writeValue(folder.resolve("config.json").toFile(), config);

        Map<String, RawTensor> out = new LinkedHashMap<>();
        out.put("model.embed_tokens.weight", checkpoint.tensor("token_embd.weight"));
        for (int l = 0; l < c.layers(); l++) {
            String h = "model.layers." + l + ".";
            String g = "blk." + l + ".";
            out.put(h + "input_layernorm.weight", checkpoint.tensor(g + "attn_norm.weight"));
            out.put(h + "self_attn.q_proj.weight", SafetensorsLoader.permuteToHf(checkpoint.tensor(g + "attn_q.weight"), c.heads()));
            out.put(h + "self_attn.k_proj.weight", SafetensorsLoader.permuteToHf(checkpoint.tensor(g + "attn_k.weight"), c.kvHeads()));
            out.put(h + "self_attn.v_proj.weight", checkpoint.tensor(g + "attn_v.weight"));
            out.put(h + "self_attn.o_proj.weight", checkpoint.tensor(g + "attn_output.weight"));
            out.put(h + "post_attention_layernorm.weight", checkpoint.tensor(g + "ffn_norm.weight"));
            out.put(h + "mlp.gate_proj.weight", checkpoint.tensor(g + "ffn_gate.weight"));
            out.put(h + "mlp.down_proj.weight", checkpoint.tensor(g + "ffn_down.weight"));
            out.put(h + "mlp.up_proj.weight", checkpoint.tensor(g + "ffn_up.weight"));
        }
        out.put("model.norm.weight", checkpoint.tensor("output_norm.weight"));
        ObjectNode header = JSON.createObjectNode();
        long offset = 0;
        for (Map.Entry<String, RawTensor> e : out.entrySet()) {
            ObjectNode t = header.putObject(e.getKey());
            t.put("dtype", "F32");
            ArrayNode shape = t.putArray("shape");
            for (long d : e.getValue().shape()) {
                shape.add(d);
            }
            long bytes = e.getValue().elements() * 4;
            t.putArray("data_offsets").add(offset).add(offset + bytes);
            offset += bytes;
        }
        byte[] headerBytes = JSON.writeValueAsBytes(header);
        int padded = (headerBytes.length + 7) / 8 * 8;
        try (OutputStream os = Files.newOutputStream(folder.resolve("model.safetensors"))) {
            os.write(ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(padded).array());
            os.write(headerBytes);
            os.write(" ".repeat(padded - headerBytes.length).getBytes(StandardCharsets.US_ASCII));
            for (RawTensor t : out.values()) {
                float[] v = t.toFloats();
                ByteBuffer b = ByteBuffer.allocate(v.length * 4).order(ByteOrder.LITTLE_ENDIAN);
                b.asFloatBuffer().put(v);
                os.write(b.array());
            }
        }
        writeTokenizer((SentencePieceTokenizer) checkpoint.tokenizer(), folder.resolve("tokenizer.json"));
    }

    /** A BPE tokenizer.json equivalent to the SentencePiece vocabulary: merges ranked by the merged piece's score. */
    static void writeTokenizer(SentencePieceTokenizer spm, Path file) throws IOException {
        List<String> pieces = spm.ggufTokens();
        float[] scores = spm.scores();
        ObjectNode root = JSON.createObjectNode();
        root.put("version", "1.0");
        ArrayNode added = root.putArray("added_tokens");
        String[] specials = {"<unk>", "<s>", "</s>"};
        for (int i = 0; i < 3; i++) {
            added.addObject().put("id", i).put("content", specials[i]).put("single_word", false).put("lstrip", false)
                    .put("rstrip", false).put("normalized", false).put("special", true);
        }
        ObjectNode normalizer = root.putObject("normalizer");
        normalizer.put("type", "Sequence");
        ArrayNode norms = normalizer.putArray("normalizers");
        norms.addObject().put("type", "Prepend").put("prepend", "\u2581");
        ObjectNode replace = norms.addObject().put("type", "Replace");
        replace.putObject("pattern").put("String", " ");
        replace.put("content", "\u2581");
        root.putNull("pre_tokenizer");
        root.putNull("post_processor");
        root.putNull("decoder");
        ObjectNode model = root.putObject("model");
        model.put("type", "BPE").putNull("dropout").put("unk_token", "<unk>").put("fuse_unk", true).put("byte_fallback", true);
        ObjectNode vocab = model.putObject("vocab");
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < pieces.size(); i++) {
            String p = i < 3 ? specials[i] : pieces.get(i);
            if (seen.add(p)) {
                vocab.put(p, i);
            }
        }
        List<Integer> order = new ArrayList<>();
        for (int i = 3; i < pieces.size(); i++) {
            order.add(i);
        }
        order.sort(Comparator.comparingDouble(i -> -scores[i]));
        ArrayNode merges = model.putArray("merges");
        for (int id : order) {
            String p = pieces.get(id);
            int[] cps = p.codePoints().toArray();
            for (int k = 1; k < cps.length; k++) {
                String a = new String(cps, 0, k);
                String b = new String(cps, k, cps.length - k);
                if (seen.contains(a) && seen.contains(b)) {
                    merges.add(a + " " + b);
                }
            }
        }
        JSON.writeValue(file.toFile(), root);
    }
}
