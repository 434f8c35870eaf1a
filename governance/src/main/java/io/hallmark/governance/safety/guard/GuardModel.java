package io.hallmark.governance.safety.guard;

import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.openai.OpenAiChatModel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Asks the guard about the inputs of one request: one chat completion per input, all at once, within the guard's
 * timeout. Either every input gets a verdict or the whole call fails ({@link GuardUnavailableException}, with a
 * reason fit for the report): a guard that answered for some inputs only has not judged the request. Thread-safe.
 */
public final class GuardModel {

    /** The most tokens the guard writes: a verdict and a line of categories. */
    public static final int MAX_ANSWER_TOKENS = 32;

    /** The most inputs of one request asked at once. */
    static final int PARALLELISM = 8;

    private final GuardSettings settings;
    private final ChatModel chat;

    /** A guard over any LangChain4j chat model (tests, or a model the runtime loads). */
    public GuardModel(GuardSettings settings, ChatModel chat) {
        this.settings = settings;
        this.chat = chat;
    }

    /**
     * The guard behind the settings' OpenAI-compatible endpoint: LangChain4j's OpenAI chat model, temperature 0,
     * at most {@link #MAX_ANSWER_TOKENS} tokens, no retries (the timeout bounds the call), nothing logged (the
     * requests carry the API key and the users' texts).
     */
    public static GuardModel openAi(GuardSettings settings) {
        ChatModel chat = OpenAiChatModel.builder()
                .baseUrl(settings.baseUrl().toString())
                .apiKey(settings.apiKey())
                .modelName(settings.model())
                .temperature(0.0)
                .maxTokens(MAX_ANSWER_TOKENS)
                .timeout(settings.timeout())
                .maxRetries(0)
                .logRequests(false)
                .logResponses(false)
                .build();
        return new GuardModel(settings, chat);
    }

    public GuardSettings settings() {
        return settings;
    }

    /**
     * A verdict for every input, in order.
     *
     * @throws GuardUnavailableException when the endpoint cannot be reached, errs, does not answer within the timeout,
     *     or gives an answer that does not parse
     */
    public List<GuardVerdict> judge(List<GuardInput> inputs) {
        if (inputs.isEmpty()) {
            return List.of();
        }
        Duration timeout = settings.timeout();
        long deadline = System.nanoTime() + timeout.toNanos();
        // not closed with try-with-resources: close() would wait for calls cut at the deadline; shutdownNow
        // interrupts them and the client's own timeout (the same) ends any call that ignores the interrupt
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(PARALLELISM, inputs.size()),
                Thread.ofVirtual().name("guard-", 0).factory());
        List<Future<GuardVerdict>> futures = new ArrayList<>();
        for (GuardInput in : inputs) {
            futures.add(pool.submit(() -> ask(in)));
        }
        List<GuardVerdict> out = new ArrayList<>();
        try {
            for (int i = 0; i < futures.size(); i++) {
                out.add(futures.get(i).get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS));
            }
            return out;
        } catch (TimeoutException e) {
            throw new GuardUnavailableException(prefix() + "did not answer within " + timeout.toMillis() / 1000.0
                    + " s (guard-timeout-seconds)");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new GuardUnavailableException(prefix() + "was interrupted");
        } catch (ExecutionException e) {
            throw new GuardUnavailableException(prefix() + reason(e.getCause()));
        } finally {
            futures.forEach(f -> f.cancel(true));
            pool.shutdownNow();
        }
    }

    private GuardVerdict ask(GuardInput input) {
        ChatResponse response = chat.chat(settings.style().messages(input));
        String answer = response.aiMessage() == null ? null : response.aiMessage().text();
        return settings.style().parse(answer);
    }

    private String prefix() {
        return "the guard " + settings.model() + " at " + settings.endpoint() + " ";
    }

    /**
     * Why a call failed, in words: the exception's kind and message, with the API key cut out should an error message
     * ever echo it.
     */
    private String reason(Throwable cause) {
        if (cause instanceof GuardAnswerException answer) {
            return "could not be read: " + answer.getMessage();
        }
        Throwable root = cause;
        while (root.getCause() != null && root.getCause() != root && (root.getMessage() == null
                || root.getMessage().isBlank())) {
            root = root.getCause();
        }
        String message = String.valueOf(root.getMessage()).replaceAll("\\s+", " ");
        if (settings.apiKey() != null) {
            message = message.replace(settings.apiKey(), "***");
        }
        if (message.length() > 200) {
            message = message.substring(0, 200) + "...";
        }
        return "failed: " + cause.getClass().getSimpleName() + (root == cause ? "" : " (" + root.getClass()
                .getSimpleName() + ")") + ": " + message;
    }
}
