package io.hallmark.textgen;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a GGUF file is, as {@code hallmark models list} shows it: architecture, the weight type holding most of the
 * bytes, parameters, context length, whether it has a chat template, and whether Hallmark loads it (with the reason
 * when not). Reads the header and checks the file the way loading does, without computing anything.
 *
 * @param architecture {@code general.architecture}
 * @param quantization the type of most weight bytes, e.g. {@code Q4_K}, with the others in brackets
 * @param parameters weights in the file
 * @param contextLength the context the file declares
 * @param chatTemplate whether it has {@code tokenizer.chat_template}
 * @param loads whether Hallmark runs it
 * @param problem why not, or null
 * @param float16WeightBytes the weights' bytes on a GPU ({@link WeightPlacement#DEVICE_FLOAT16}): matrices of
 *     stored types other than F32 in float16, the rest in float32
 * @param kvCacheBytesPerToken the KV cache one token of context takes (float32 keys and values of every layer), 0
 *     when the file does not load
 */
public record GgufSummary(String architecture, String quantization, long parameters, long contextLength,
        boolean chatTemplate, boolean loads, String problem, long float16WeightBytes, long kvCacheBytesPerToken) {

    /** Summarises a GGUF file; a file that is not GGUF at all is an error. */
    public static GgufSummary of(Path file) {
        GgufFile gguf = GgufFile.read(file);
        String arch = String.valueOf(gguf.metadata().getOrDefault("general.architecture", "unknown"));
        Map<String, Long> bytesByType = new TreeMap<>();
        long parameters = 0;
        long float16Bytes = 0;
        for (GgufFile.TensorInfo t : gguf.tensors().values()) {
            long elements = RawTensor.elements(t.dims());
            parameters += elements;
            TensorType type = TensorType.ofGgml(t.ggmlType());
            float16Bytes += (t.dims().length > 1 && type != TensorType.F32 ? 2 : 4) * elements;
            String name = type != null ? type.name() : TensorType.ggmlName(t.ggmlType());
            long bytes = type != null && type.fits(elements) ? type.bytes(elements) : elements;
            if (t.dims().length > 1) {
                bytesByType.merge(name, bytes, Long::sum);
            }
        }
        String main = bytesByType.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse("none");
        String others = String.join(", ", bytesByType.keySet().stream().filter(k -> !k.equals(main)).toList());
        long context = gguf.metadata().get(arch + ".context_length") instanceof Number n ? n.longValue() : 0;
        boolean template = gguf.metadata().get("tokenizer.chat_template") instanceof String;
        String problem = null;
        long kvPerToken = 0;
        try {
            LlamaConfig c = GgufLoader.load(file).config();
            kvPerToken = 2L * c.layers() * c.kvHeads() * c.headSize() * Float.BYTES;
        } catch (ModelFormatException e) {
            problem = e.getMessage();
        }
        return new GgufSummary(arch, others.isEmpty() ? main : main + " (also " + others + ")", parameters, context,
                template, problem == null, problem, float16Bytes, kvPerToken);
    }

    /** The fields as JSON-friendly entries. */
    public Map<String, Object> asMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("architecture", architecture);
        m.put("quantization", quantization);
        m.put("parameters", parameters);
        m.put("contextLength", contextLength);
        m.put("chatTemplate", chatTemplate);
        m.put("loads", loads);
        if (problem != null) {
            m.put("problem", problem);
        }
        m.put("float16WeightBytes", float16WeightBytes);
        if (loads) {
            m.put("kvCacheBytesPerToken", kvCacheBytesPerToken);
        }
        return m;
    }

    @Override
    public String toString() {
        return architecture + ", " + quantization + ", " + String.format("%,d", parameters) + " parameters, context "
                + contextLength + ", chat template " + (chatTemplate ? "yes" : "no") + ", loads " + (loads ? "yes" : "no");
    }
}
