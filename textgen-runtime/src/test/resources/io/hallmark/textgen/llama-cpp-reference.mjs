// The current llama.cpp as a reference for Hallmark's conformance tests (NodeLlamaCpp.java runs it).
// It loads one GGUF file with node-llama-cpp's prebuilt CPU binary (no download, no build, no GPU),
// tokenizes texts as llama.cpp does (special tokens parsed, no BOS) and decodes greedily from given prompt ids.
//
// stdin: {"model": PATH, "contextSize": N, "threads": N, "vocabOnly": BOOL (tokenize only: no weights, no context),
//         "texts": [TEXT, ...],
//         "generations": [{"prompt": [ID, ...], "tokens": N, "never": [ID, ...], "logits": BOOL}, ...]}
// stdout: one JSON object: {"llamaCpp": {...}, "bos", "eos", "addBos",
//         "tokens": [[ID, ...], ...],                      one per text
//         "generations": [{"tokens": [ID, ...], "endOfGeneration": BOOL, "logits": [[ID, LOGIT], ...]}, ...]}
// "logits" (asked for with "logits": true): llama.cpp's raw logits of every token after the prompt (the model's output
// as the greedy sampler sees it, soft-cap included), taken in a separate evaluation of the prompt.
// A generation stops after "tokens" ids or at an end-of-generation token (EOS, EOT, <|im_end|>, ...: llama.cpp's
// own list), which is then the last id and endOfGeneration is true. "never" ids get a logit of -infinity.
import {readFileSync} from "node:fs";
import {getLlama, LlamaLogLevel, TokenBias} from "node-llama-cpp";

const request = JSON.parse(readFileSync(0, "utf8"));
const llama = await getLlama({
    gpu: false, build: "never", usePrebuiltBinaries: true, skipDownload: true, progressLogs: false,
    logLevel: process.env.LLAMA_LOG ? LlamaLogLevel.debug : LlamaLogLevel.error
});
const vocabOnly = request.vocabOnly === true;
const model = await llama.loadModel({modelPath: request.model, gpuLayers: 0, vocabOnly});
const context = vocabOnly ? null : await model.createContext({
    contextSize: request.contextSize, batchSize: request.contextSize, sequences: 1,
    threads: request.threads ?? 2, flashAttention: false
});
const sequence = context?.getSequence();

const tokens = (request.texts ?? []).map(text => Array.from(model.tokenize(text, true)));

const generations = [];
for (const g of vocabOnly ? [] : request.generations ?? []) {
    await sequence.clearHistory();
    const bias = new TokenBias(model.tokenizer);
    for (const id of g.never ?? []) {
        // TokenBias.set skips end-of-generation tokens (node-llama-cpp would rather stop there), so the ban is
        // written into its map directly: the same -infinity logit llama.cpp's ignore_eos sets
        bias._biases.set(id, -Infinity);
    }
    const out = [];
    let endOfGeneration = false;
    if (g.tokens > 0) {
        for await (const id of sequence.evaluate(g.prompt, {temperature: 0, tokenBias: bias, yieldEogToken: true})) {
            out.push(id);
            if (model.isEogToken(id)) {
                endOfGeneration = true;
                break;
            }
            if (out.length >= g.tokens) {
                break;
            }
        }
    }
    let logits;
    if (g.logits === true) {
        await sequence.clearHistory();
        const last = g.prompt.length - 1;
        const input = g.prompt.map((id, i) => i === last ? [id, {generateNext: {logits: true}}] : id);
        const results = await sequence.controlledEvaluate(input);
        logits = Array.from(results[last]?.next?.logits ?? [], ([id, value]) => [id, value]);
    }
    generations.push(logits === undefined ? {tokens: out, endOfGeneration} : {tokens: out, endOfGeneration, logits});
}

const info = JSON.parse(readFileSync(new URL("./node_modules/node-llama-cpp/llama/llama.cpp.info.json", import.meta.url), "utf8"));
const pkg = JSON.parse(readFileSync(new URL("./node_modules/node-llama-cpp/package.json", import.meta.url), "utf8"));
process.stdout.write(JSON.stringify({
    llamaCpp: {repository: info.llamaCppGithubRepo, release: llama.llamaCppRelease?.release ?? info.tag,
        nodeLlamaCpp: pkg.version, buildType: llama.buildType, gpu: llama.gpu},
    bos: model.tokens.bos, eos: model.tokens.eos, addBos: model.tokens.shouldPrependBosToken,
    tokens, generations
}) + "\n");
await context?.dispose();
await model.dispose();
await llama.dispose();
