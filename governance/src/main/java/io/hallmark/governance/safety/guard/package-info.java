/**
 * The optional guard model: a safety classifier such as Llama Guard 3 or Qwen3Guard served behind an
 * OpenAI-compatible chat-completions endpoint, read beside the built-in screens for deployments that have one (the
 * built-in screens stay the offline default). {@link io.hallmark.governance.safety.guard.GuardSettings} says where it
 * is and what it reads, {@link io.hallmark.governance.safety.guard.GuardStyle} how it is asked and how its answer is
 * parsed, {@link io.hallmark.governance.safety.guard.GuardModel} calls it (LangChain4j's OpenAI chat model,
 * temperature 0, bounded answer) and {@link io.hallmark.governance.safety.guard.GuardScreen} is the one hook where its
 * verdicts join the built-in screens' scores. Any failure (endpoint down, timeout, HTTP error, an answer that does not
 * parse) makes the guard's check UNAVAILABLE, so the decision fails closed.
 */
package io.hallmark.governance.safety.guard;
