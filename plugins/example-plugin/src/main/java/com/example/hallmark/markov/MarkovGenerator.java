package com.example.hallmark.markov;

import io.hallmark.api.Capability;
import io.hallmark.api.ContentGenerator;
import io.hallmark.api.GeneratedContent;
import io.hallmark.api.GenerationFailedException;
import io.hallmark.api.GenerationRequest;
import io.hallmark.api.GeneratorContext;
import io.hallmark.api.GeneratorInfo;
import io.hallmark.api.Modality;
import io.hallmark.api.ModelInfo;
import io.hallmark.api.ModelLease;
import io.hallmark.api.ModelRequirement;
import io.hallmark.api.ParameterSpec;
import io.hallmark.api.Usage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.pf4j.Extension;

/**
 * Writes text in the style of a corpus with a word-level Markov chain.
 *
 * <p>The "model" is a plain-text corpus: the built-in one inside the plugin, or any text file in the host's model
 * directory named by the {@code corpus} parameter (leased through the context, which needs the
 * {@code models:read} permission). Chains are cached per corpus checksum and order; the cache is cleared when the
 * plugin stops.
 */
@Extension
public final class MarkovGenerator implements ContentGenerator {

    static final String BUILTIN = "builtin";

    private static final Map<String, MarkovChain> CACHE = new ConcurrentHashMap<>();

    private static final GeneratorInfo INFO = new GeneratorInfo(
            "Markov text",
            "Writes text in the style of a corpus with a word-level Markov chain (an example plugin).",
            Modality.TEXT,
            Set.of(Capability.STREAMING, Capability.DETERMINISTIC_SEED, Capability.PROGRESS, Capability.CANCELLATION),
            List.of(
                    ParameterSpec.integer("maxWords", "how many words to write at most", 60, 1, 2_000),
                    ParameterSpec.integer("order", "how many previous words choose the next one", 2, 1, 3),
                    ParameterSpec.string("corpus", "a text file in the model directory, or 'builtin'", BUILTIN, 200)),
            List.of(new ModelRequirement("corpus", "text", null, true)));

    @Override
    public GeneratorInfo info() {
        return INFO;
    }

    @Override
    public GeneratedContent generate(GenerationRequest request, GeneratorContext context) {
        long started = System.nanoTime();
        int maxWords = request.parameter("maxWords", Long.class).intValue();
        int order = request.parameter("order", Long.class).intValue();
        int cap = Integer.parseInt(context.config().getOrDefault("maxWordsCap", "2000"));
        maxWords = Math.min(maxWords, cap);
        long seed = request.seed() != null ? request.seed() : new Random().nextLong();
        Random random = new Random(seed);

        Corpus corpus = corpus(request.parameter("corpus", String.class), context);
        MarkovChain chain = CACHE.computeIfAbsent(corpus.model().sha256() + "/" + order,
                k -> new MarkovChain(corpus.text(), order));
        context.logger().debug("Writing {} words from corpus {} (order {}, seed {})", maxWords, corpus.model().id(),
                order, seed);

        List<String> state = new ArrayList<>(chain.start(request.prompt(), random));
        StringBuilder text = new StringBuilder();
        int written = 0;
        while (written < maxWords) {
            context.checkCancelled();
            String word = chain.next(state, random);
            if (word == null) {
                state = new ArrayList<>(chain.start("", random));
                continue;
            }
            String piece = (written == 0 ? "" : " ") + word;
            text.append(piece);
            context.stream(piece);
            state.removeFirst();
            state.add(word);
            written++;
            if (written % 10 == 0 || written == maxWords) {
                context.progress((double) written / maxWords, written + "/" + maxWords + " words");
            }
        }
        return GeneratedContent.ofText(Modality.TEXT, text.toString(), "text/plain", corpus.model(), seed)
                .withUsage(Usage.tokens(request.prompt().split("\\s+").length, written))
                .withDuration(Duration.ofNanos(System.nanoTime() - started))
                .withMetadata(Map.of("order", order, "corpus", corpus.model().id()));
    }

    private record Corpus(String text, ModelInfo model) {}

    private static Corpus corpus(String name, GeneratorContext context) {
        if (BUILTIN.equals(name)) {
            try (InputStream in = MarkovGenerator.class.getResourceAsStream("corpus.txt")) {
                byte[] bytes = in.readAllBytes();
                return new Corpus(new String(bytes, StandardCharsets.UTF_8), new ModelInfo("markov-builtin-corpus", sha256(bytes)));
            } catch (IOException e) {
                throw new GenerationFailedException("The built-in corpus cannot be read: " + e.getMessage(), false, e);
            }
        }
        try (ModelLease lease = context.leaseModel(new ModelRequirement(name, "text", null, false))) {
            if (Files.size(lease.path()) > 50L * 1024 * 1024) {
                throw new GenerationFailedException("Corpus " + lease.path() + " is larger than 50 MiB");
            }
            return new Corpus(Files.readString(lease.path(), StandardCharsets.UTF_8), lease.info());
        } catch (IOException e) {
            throw new GenerationFailedException("Corpus '" + name + "' cannot be read: " + e.getMessage(), false, e);
        }
    }

    static void clearCache() {
        CACHE.clear();
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
