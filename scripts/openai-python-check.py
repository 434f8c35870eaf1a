#!/usr/bin/env python3
"""Drives Hallmark's OpenAI-compatible API with the official OpenAI Python client and checks what it reads.

Not part of CI (the contract suite in app/src/test/java/io/hallmark/app/OpenAiCompatibleTest.java runs LangChain4j's
OpenAI clients there). Run it against a running server when Python and the `openai` package are available:

    pip install openai
    ./hallmark serve &                      # prints the URL; or make a token: ./hallmark tokens create --user admin --name me
    HALLMARK_URL=http://127.0.0.1:8080 HALLMARK_TOKEN=hm_... HALLMARK_MODEL=hallmark-text \
        python3 scripts/openai-python-check.py

Every check prints PASS or FAIL; the exit status is the number of failures.
"""
import os
import sys

try:
    import openai
    from openai import OpenAI
except ImportError:
    print("The official OpenAI client is missing: pip install openai", file=sys.stderr)
    sys.exit(2)

URL = os.environ.get("HALLMARK_URL", "http://127.0.0.1:8080").rstrip("/")
TOKEN = os.environ.get("HALLMARK_TOKEN")
MODEL = os.environ.get("HALLMARK_MODEL", "hallmark-text")
if not TOKEN:
    print("Set HALLMARK_TOKEN to an API token (hm_...) of an OPERATOR or ADMIN", file=sys.stderr)
    sys.exit(2)

client = OpenAI(base_url=URL + "/v1", api_key=TOKEN, max_retries=2, timeout=300)
failures = 0


def check(name, condition, detail=""):
    global failures
    print(("PASS " if condition else "FAIL ") + name + ("" if condition else ": " + str(detail)))
    if not condition:
        failures += 1


print("openai", openai.__version__, "against", URL, "model", MODEL)

models = client.models.list()
check("models.list names the model", MODEL in [m.id for m in models.data], [m.id for m in models.data])
check("models.retrieve finds it by id", client.models.retrieve(MODEL).id == MODEL)

completion = client.chat.completions.create(model=MODEL, max_tokens=8, seed=7, messages=[
    {"role": "system", "content": "You tell short stories."},
    {"role": "user", "content": [{"type": "text", "text": "Once upon a time"}]}])
choice = completion.choices[0]
hallmark = (completion.model_extra or {}).get("hallmark", {})
check("a chat completion is a chat.completion", completion.object == "chat.completion", completion.object)
check("finish_reason is stop, length or content_filter",
      choice.finish_reason in ("stop", "length", "content_filter"), choice.finish_reason)
check("usage counts the prompt in tokens", completion.usage.prompt_tokens > 0, completion.usage)
check("usage counts at most max_tokens", 0 <= completion.usage.completion_tokens <= 8, completion.usage)
check("total_tokens adds up", completion.usage.total_tokens
      == completion.usage.prompt_tokens + completion.usage.completion_tokens, completion.usage)
check("the hallmark extension names the decision and the content", "decision" in hallmark and "content_id" in hallmark,
      hallmark)
if choice.finish_reason == "content_filter":
    check("filtered output carries no text", not choice.message.content, choice.message.content)
else:
    check("approved output carries the text", bool(choice.message.content), choice.message.content)

chunks = list(client.chat.completions.create(model=MODEL, max_tokens=8, stream=True,
                                             stream_options={"include_usage": True},
                                             messages=[{"role": "user", "content": "Once upon a time"}]))
check("the first chunk carries the role", chunks and chunks[0].choices and chunks[0].choices[0].delta.role == "assistant",
      chunks[:1])
finishes = [c.choices[0].finish_reason for c in chunks if c.choices and c.choices[0].finish_reason]
check("the stream ends with one finish_reason", len(finishes) == 1, finishes)
check("include_usage adds a last chunk with usage and no choices",
      chunks and not chunks[-1].choices and chunks[-1].usage and chunks[-1].usage.completion_tokens <= 8, chunks[-1:])

text = client.completions.create(model=MODEL, prompt="Once upon a time", max_tokens=8)
check("a text completion is a text_completion", text.object == "text_completion", text.object)
check("its finish_reason is stop, length or content_filter",
      text.choices[0].finish_reason in ("stop", "length", "content_filter"), text.choices[0].finish_reason)

try:
    client.chat.completions.create(model="no-such-model", messages=[{"role": "user", "content": "hi"}])
    check("an unknown model is refused", False, "no error")
except openai.NotFoundError as e:
    check("an unknown model is a 404 model_not_found", e.code == "model_not_found", e.body)
    check("...that must not be retried", e.response.headers.get("x-should-retry") == "false", e.response.headers)

try:
    client.chat.completions.create(model=MODEL, n=2, messages=[{"role": "user", "content": "hi"}])
    check("n=2 is refused", False, "no error")
except openai.BadRequestError as e:
    check("n=2 is refused by name", e.code == "unsupported_parameter" and e.param == "n", e.body)

print("failures:", failures)
sys.exit(failures)
