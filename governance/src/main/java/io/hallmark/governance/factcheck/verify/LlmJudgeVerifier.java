package io.hallmark.governance.factcheck.verify;

import dev.langchain4j.model.chat.ChatModel;
import io.hallmark.governance.factcheck.Claim;
import io.hallmark.governance.factcheck.Evidence;
import io.hallmark.governance.factcheck.Verdict;
import io.hallmark.governance.factcheck.Verifier;
import io.hallmark.governance.factcheck.Vote;
import io.hallmark.governance.safety.roles.DataMarking;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.ToIntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Asks a chat model (any LangChain4j {@link ChatModel}: a local model or an OpenAI-compatible endpoint) to judge
 * the claim against the numbered passages. Off by default: only a capable model judges better than the other
 * verifiers. It never fails a check: an answer it cannot parse, a model that throws (endpoint down, bad reply) or
 * does not answer within the timeout all become a NOT_ENOUGH_INFO vote whose rationale says what happened.
 */
public final class LlmJudgeVerifier implements Verifier {

    /** The verifier's name in reports. */
    public static final String NAME = "llm-judge";

    private static final Pattern VERDICT = Pattern.compile("\\b(SUPPORTED|REFUTED|NOT_ENOUGH_INFO|NOT ENOUGH INFO)\\b");
    private static final Pattern CONFIDENCE = Pattern.compile("(?i)confidence\\W+([01](?:\\.\\d+)?)");
    /** The shortest passage worth showing the judge when a long one must be clipped to fit its context. */
    private static final int MIN_PASSAGE_CHARS = 40;

    /**
     * How the judge is called.
     *
     * @param timeout the longest one claim may take; past it the judge abstains on that claim
     * @param parallelism claims of one text judged at once (a local model batches them, an endpoint serves them)
     * @param promptLength the prompt's length in the model's units (tokens for a local model)
     * @param maxPromptLength the longest prompt the model takes: passages are dropped from the end, then the first
     *     one clipped, until the prompt fits
     */
    public record Options(Duration timeout, int parallelism, ToIntFunction<String> promptLength, int maxPromptLength) {

        public Options {
            if (timeout.isNegative() || timeout.isZero()) {
                throw new IllegalArgumentException("The judge's timeout must be positive, got " + timeout);
            }
            if (parallelism < 1) {
                throw new IllegalArgumentException("The judge's parallelism must be at least 1, got " + parallelism);
            }
        }

        /** A timeout of 30 s, 4 claims at once, no prompt limit. */
        public static Options defaults() {
            return new Options(Duration.ofSeconds(30), 4, String::length, Integer.MAX_VALUE);
        }
    }

    private static final ExecutorService CALLS = Executors.newThreadPerTaskExecutor(
            Thread.ofVirtual().name("llm-judge-", 0).factory());

    private final ChatModel model;
    private final Options options;
    private final java.util.Map<String, String> recordedModels;

    public LlmJudgeVerifier(ChatModel model) {
        this(model, Options.defaults());
    }

    public LlmJudgeVerifier(ChatModel model, Options options) {
        this(model, options, java.util.Map.of());
    }

    private LlmJudgeVerifier(ChatModel model, Options options, java.util.Map<String, String> recordedModels) {
        this.model = model;
        this.options = options;
        this.recordedModels = java.util.Map.copyOf(recordedModels);
    }

    /**
     * This verifier, recording {@code name} with the SHA-256 of its weights as a model that judged each decision it
     * votes on (a local model; a hosted endpoint's weights have no hash to record).
     */
    public LlmJudgeVerifier recordedAs(String name, String sha256) {
        return new LlmJudgeVerifier(model, options, java.util.Map.of(name, sha256));
    }

    @Override
    public java.util.Map<String, String> models() {
        return recordedModels;
    }

    @Override
    public boolean deterministic() {
        return false; // sampled or third-party: the same claim may get another vote
    }

    @Override
    public String name() {
        return NAME;
    }

    /** The prompt for one claim with all its evidence. */
    public static String promptFor(Claim claim, List<Evidence> evidence) {
        return prompt(claim.text(), evidence.stream().map(Evidence::text).toList());
    }

    private static String prompt(String claim, List<String> passages) {
        StringBuilder p = new StringBuilder("""
                You check facts against evidence only, not against what you know.
                Answer with one line: VERDICT confidence=N, where VERDICT is SUPPORTED (the evidence says the claim \
                is true), REFUTED (the evidence says it is false) or NOT_ENOUGH_INFO, and N is between 0 and 1. \
                Then one sentence of reasons.

                """).append(DataMarking.NOTICE).append("\n\nEvidence:\n");
        // retrieved passages are untrusted data: each in its block, which a passage cannot close
        for (int i = 0; i < passages.size(); i++) {
            p.append(DataMarking.block("passage", Integer.toString(i + 1), "[" + (i + 1) + "] " + passages.get(i)))
                    .append('\n');
        }
        return p.append("\nClaim: ").append(claim).append('\n').toString();
    }

    /** The prompt with as much evidence as fits the model, or {@code null} when not even a clipped passage fits. */
    String fittedPrompt(Claim claim, List<Evidence> evidence) {
        List<String> passages = new ArrayList<>(evidence.stream().map(Evidence::text).toList());
        while (!passages.isEmpty()) {
            String p = prompt(claim.text(), passages);
            if (options.promptLength().applyAsInt(p) <= options.maxPromptLength()) {
                return p;
            }
            if (passages.size() > 1) {
                passages.removeLast();
            } else if (passages.getFirst().length() / 2 >= MIN_PASSAGE_CHARS) {
                String first = passages.getFirst();
                passages.set(0, first.substring(0, first.length() / 2) + "...");
            } else {
                return null;
            }
        }
        return null;
    }

    @Override
    public Vote verify(Claim claim, List<Evidence> evidence) {
        if (evidence.isEmpty()) {
            return Vote.notEnoughInfo(name(), "no evidence retrieved");
        }
        String prompt = fittedPrompt(claim, evidence);
        if (prompt == null) {
            return Vote.notEnoughInfo(name(), "the judge abstains: the claim and its evidence do not fit the judge "
                    + "model's context of " + options.maxPromptLength() + " tokens");
        }
        String answer;
        Future<String> call = CALLS.submit(() -> model.chat(prompt));
        try {
            answer = call.get(options.timeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            call.cancel(true);
            return Vote.notEnoughInfo(name(), "the judge abstains: no answer within " + seconds(options.timeout()));
        } catch (InterruptedException e) {
            call.cancel(true);
            Thread.currentThread().interrupt();
            return Vote.notEnoughInfo(name(), "the judge abstains: interrupted while waiting for the model");
        } catch (ExecutionException e) {
            return Vote.notEnoughInfo(name(), "the judge abstains: the model failed: " + describe(e.getCause()));
        }
        if (answer == null || answer.isBlank()) {
            return Vote.notEnoughInfo(name(), "the judge abstains: the model gave an empty answer");
        }
        Matcher m = VERDICT.matcher(answer.toUpperCase(Locale.ROOT));
        if (!m.find()) {
            return Vote.notEnoughInfo(name(), "the judge abstains: its answer names no verdict (SUPPORTED, REFUTED "
                    + "or NOT_ENOUGH_INFO): " + abbreviate(answer));
        }
        Verdict verdict = Verdict.valueOf(m.group(1).replace(' ', '_'));
        Matcher c = CONFIDENCE.matcher(answer);
        double confidence = c.find() ? Math.min(1, Double.parseDouble(c.group(1))) : 0.7;
        return new Vote(name(), verdict, confidence, abbreviate(answer), evidence.get(0).id(),
                Map.of("confidence", confidence));
    }

    /** Judges the claims of a text, {@link Options#parallelism()} at a time; every claim gets a vote. */
    @Override
    public List<Vote> verifyAll(List<Claim> claims, List<List<Evidence>> evidence) {
        if (claims.size() != evidence.size()) {
            throw new IllegalArgumentException("Expected one evidence list per claim, got " + evidence.size()
                    + " for " + claims.size() + " claims");
        }
        int threads = Math.min(options.parallelism(), claims.size());
        if (threads <= 1) {
            return Verifier.super.verifyAll(claims, evidence);
        }
        try (ExecutorService pool = Executors.newFixedThreadPool(threads,
                Thread.ofVirtual().name("llm-judge-claim-", 0).factory())) {
            List<Future<Vote>> votes = new ArrayList<>(claims.size());
            for (int i = 0; i < claims.size(); i++) {
                Claim claim = claims.get(i);
                List<Evidence> found = evidence.get(i);
                votes.add(pool.submit(() -> verify(claim, found)));
            }
            List<Vote> out = new ArrayList<>(claims.size());
            for (int i = 0; i < votes.size(); i++) {
                try {
                    out.add(votes.get(i).get());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    out.add(Vote.notEnoughInfo(name(), "the judge abstains: interrupted"));
                } catch (ExecutionException e) {
                    out.add(Vote.notEnoughInfo(name(), "the judge abstains: " + describe(e.getCause())));
                }
            }
            return out;
        }
    }

    private static String seconds(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
    }

    private static String describe(Throwable t) {
        Throwable root = t;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = t.getMessage() == null || t.getMessage().isBlank() ? t.getClass().getSimpleName()
                : t.getMessage();
        if (root != t && root.getMessage() != null && !message.contains(root.getMessage())) {
            message += " (" + root.getClass().getSimpleName() + ": " + root.getMessage() + ")";
        }
        return abbreviate(message);
    }

    private static String abbreviate(String s) {
        String t = s.strip().replaceAll("\\s+", " ");
        return t.length() > 300 ? t.substring(0, 300) + "..." : t;
    }
}
