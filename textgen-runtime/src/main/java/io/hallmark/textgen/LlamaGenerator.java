package io.hallmark.textgen;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Generates text with one {@link LlamaModel} for any number of concurrent callers, with <b>dynamic batching</b>:
 * one scheduler thread steps every active request together; new requests join between steps (their prompt is
 * prefilled in the same step as the others' next token) and finished or cancelled ones leave. Each request keeps
 * its own KV cache and sampling settings. With a maximum batch of 1, requests run one after another.
 *
 * <p>Callers block in {@link #generate}; streamed pieces are handed to their {@link TokenSink} on the caller's own
 * thread.
 */
public final class LlamaGenerator implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(LlamaGenerator.class);

    private final LlamaModel model;
    private final int maxBatch;
    private final BlockingQueue<Request> pending = new LinkedBlockingQueue<>();
    private final Thread scheduler;
    private volatile boolean running = true;
    private volatile int activeCount;
    private volatile long steps;
    private volatile long generatedTokens;

    /** A generator that batches up to {@code maxBatch} concurrent requests (1 turns batching off). */
    public LlamaGenerator(LlamaModel model, int maxBatch) {
        if (maxBatch < 1) {
            throw new IllegalArgumentException("maxBatch must be at least 1, not " + maxBatch);
        }
        this.model = model;
        this.maxBatch = maxBatch;
        this.scheduler = Thread.ofPlatform().daemon().name("llama-scheduler").unstarted(this::loop);
        scheduler.start();
    }

    public LlamaModel model() {
        return model;
    }

    public int maxBatch() {
        return maxBatch;
    }

    /** Requests being generated now. */
    public int active() {
        return activeCount;
    }

    /** Steps run and tokens generated since start. */
    public long steps() {
        return steps;
    }

    public long generatedTokens() {
        return generatedTokens;
    }

    /**
     * Generates a continuation of {@code prompt}, streaming pieces to {@code sink}.
     *
     * @param bos whether to add the special tokens the model asks for around a prompt (BOS unless its GGUF file says
     *     add_bos_token = false); control tokens written in the prompt are taken as such, as llama.cpp does
     * @param cancelled polled on the calling thread; when it turns true generation stops with {@link Completion.Finish#CANCELLED}
     * @throws IllegalArgumentException when the prompt does not fit the model's context
     */
    public Completion generate(String prompt, boolean bos, SamplingSettings settings, TokenSink sink,
            BooleanSupplier cancelled) {
        return generate(model.tokenizer().encode(prompt, bos, true), settings, sink, cancelled);
    }

    /**
     * Generates a continuation of a tokenized prompt (e.g. from {@link ChatTemplate#encode}), streaming pieces to
     * {@code sink}; ends at the tokenizer's end-of-generation tokens (end of sequence, end of turn).
     */
    public Completion generate(int[] promptTokens, SamplingSettings settings, TokenSink sink, BooleanSupplier cancelled) {
        int[] tokens = promptTokens.length == 0 ? new int[] {model.tokenizer().bos()} : promptTokens.clone();
        int context = model.config().contextLength();
        if (tokens.length >= context) {
            throw new IllegalArgumentException("The prompt has " + tokens.length + " tokens; the model's context holds "
                    + context + " tokens including the output. Shorten the prompt");
        }
        if (!running) {
            throw new IllegalStateException("The generator is closed");
        }
        Request request = new Request(tokens, settings);
        pending.add(request);
        try {
            while (true) {
                Object event = request.events.poll(20, TimeUnit.MILLISECONDS);
                if (event == null) {
                    if (cancelled.getAsBoolean()) {
                        request.cancelled = true;
                    }
                    if (!running && !scheduler.isAlive()) {
                        throw new IllegalStateException("The generator was closed during generation");
                    }
                    continue;
                }
                if (event instanceof String piece) {
                    sink.accept(piece);
                    if (cancelled.getAsBoolean()) {
                        request.cancelled = true;
                    }
                } else if (event instanceof Completion c) {
                    return c;
                } else if (event instanceof RuntimeException e) {
                    throw e;
                } else if (event instanceof Error e) {
                    throw e;
                }
            }
        } catch (InterruptedException e) {
            request.cancelled = true;
            Thread.currentThread().interrupt();
            return new Completion("", tokens.length, 0, Completion.Finish.CANCELLED, 0, 0);
        }
    }

    private void loop() {
        List<Request> active = new ArrayList<>();
        while (running || !active.isEmpty()) {
            try {
                if (active.isEmpty()) {
                    Request first = pending.poll(100, TimeUnit.MILLISECONDS);
                    if (first == null) {
                        continue;
                    }
                    active.add(first);
                }
                pending.drainTo(active, maxBatch - active.size());
                active.removeIf(r -> {
                    if (r.cancelled) {
                        r.finish(Completion.Finish.CANCELLED);
                        return true;
                    }
                    return false;
                });
                activeCount = active.size();
                if (active.isEmpty()) {
                    continue;
                }
                step(active);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            } catch (RuntimeException | Error e) {
                log.warn("A generation step failed for {} requests: {}", active.size(), e.toString());
                for (Request r : active) {
                    r.fail(e);
                }
                active.clear();
            }
        }
        for (Request r : active) {
            r.fail(new IllegalStateException("The generator was closed"));
        }
        Request r;
        while ((r = pending.poll()) != null) {
            r.fail(new IllegalStateException("The generator was closed"));
        }
        activeCount = 0;
    }

    private void step(List<Request> active) {
        List<LlamaModel.Chunk> chunks = new ArrayList<>(active.size());
        for (Request r : active) {
            if (r.sequence == null) {
                int capacity = Math.min(model.config().contextLength(), r.prompt.length + r.settings.maxTokens());
                r.sequence = model.newSequence(capacity);
                r.sampler = new Sampler(r.settings, model.config().vocabSize(), r.prompt);
                r.started = System.nanoTime();
                chunks.add(new LlamaModel.Chunk(r.sequence, r.prompt));
            } else {
                chunks.add(new LlamaModel.Chunk(r.sequence, new int[] {r.last}));
            }
        }
        float[][] logits = model.forward(chunks);
        steps++;
        long now = System.nanoTime();
        Iterator<Request> it = active.iterator();
        for (float[] l : logits) {
            Request r = it.next();
            if (r.firstTokenAt == 0) {
                r.firstTokenAt = now;
            }
            Completion.Finish finish = r.accept(model, l);
            generatedTokens++;
            if (finish != null) {
                r.finish(finish);
                it.remove();
            }
        }
        activeCount = active.size();
    }

    @Override
    public void close() {
        running = false;
        scheduler.interrupt();
        try {
            scheduler.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** One caller's generation: its cache, sampler, text and the events for its caller. */
    private static final class Request {
        final int[] prompt;
        final SamplingSettings settings;
        final BlockingQueue<Object> events = new LinkedBlockingQueue<>();
        final TextAssembler text;
        volatile boolean cancelled;
        Sequence sequence;
        Sampler sampler;
        int last;
        int generated;
        long started;
        long firstTokenAt;

        Request(int[] prompt, SamplingSettings settings) {
            this.prompt = prompt;
            this.settings = settings;
            this.last = prompt[prompt.length - 1];
            this.text = new TextAssembler(settings.stop(), events::add);
        }

        Completion.Finish accept(LlamaModel model, float[] logits) {
            int token = sampler.next(logits);
            generated++;
            if (model.tokenizer().endsGeneration(token)) {
                return Completion.Finish.EOS;
            }
            boolean stopped = text.add(model.tokenizer().decode(last, token));
            last = token;
            if (stopped) {
                return Completion.Finish.STOP;
            }
            if (generated >= settings.maxTokens()) {
                return Completion.Finish.LENGTH;
            }
            if (sequence.length() + 1 > sequence.capacity()) {
                return Completion.Finish.CONTEXT;
            }
            return null;
        }

        void finish(Completion.Finish finish) {
            String result = text.finish();
            long end = System.nanoTime();
            long prefill = firstTokenAt == 0 ? 0 : firstTokenAt - started;
            long decode = firstTokenAt == 0 ? 0 : end - firstTokenAt;
            int output = finish == Completion.Finish.EOS ? generated - 1 : generated;
            close();
            events.add(new Completion(result, prompt.length, output, finish, prefill, decode));
        }

        void fail(Throwable e) {
            close();
            events.add(e);
        }

        private void close() {
            if (sequence != null) {
                sequence.close();
                sequence = null;
            }
        }
    }
}
