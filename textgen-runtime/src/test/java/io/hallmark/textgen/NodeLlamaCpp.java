package io.hallmark.textgen;

import static org.assertj.core.api.Assumptions.assumeThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * The current llama.cpp as a second conformance reference, beside the one in de.kherud:llama (build 4916, which
 * predates qwen3): node-llama-cpp {@value #VERSION} with its prebuilt CPU binary for linux-x64
 * ({@value #BINARY_PACKAGE}, llama.cpp release v0.5.0 of September 2026), run under Node by
 * {@code llama-cpp-reference.mjs} (a test resource). npm installs both packages into the shared test cache on first
 * use ({@code --ignore-scripts}: nothing is built or downloaded at run time); after that the reference runs offline.
 * A test that needs it is skipped, saying why, only when Node or npm is absent, the machine is not linux-x64, or the
 * npm registry does not answer; a failed install with the registry reachable fails the test.
 */
final class NodeLlamaCpp {

    static final String VERSION = "3.22.1";
    static final String BINARY_PACKAGE = "@node-llama-cpp/linux-x64";
    private static final String SCRIPT = "llama-cpp-reference.mjs";
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * A greedy decoding to run: from {@code prompt}, up to {@code tokens} ids, never choosing {@code never};
     * {@code logits}: also return llama.cpp's raw logits after the prompt.
     */
    record Request(int[] prompt, int tokens, int[] never, boolean logits) {
        Request(int[] prompt, int tokens, int[] never) {
            this(prompt, tokens, never, false);
        }
    }

    /**
     * What llama.cpp generated; {@code endOfGeneration}: the last id is one of llama.cpp's end-of-generation tokens;
     * {@code logits}: its raw logit of each token after the prompt, by id (null unless the request asked for them).
     */
    record Generation(int[] tokens, boolean endOfGeneration, java.util.Map<Integer, Float> logits) {}

    /**
     * One run over a file.
     *
     * @param llamaCpp the llama.cpp release and node-llama-cpp version that answered
     * @param addBos whether llama.cpp adds BOS to a prompt of this file
     * @param tokens each text's ids (special tokens parsed, no BOS)
     */
    record Result(JsonNode llamaCpp, boolean addBos, List<int[]> tokens, List<Generation> generations) {}

    private NodeLlamaCpp() {}

    /**
     * Tokenizes {@code texts} with {@code model}'s vocabulary alone (llama.cpp's {@code vocab_only}: no weights, no
     * context), special tokens parsed, no BOS.
     */
    static Result tokenize(Path model, List<String> texts) throws Exception {
        return run(model, 0, texts, List.of(), true);
    }

    /** Tokenizes {@code texts} and runs {@code requests} on {@code model} in a context of {@code contextSize}. */
    static Result run(Path model, int contextSize, List<String> texts, List<Request> requests) throws Exception {
        return run(model, contextSize, texts, requests, false);
    }

    private static Result run(Path model, int contextSize, List<String> texts, List<Request> requests, boolean vocabOnly)
            throws Exception {
        for (Request r : requests) {
            if (r.prompt().length + r.tokens() > contextSize) { // node-llama-cpp would shift the context silently
                throw new IllegalArgumentException("A prompt of " + r.prompt().length + " and " + r.tokens()
                        + " tokens do not fit a context of " + contextSize);
            }
        }
        Path prefix = install();
        ObjectNode request = JSON.createObjectNode().put("model", model.toAbsolutePath().toString())
                .put("contextSize", contextSize).put("threads", 2).put("vocabOnly", vocabOnly);
        ArrayNode textArray = request.putArray("texts");
        texts.forEach(textArray::add);
        ArrayNode generations = request.putArray("generations");
        for (Request r : requests) {
            ObjectNode g = generations.addObject().put("tokens", r.tokens()).put("logits", r.logits());
            ArrayNode prompt = g.putArray("prompt");
            for (int id : r.prompt()) {
                prompt.add(id);
            }
            ArrayNode never = g.putArray("never");
            for (int id : r.never()) {
                never.add(id);
            }
        }
        Path script = prefix.resolve(SCRIPT);
        try (InputStream in = NodeLlamaCpp.class.getResourceAsStream(SCRIPT)) {
            Files.copy(in, script, StandardCopyOption.REPLACE_EXISTING);
        }
        Path log = Files.createTempFile("llama-cpp-reference", ".log");
        try {
            ProcessBuilder pb = new ProcessBuilder(find("node").toString(), script.toString())
                    .redirectError(log.toFile());
            Process p = pb.start();
            try (OutputStream stdin = p.getOutputStream()) {
                stdin.write(JSON.writeValueAsBytes(request));
            }
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(300, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException("llama.cpp (node-llama-cpp) did not finish on " + model);
            }
            if (p.exitValue() != 0) {
                throw new IllegalStateException("llama.cpp (node-llama-cpp) failed on " + model + " (exit " + p.exitValue()
                        + "): " + Files.readString(log) + out);
            }
            JsonNode result = JSON.readTree(out);
            List<int[]> tokens = new ArrayList<>();
            result.get("tokens").forEach(t -> tokens.add(ids(t)));
            List<Generation> gens = new ArrayList<>();
            result.get("generations").forEach(g -> gens.add(new Generation(ids(g.get("tokens")),
                    g.get("endOfGeneration").asBoolean(), logits(g.get("logits")))));
            return new Result(result.get("llamaCpp"), result.get("addBos").asBoolean(), tokens, gens);
        } finally {
            Files.deleteIfExists(log);
        }
    }

    private static java.util.Map<Integer, Float> logits(JsonNode pairs) {
        if (pairs == null || pairs.isNull()) {
            return null;
        }
        java.util.Map<Integer, Float> logits = new java.util.HashMap<>();
        pairs.forEach(p -> logits.put(p.get(0).asInt(), (float) p.get(1).asDouble()));
        return logits;
    }

    private static int[] ids(JsonNode array) {
        int[] ids = new int[array.size()];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = array.get(i).asInt();
        }
        return ids;
    }

    /** The folder node-llama-cpp is installed in, installing it on first use; skips the test where it cannot be. */
    static synchronized Path install() throws Exception {
        String os = System.getProperty("os.name").toLowerCase(Locale.ROOT);
        String arch = System.getProperty("os.arch");
        assumeThat(os.startsWith("linux") && (arch.equals("amd64") || arch.equals("x86_64")))
                .as("node-llama-cpp's prebuilt CPU binary used as the current llama.cpp reference is linux-x64's; this is"
                        + " %s %s: skipping the comparison with the current llama.cpp", os, arch)
                .isTrue();
        assumeThat(find("node") != null && find("npm") != null)
                .as("node or npm is not installed (.ci/run installs Debian's nodejs and npm where missing): skipping the"
                        + " comparison with the current llama.cpp (node-llama-cpp)")
                .isTrue();
        Path prefix = Path.of(System.getProperty("hallmark.test.cache.dir", "target/test-cache"))
                .resolve("node-llama-cpp-" + VERSION).toAbsolutePath();
        if (Files.isRegularFile(prefix.resolve("node_modules/" + BINARY_PACKAGE + "/package.json"))
                && Files.isRegularFile(prefix.resolve("node_modules/node-llama-cpp/package.json"))) {
            return prefix;
        }
        Files.createDirectories(prefix);
        Files.writeString(prefix.resolve("package.json"), "{\"private\":true}\n");
        // --omit=optional: node-llama-cpp's other prebuilt binaries (CUDA, Vulkan, arm) are 640 MB more
        Exec install = exec(List.of(find("npm").toString(), "install", "--prefix", prefix.toString(), "--no-audit",
                "--no-fund", "--ignore-scripts", "--omit=optional", "node-llama-cpp@" + VERSION,
                BINARY_PACKAGE + "@" + VERSION), 600);
        if (install.exit() != 0) {
            Exec ping = exec(List.of(find("npm").toString(), "ping"), 60);
            assumeThat(ping.exit() == 0)
                    .as("the npm registry is unreachable (npm ping: %s): skipping the comparison with the current"
                            + " llama.cpp, which npm installs (node-llama-cpp %s)", ping.output().strip(), VERSION)
                    .isTrue();
            throw new IllegalStateException("npm could not install node-llama-cpp " + VERSION + " into " + prefix
                    + " (exit " + install.exit() + "): " + install.output());
        }
        return prefix;
    }

    private record Exec(int exit, String output) {}

    private static Exec exec(List<String> command, int seconds) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(seconds, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            return new Exec(-1, String.join(" ", command) + " did not finish in " + seconds + " s: " + out);
        }
        return new Exec(p.exitValue(), out);
    }

    /** An executable on the PATH, or null. */
    static Path find(String name) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            Path candidate = Path.of(dir.isEmpty() ? "." : dir, name);
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        return null;
    }
}
