#!/usr/bin/env python3
"""Source-held-out cross-validation of input-screen designs on dev data only (issue 18, designs 10, 11 and 13).

Reads the folder written by the test-scope tool io.hallmark.governance.safety.SourceHeldOutDump (every dev prompt
the input heads learn or are measured on, with its screen features: MiniLM + hashed character n-grams + shape) and,
for each design, holds every source out whole in turn: the heads are trained on the other sources, the held-out
source is scored, and the thresholds applied to it are calibrated on the out-of-fold scores of the *other* sources
(nested), under the false-positive budgets. Prints per-source recall / false-positive rates and the five goals of
issue 18 measured on the safety-screen extras, and writes everything as JSON.

A dev tool for choosing a design, not the shipped trainer (that is governance.safety.SafetyTrainer, in Java).
numpy + scipy only; fixed seeds and order (BLAS sums may differ in the last bits between machines).

    python3 scripts/safety-source-cv.py target/source-cv --designs d7r,logistic,softmax --out cv.json

Designs: d7r, logistic, softmax (design 10); knn (prototype similarity), mlp (one hidden layer, 5 classes), mlp4
(risky-looking merged into safe), mlp+knn, mlp4+knn (design 11). --roles data reads a prompt's data part (after its
first blank line) for injections, --calibration worst holds every calibration source to the budgets on its own,
--scores-dir / --from-scores save out-of-fold scores and re-calibrate them without training. --safe-pieces read
(design 15a) also trains on every text the injection screen reads of a safe prompt (its instruction, data and data
pieces) as safe rows. A dump written with SourceHeldOutDump --reading platform holds the pieces the shipped screen reads
(RoleSplitter's split, up to 32 sentences or windows, every data span's pieces); the script reads it unchanged.

Authored data (design 13): items with origin "authored" (the project's own prompts, appended to a dump by
SourceHeldOutDump --append-authored) are, with --authored include, in the training set of EVERY fold, never held out,
never scored and never in a calibration pool: the thresholds stay calibrated on the out-of-fold scores of the real
sources, and every figure is still measured on real sources only. --authored-weight says how much each authored
(source, class) pair weighs against one real source's pair in the source-balanced weights (1: the same). With
--authored exclude (the default) the authored items are dropped on loading, so earlier results reproduce.

A Chinese reading (design 15b): --zh-dump names a second dump of the same items embedded by bge-small-zh-v15 (the
two must hold the same items.jsonl and texts.jsonl; the rows are then paired). --zh-reading route scores a text
whose letters are at least --cjk-share CJK ideographs (or kana) by kNN on the Chinese embedding against the
prototypes of the CJK training texts only (authored and real), every other text by the first dump's kNN as before;
one set of thresholds, calibrated as without it. --zh-reading concat reads every text by the concatenation
[en unit ; zh unit] / sqrt(2) (its cosine is the mean of the two models' cosines). --authored-sanity zh,zh-Hant
scores the authored prompts of those languages, each authored source held out in turn (the real sources and the other
authored sources trained on), with the thresholds calibrated on all real sources: a sanity figure on authored text,
not a held-out measurement. All three are off by default, so earlier runs reproduce.

A learned head on prototype similarities (design 16 study): --designs knnlr measures, for every text, its top-k
(--knnlr-stats, default 1,3,10) mean cosine similarities to each prototype class's training rows (safe, injection,
jailbreak, harmful) and each head's class minus safe, and reads them with one logistic regression per head (--l2,
targets of head_targets) trained on the training rows' features computed leave-own-source-out (a training row of
source s is measured against the other training sources' rows only, as a held-out source's text will be). The
similarities to every (source, class) group are computed once per run (knnlr_table); a fold merges the groups it may
read. The other designs are unchanged.
"""
import argparse
import json
import re
import sys
import time

import numpy as np
from scipy.optimize import minimize

CLASSES = ["benign", "risky", "injection", "jailbreak", "harmful"]  # benign = ordinary instruction
HEADS = ["injection", "jailbreak", "harmful"]
EMB = 384
NGRAM = 2048


AUTHORED = "authored"  # the origin of the project's own prompts (design 13): always trained on, never scored


def load(folder, authored="exclude"):
    """The dump's features and items. Authored items are dropped unless `authored` is "include"; kept, their source
    is prefixed with "authored:" so that it can never merge with a real source's weights or folds."""
    if authored not in ("include", "exclude"):
        raise SystemExit(f"--authored must be include or exclude, got {authored}")
    meta = json.load(open(f"{folder}/meta.json"))
    x = np.fromfile(f"{folder}/features.f32", dtype="<f4").reshape(meta["rows"], meta["dim"])
    items = [json.loads(l) for l in open(f"{folder}/items.jsonl")]
    if authored == "exclude":
        items = [it for it in items if it["origin"] != AUTHORED]
    for it in items:
        it["cls"] = "risky" if it["subset"] == "benign_risky_looking" else it["label"]
        if it["cls"] not in CLASSES:
            raise SystemExit(f"item of {it['source']} has unknown label {it['label']} / subset {it['subset']}")
        if it["origin"] == AUTHORED:
            it["source"] = AUTHORED + ":" + it["source"]
    return meta, x, items


def view(x, kind, seed=17, emb=EMB):
    """Feature subsets: all, emb (embedding + shape), proj (embedding + shape + a fixed random projection of the
    n-grams to 256). `emb`: the embedding's dimension at the front."""
    if kind == "all":
        return x
    emb_shape = np.concatenate([x[:, :emb], x[:, emb + NGRAM:]], axis=1)
    if kind == "emb":
        return emb_shape
    if kind == "ngram":
        return x[:, emb:]
    rng = np.random.default_rng(seed)
    p = rng.standard_normal((NGRAM, 256)).astype(np.float32) / 16.0
    return np.concatenate([emb_shape, x[:, emb:emb + NGRAM] @ p], axis=1)


# ---------------------------------------------------------------- the Chinese reading (design 15b)


ZH = {}  # --zh-reading route: "x" the Chinese embedding of every text row, "emb" its dimension, "cjk" which rows route
CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0002ffff]")


def cjk_share(text):
    """The share of CJK ideographs and kana among a text's letters (0 for a text without letters)."""
    letters = sum(ch.isalpha() for ch in text)
    return len(CJK.findall(text)) / letters if letters else 0.0


def load_zh(folder, zh_folder):
    """The Chinese dump's features, checked to hold exactly the first dump's items and texts (rows paired)."""
    for name in ("items.jsonl", "texts.jsonl"):
        if [json.loads(l) for l in open(f"{folder}/{name}")] != [json.loads(l) for l in open(f"{zh_folder}/{name}")]:
            raise SystemExit(f"{zh_folder}/{name} differs from {folder}/{name}: the dumps' rows cannot be paired")
    meta = json.load(open(f"{zh_folder}/meta.json"))
    x = np.fromfile(f"{zh_folder}/features.f32", dtype="<f4").reshape(meta["rows"], meta["dim"])
    texts = [json.loads(l)["text"] for l in open(f"{zh_folder}/texts.jsonl")]
    return meta, x, texts


def unit_rows(a):
    a = a.astype(np.float32)
    return a / np.maximum(1e-6, np.linalg.norm(a, axis=1, keepdims=True))


def knn_scores_routed(x, rows, cls, need, emb, top):
    """knn_scores with the Chinese reading: the texts of `need` that route (ZH["cjk"]) are scored on the Chinese
    embedding against the CJK training texts only (--zh-prototypes all: every training text), for the heads of
    ZH["heads"] (--zh-heads); a head with no CJK prototypes (or no CJK safe texts at all) keeps
    the first reading's score."""
    p = knn_scores(x, rows, cls, x[need], emb, top)
    q = ZH["cjk"][need]
    if q.any():
        ref = ZH["cjk"][rows] if ZH["prototypes"] == "cjk" else np.ones(len(rows), bool)
        pz = knn_scores(ZH["x"], rows[ref], cls[ref], ZH["x"][need[q]], ZH["emb"], top)
        for h in ZH["heads"]:
            c = CLASSES.index(h)
            p[q, c] = np.where(np.isnan(pz[:, c]), p[q, c], pz[:, c])
    return p


# ---------------------------------------------------------------- training rows


AUTHORED_WEIGHT = [1.0]  # --authored-weight: an authored (source, class) pair's weight against a real source's
SAFE_PIECES = ["sentences"]  # --safe-pieces: which pieces of a safe training prompt are also safe rows


def safe_pieces(it):
    """The pieces of a safe (ordinary or risky-looking) training prompt that are trained on as safe rows beside its
    whole text. "sentences" (default, designs 10 to 13): its sentences. "read" (design 15a): every text the
    injection screen reads of it with --roles data (its sentences and, when it has a data part, its instruction, data
    and data pieces), each once, so that a benign document's pieces are safe prototypes of what the screen reads."""
    if SAFE_PIECES[0] == "sentences" or "data" not in it:
        return it["sentences"]
    return list(dict.fromkeys(it["sentences"] + [it["instruction"], it["data"]] + it.get("dataSentences", [])))


def training_rows(items, train_idx, cls_of_item, with_sources=False):
    """Rows to train on: every item of the training sources (whole text), plus the sentences of its benign items
    (the injection screen reads sentences; no sentence of a benign prompt is an attack). Weights: every (source,
    class) pair weighs the same within its class (an authored pair AUTHORED_WEIGHT times that); sentences share half
    their parent's weight."""
    rows, cls, w, src = [], [], [], []
    count = {}
    for i in train_idx:
        key = (items[i]["source"], cls_of_item[i])
        count[key] = count.get(key, 0) + 1
    for i in train_idx:
        it = items[i]
        c = cls_of_item[i]
        base = (AUTHORED_WEIGHT[0] if it["origin"] == AUTHORED else 1.0) / count[(it["source"], c)]
        rows.append(it["text"]); cls.append(c); w.append(base); src.append(it["source"])
        pieces = safe_pieces(it) if c in ("benign", "risky") else []
        if pieces:
            share = 0.5 * base / len(pieces)
            for s in pieces:
                rows.append(s); cls.append(c); w.append(share); src.append(it["source"])
    cls = np.array(cls)
    w = np.array(w, dtype=np.float64)
    for c in set(cls.tolist()):
        m = cls == c
        w[m] /= w[m].sum()
    if with_sources:  # knnlr: the source of every row, for its leave-own-source-out similarities
        return np.array(rows), cls, w, np.array(src)
    return np.array(rows), cls, w


def fit_logistic(x, y, w, l2):
    """Weighted L2 logistic regression, L-BFGS from zero (deterministic)."""
    d = x.shape[1]
    w = (w / w.sum()).astype(np.float32)
    yf = y.astype(np.float32)

    def f(theta):
        wt = theta[:d].astype(np.float32)
        z = x @ wt + np.float32(theta[d])
        p = 1 / (1 + np.exp(-z))
        loss = -np.sum(w * (yf * np.log(p + 1e-7) + (1 - yf) * np.log(1 - p + 1e-7))) + 0.5 * l2 * float(wt @ wt)
        g = w * (p - yf)
        grad = np.empty(d + 1)
        grad[:d] = x.T @ g + l2 * wt
        grad[d] = g.sum()
        return float(loss), grad

    r = minimize(f, np.zeros(d + 1), jac=True, method="L-BFGS-B", options={"maxiter": 150})
    return r.x[:d].astype(np.float32), np.float32(r.x[d])


def fit_softmax(x, c, w, l2, k):
    d = x.shape[1]
    w = (w / w.sum()).astype(np.float32)
    onehot = np.zeros((len(c), k), dtype=np.float32)
    onehot[np.arange(len(c)), c] = 1

    def f(theta):
        wt = theta[: d * k].reshape(d, k).astype(np.float32)
        b = theta[d * k:].astype(np.float32)
        z = x @ wt + b
        z -= z.max(axis=1, keepdims=True)
        e = np.exp(z)
        p = e / e.sum(axis=1, keepdims=True)
        loss = -np.sum(w[:, None] * onehot * np.log(p + 1e-7)) + 0.5 * l2 * float(np.sum(wt * wt))
        g = w[:, None] * (p - onehot)
        grad = np.concatenate([(x.T @ g + l2 * wt).ravel(), g.sum(axis=0)])
        return float(loss), grad.astype(np.float64)

    r = minimize(f, np.zeros(d * k + k), jac=True, method="L-BFGS-B", options={"maxiter": 120})
    return r.x[: d * k].reshape(d, k).astype(np.float32), r.x[d * k:].astype(np.float32)


def fit_mlp(x, c, w, k, hidden=64, epochs=12, seed=5, lr=3e-3, l2=1e-4):
    """One hidden layer (ReLU), softmax out, Adam on mini-batches of 128 drawn by weight (deterministic seed)."""
    rng = np.random.default_rng(seed)
    d = x.shape[1]
    w1 = (rng.standard_normal((d, hidden)) * np.sqrt(2.0 / d)).astype(np.float32)
    b1 = np.zeros(hidden, np.float32)
    w2 = (rng.standard_normal((hidden, k)) * np.sqrt(1.0 / hidden)).astype(np.float32)
    b2 = np.zeros(k, np.float32)
    params = [w1, b1, w2, b2]
    m = [np.zeros_like(p) for p in params]
    v = [np.zeros_like(p) for p in params]
    prob = w / w.sum()
    n = len(c)
    steps = epochs * (n // 128)
    t = 0
    for _ in range(steps):
        idx = rng.choice(n, 128, p=prob)
        xb = x[idx]
        h = np.maximum(0, xb @ w1 + b1)
        z = h @ w2 + b2
        z -= z.max(axis=1, keepdims=True)
        e = np.exp(z)
        p = e / e.sum(axis=1, keepdims=True)
        p[np.arange(128), c[idx]] -= 1
        g = p / 128
        gw2 = h.T @ g + l2 * w2
        gb2 = g.sum(0)
        gh = (g @ w2.T) * (h > 0)
        gw1 = xb.T @ gh + l2 * w1
        gb1 = gh.sum(0)
        t += 1
        for j, gr in enumerate([gw1, gb1, gw2, gb2]):
            m[j] = 0.9 * m[j] + 0.1 * gr
            v[j] = 0.999 * v[j] + 0.001 * gr * gr
            params[j] -= lr * (m[j] / (1 - 0.9 ** t)) / (np.sqrt(v[j] / (1 - 0.999 ** t)) + 1e-8)
    w1, b1, w2, b2 = params

    def predict(xq):
        z = np.maximum(0, xq @ w1 + b1) @ w2 + b2
        z -= z.max(axis=1, keepdims=True)
        e = np.exp(z)
        return e / e.sum(axis=1, keepdims=True)
    return predict


def knn_scores(x, rows, cls, xq, emb, top=3, whole=None):
    """Prototype similarity (design 11a): for each head's class, the mean of the `top` highest cosine similarities of
    a query's embedding to that class's training texts, minus the same against the safe texts (ordinary and
    risky-looking, with their sentences), mapped to [0, 1] as (1 + difference) / 2. Columns in CLASSES order; the
    safe classes get 0. With `whole` (a mask of the rows that are whole prompts, --knn-safe per-head, design 15a), the
    jailbreak and harmful heads, which read only whole prompts, are measured against the safe whole prompts only; the
    injection head, which also reads pieces, against the safe prompts and their pieces."""
    def unit(a):
        a = a[:, :emb].astype(np.float32)
        return a / np.maximum(1e-6, np.linalg.norm(a, axis=1, keepdims=True))
    q = unit(xq)
    safe = unit(x[rows[(cls == "benign") | (cls == "risky")]])

    def topk(ref):
        if len(ref) == 0:  # no prototypes of that kind (only with --zh-reading route): no score
            return np.full(len(q), np.nan, np.float32)
        out = np.empty(len(q), np.float32)
        for a in range(0, len(q), 2048):
            sim = q[a:a + 2048] @ ref.T
            k = min(top, sim.shape[1])
            out[a:a + 2048] = np.sort(np.partition(sim, -k, axis=1)[:, -k:], axis=1).mean(axis=1)
        return out
    s_safe = topk(safe)
    s_safe_whole = s_safe if whole is None else topk(unit(x[rows[((cls == "benign") | (cls == "risky")) & whole]]))
    p = np.zeros((len(q), len(CLASSES)), np.float32)
    for h in HEADS:
        ref = unit(x[rows[cls == h]])
        p[:, CLASSES.index(h)] = (1 + topk(ref) - (s_safe if h == "injection" else s_safe_whole)) / 2
    return p


KNN_SAFE = ["all"]  # --knn-safe: "all" (designs 11 to 13) or "per-head" (design 15a, see knn_scores)


MLP_SEEDS = [5]  # --mlp-seeds: the MLP's prediction is the mean over one model per seed


def mlp_probs(x, rows, cls, w, xq, merge_risky=False):
    """One-hidden-layer MLP over the classes (design 11a); with merge_risky, risky-looking safe prompts are ordinary
    safe prompts (4 classes) rather than a class of their own. Columns in CLASSES order."""
    classes = [c for c in CLASSES if not (merge_risky and c == "risky")]
    ci = np.array([classes.index("benign" if (merge_risky and c == "risky") else c) for c in cls])
    pr = np.mean([fit_mlp(x[rows], ci, w, len(classes), seed=seed)(xq) for seed in MLP_SEEDS], axis=0)
    p = np.zeros((len(xq), len(CLASSES)), np.float32)
    for j, c in enumerate(classes):
        p[:, CLASSES.index(c)] = pr[:, j]
    return p


# ---------------------------------------------------------------- knnlr: a learned head on prototype similarities


SIM_CLASSES = ["safe", "injection", "jailbreak", "harmful"]  # the prototype classes knnlr measures (safe = benign+risky)
KNNLR_STATS = [1, 3, 10]  # --knnlr-stats: per class, the means of the top-k cosines used as features
KNNLR = {}  # the similarity table, computed once per run (see knnlr_table)
KNNLR_FEATURES = ["all"]  # --knnlr-features: all 21 (class stats and differences) or diffs (the 9 differences only)
KNNLR_TRAIN = ["all"]  # --knnlr-train: the rows the heads learn from: all training rows, or the real sources' only


def knnlr_family(source):
    """--knnlr-train family: the source whose rows a training row is measured without, authored sources of one
    family (authored:authored-roles and authored:authored-roles2) counted as one."""
    return re.sub(r"\d+$", "", source) if source.startswith(AUTHORED + ":") else source


def knnlr_table(x, items, emb):
    """For every text of the dump, its max(KNNLR_STATS) highest cosine similarities to the rows of every (source,
    prototype class) group of the rows any fold can train on (every trainable real source and the authored items,
    with their safe pieces), sorted high to low, -inf where a group has fewer rows. Computed once: a fold's features
    (its training rows' leave-own-source-out ones and its queries') are merges of the groups it may read."""
    if KNNLR:
        return KNNLR
    universe = [i for i, it in enumerate(items) if it["origin"] == AUTHORED or it["trainable"]]
    rows, cls, _, src = training_rows(items, universe, [it["cls"] for it in items], with_sources=True)
    pcls = np.array(["safe" if c in ("benign", "risky") else c for c in cls])
    sources = sorted(set(src.tolist()))
    sid = np.array([sources.index(s) for s in src])
    key = sid * len(SIM_CLASSES) + np.array([SIM_CLASSES.index(c) for c in pcls])
    order = np.argsort(key, kind="stable")
    groups, starts = np.unique(key[order], return_index=True)
    bounds = list(zip(starts, list(starts[1:]) + [len(order)]))
    kmax = max(KNNLR_STATS)

    def unit(a):
        a = a[:, :emb].astype(np.float32)
        return a / np.maximum(1e-6, np.linalg.norm(a, axis=1, keepdims=True))
    ref = unit(x[rows[order]])
    table = np.full((x.shape[0], len(groups), kmax), -np.inf, np.float32)
    for a in range(0, x.shape[0], 1024):
        sim = unit(x[a:a + 1024]) @ ref.T
        for g, (lo, hi) in enumerate(bounds):
            k = min(kmax, hi - lo)
            part = np.partition(sim[:, lo:hi], hi - lo - k, axis=1)[:, hi - lo - k:]
            table[a:a + 1024, g, :k] = -np.sort(-part, axis=1)
    KNNLR.update(table=table, sources=sources, gsrc=groups // len(SIM_CLASSES),
                 gcls=groups % len(SIM_CLASSES), empty=0)
    return KNNLR


def knnlr_features(texts, own_source, allowed_sources):
    """The similarity features of `texts` (text indices): for each prototype class, the mean of its top-k cosines to
    that class's rows of `allowed_sources` (k in KNNLR_STATS), leaving out the rows of each text's own source
    (`own_source`, names; None for a query of a held-out source), then each head's class minus safe, stat by stat.
    A class with no allowed row gives 0 (counted in KNNLR["empty"])."""
    t = KNNLR
    allow = np.isin(t["gsrc"], [t["sources"].index(s) for s in allowed_sources if s in t["sources"]])
    allow = np.broadcast_to(allow, (len(texts), len(allow)))
    if own_source is not None and KNNLR_TRAIN[0] == "family":
        fam = np.array([knnlr_family(s) for s in t["sources"]])
        allow = allow & (fam[t["gsrc"]][None, :] != np.array([knnlr_family(s) for s in own_source])[:, None])
    elif own_source is not None:
        own = np.array([t["sources"].index(s) for s in own_source])
        allow = allow & (t["gsrc"][None, :] != own[:, None])
    kmax = max(KNNLR_STATS)
    stat = {}
    for c in range(len(SIM_CLASSES)):
        g = np.where(t["gcls"] == c)[0]
        v = np.where(allow[:, g, None], t["table"][texts][:, g, :], -np.inf).reshape(len(texts), -1)
        k = min(kmax, v.shape[1])
        top = -np.sort(-np.partition(v, v.shape[1] - k, axis=1)[:, v.shape[1] - k:], axis=1)
        for n in KNNLR_STATS:
            part = top[:, :n]
            fin = np.isfinite(part)
            cnt = fin.sum(axis=1)
            t["empty"] += int((cnt == 0).sum())
            stat[c, n] = np.where(cnt > 0, np.where(fin, part, 0).sum(axis=1) / np.maximum(1, cnt), 0)
    cols = [] if KNNLR_FEATURES[0] == "diffs" else [stat[c, n] for c in range(len(SIM_CLASSES)) for n in KNNLR_STATS]
    cols += [stat[c, n] - stat[0, n] for c in range(1, len(SIM_CLASSES)) for n in KNNLR_STATS]
    return np.stack(cols, axis=1).astype(np.float32)


def knnlr_probs(x, items, train_idx, need, l2, emb):
    """Design knnlr (design 16 study): per head, a logistic regression on similarity features (knnlr_features),
    trained on the training rows' features computed leave-own-source-out (a training row of source s is measured
    against the training rows of the other sources only, as a held-out source's text will be), with the targets of
    head_targets and the logistic design's weights; features standardized on the training rows."""
    knnlr_table(x, items, emb)
    rows, cls, w, src = training_rows(items, train_idx, [it["cls"] for it in items], with_sources=True)
    allowed = sorted(set(src.tolist()))
    if KNNLR_TRAIN[0] == "real":  # the heads learn from the real sources' rows only (authored rows stay prototypes)
        keep = ~np.char.startswith(src.astype(str), AUTHORED + ":")
        rows, cls, w, src = rows[keep], cls[keep], w[keep], src[keep]
    ft = knnlr_features(rows, src, allowed)
    fq = knnlr_features(need, None, allowed)
    mu, sd = ft.mean(axis=0), np.maximum(1e-6, ft.std(axis=0))
    ft, fq = (ft - mu) / sd, (fq - mu) / sd
    p = np.zeros((len(need), len(CLASSES)), np.float32)
    for head, (y, mask) in head_targets(cls).items():
        wm, ym = w[mask].copy(), y[mask]
        wm[ym] *= wm[~ym].sum() / wm[ym].sum()  # the positives weigh as much as the negatives
        wt, b = fit_logistic(ft[mask], ym, wm, l2)
        p[:, CLASSES.index(head)] = 1 / (1 + np.exp(-(fq @ wt + b)))
    return p


# ---------------------------------------------------------------- designs


def head_targets(cls):
    """One-vs-rest targets and masks of the per-head logistic design: injection against everything else; jailbreak
    against everything else; harmful against benign, risky and injection (a jailbreak wraps a harmful request)."""
    return {
        "injection": (cls == "injection", np.ones(len(cls), bool)),
        "jailbreak": (cls == "jailbreak", np.ones(len(cls), bool)),
        "harmful": (cls == "harmful", cls != "jailbreak"),
    }


def injection_reading(it, roles):
    """The texts the injection head reads beside the whole prompt (it scores their maximum). roles "none": the
    sentences (the shipped reading). "data": a prompt with a data part (text after its first blank line) is read as its
    instruction whole, its data whole and the data's sentences, not the instruction's sentences; a prompt without
    one keeps its sentences. "strict": as "data", and a prompt without a data part is read whole only."""
    if roles == "none" or ("data" not in it and roles == "data"):
        return it["sentences"]
    if "data" not in it:
        return []
    return [it["instruction"], it["data"]] + it.get("dataSentences", [])


def train_and_score(design, x, items, train_idx, score_idx, l2, roles="none", emb=384, knn_top=3):
    """Trains `design` on train_idx and returns {head: scores of score_idx}; injection = max(whole, other texts
    read: see injection_reading)."""
    cls_of_item = [it["cls"] for it in items]
    rows, cls, w = training_rows(items, train_idx, cls_of_item)
    whole = np.array([items[i]["text"] for i in score_idx])
    sent_owner, sent_rows = [], []
    for k, i in enumerate(score_idx):
        for s in injection_reading(items[i], roles):
            sent_owner.append(k); sent_rows.append(s)
    sent_owner = np.array(sent_owner, dtype=int)
    jb_owner, jb_rows = [], []
    if JB_SENTENCES[0]:  # --jb-sentences: the jailbreak head also reads each sentence (session 13 study)
        for k, i in enumerate(score_idx):
            for s in items[i]["sentences"]:
                jb_owner.append(k); jb_rows.append(s)
    jb_owner = np.array(jb_owner, dtype=int)
    need = np.concatenate([whole, np.array(sent_rows, dtype=int), np.array(jb_rows, dtype=int)])
    xq = x[need]

    if design.startswith("logistic") or design == "d7r":
        probs = {}
        xt = x[rows]
        for head, (y, mask) in head_targets(cls).items():
            wm, ym = w[mask].copy(), y[mask]
            wm[ym] *= wm[~ym].sum() / wm[ym].sum()  # the positives weigh as much as the negatives
            wt, b = fit_logistic(xt[mask], ym, wm, l2)
            probs[head] = 1 / (1 + np.exp(-(xq @ wt + b)))
    else:
        k = len(CLASSES)
        ci = np.array([CLASSES.index(c) for c in cls])
        if design in ("knn", "mlp+knn", "mlp4+knn") and ZH:
            pk = knn_scores_routed(x, rows, cls, need, emb, knn_top)
        elif design in ("knn", "mlp+knn", "mlp4+knn"):
            whole = None
            if KNN_SAFE[0] == "per-head":
                whole = np.isin(rows, [items[i]["text"] for i in train_idx])
            pk = knn_scores(x, rows, cls, xq, emb, knn_top, whole)
        if design in ("mlp+knn", "mlp4+knn"):
            pm = mlp_probs(x, rows, cls, w, xq, merge_risky=design.startswith("mlp4"))
        if design == "knnlr":
            p = knnlr_probs(x, items, train_idx, need, l2, emb)
        elif design == "knn":
            p = pk
        elif design in ("mlp+knn", "mlp4+knn"):
            p = (pk + pm) / 2
        elif design.startswith("mlp"):
            p = mlp_probs(x, rows, cls, w, xq, merge_risky=design.startswith("mlp4"))
        elif design.startswith("softmax"):
            wt, b = fit_softmax(x[rows], ci, w, l2, k)
            z = xq @ wt + b
            z -= z.max(axis=1, keepdims=True)
            e = np.exp(z)
            p = e / e.sum(axis=1, keepdims=True)
        else:
            raise SystemExit("unknown design " + design)
        probs = {h: p[:, CLASSES.index(h)] for h in HEADS}
    n = len(score_idx)
    out = {}
    for head in HEADS:
        s = probs[head][:n].copy()
        if head == "injection" and len(sent_owner):
            np.maximum.at(s, sent_owner, probs[head][n:n + len(sent_owner)])
        if head == "jailbreak" and len(jb_owner):
            np.maximum.at(s, jb_owner, probs[head][n + len(sent_owner):])
        out[head] = s
    return out


# ---------------------------------------------------------------- calibration and metrics


def f1(tp, fp, fn):
    return 2 * tp / max(1, 2 * tp + fp + fn)


QUANTILES = [[0.9, 0.93, 0.95, 0.96, 0.97, 0.975, 0.98, 0.985, 0.99, 0.9925, 0.995, 0.9975, 0.999, 1.0]]
FINE_QUANTILES = sorted(set(QUANTILES[0]) | {round(0.95 + 0.001 * k, 4) for k in range(50)})

JB_SENTENCES = [False]  # --jb-sentences

OBJECTIVE = "head"  # --objective: how the calibration counts harmful recall (see calibrate)


def calibrate(scores, items, idx, budget_ordinary, budget_risky, worst=False, min_rows=30):
    """Thresholds for the three heads chosen on the out-of-fold scores of `idx`: among threshold triples whose
    any-screen flag rate stays within the budgets on ordinary instructions and on risky-looking safe prompts, the one
    with the best mean of injection F1 (injections vs benign), jailbreak detection (any screen, source-averaged) and
    harmful recall (harmful head, source-averaged)."""
    idx = np.array(idx)
    cls = np.array([items[i]["cls"] for i in idx])
    src = np.array([items[i]["source"] for i in idx])
    cand = {}
    for h in HEADS:
        neg = scores[h][idx][(cls == "benign") | (cls == "risky")]
        qs = np.quantile(neg, QUANTILES[0])
        grid = np.unique(np.concatenate([qs + 1e-6, np.linspace(0.05, 0.95, 19), [1.01]]))
        cand[h] = grid
    flags = {h: scores[h][idx][None, :] >= cand[h][:, None] for h in HEADS}  # T x N
    ordinary, risky = cls == "benign", cls == "risky"
    inj, jb, hm = cls == "injection", cls == "jailbreak", cls == "harmful"
    benign = ordinary | risky
    fi, fj, fh = flags["injection"], flags["jailbreak"], flags["harmful"]
    inj_f1 = [f1((fi[a] & inj).sum(), (fi[a] & benign).sum(), inj.sum() - (fi[a] & inj).sum())
              for a in range(len(cand["injection"]))]

    def per_source_mean(f, mask):
        srcs = sorted(set(src[mask].tolist()))
        if not srcs:
            return np.zeros(f.shape[0])
        member = np.stack([(src[mask] == s) / (src[mask] == s).sum() for s in srcs], axis=1)  # n x S
        return (f[:, mask].astype(np.float32) @ member.astype(np.float32)).mean(axis=1)
    hrec = per_source_mean(fh, hm)
    no, nr = max(1, ordinary.sum()), max(1, risky.sum())
    fho, fhr = fh[:, ordinary], fh[:, risky]

    def groups(mask):
        """Per source (worst-source calibration, design 11b): a membership matrix n_mask x S of the sources with at
        least min_rows rows of that kind, each column averaging its source; pooled otherwise."""
        srcs = sorted(s for s in set(src[mask].tolist()) if (src[mask] == s).sum() >= min_rows) if worst else []
        if not srcs:
            return np.full((mask.sum(), 1), 1.0 / max(1, mask.sum()), np.float32)
        return np.stack([(src[mask] == s) / (src[mask] == s).sum() for s in srcs], axis=1).astype(np.float32)
    go, gr = groups(ordinary), groups(risky)
    best = None
    for a in range(len(cand["injection"])):
        for b in range(len(cand["jailbreak"])):
            o = (((fi[a, ordinary] | fj[b, ordinary])[None, :] | fho).astype(np.float32) @ go).max(axis=1)
            r = (((fi[a, risky] | fj[b, risky])[None, :] | fhr).astype(np.float32) @ gr).max(axis=1)
            ok = (o <= budget_ordinary) & (r <= budget_risky)
            if not ok.any():
                continue
            if jb.any():
                jrec = per_source_mean((fi[a] | fj[b])[None, :] | fh, jb)
            else:
                jrec = np.zeros(len(hrec))
            if OBJECTIVE == "any":  # harmful recall by any screen, as the default policy rejects (session 13)
                hr = per_source_mean((fi[a] | fj[b])[None, :] | fh, hm) if hm.any() else hrec
                obj = np.where(ok, (inj_f1[a] + jrec + hr) / 3, -1)
            elif OBJECTIVE == "both":  # the harmful head's recall and any screen's, each a quarter (session 13)
                hr = per_source_mean((fi[a] | fj[b])[None, :] | fh, hm) if hm.any() else hrec
                obj = np.where(ok, (inj_f1[a] + jrec + hr + hrec) / 4, -1)
            else:
                obj = np.where(ok, (inj_f1[a] + jrec + hrec) / 3, -1)
            c = int(np.argmax(obj))
            if best is None or obj[c] > best[0] + 1e-12:
                best = (obj[c], cand["injection"][a], cand["jailbreak"][b], cand["harmful"][c])
    if best is None:
        return {h: 1.01 for h in HEADS}
    return {"injection": best[1], "jailbreak": best[2], "harmful": best[3]}


def flagged(scores, thr, i):
    return {h: bool(scores[h][i] >= thr[h]) for h in HEADS}


def summarize(items, idx, flags):
    """The five goals over `idx` (items), from per-item flags."""
    c = {"benign": [0, 0], "risky": [0, 0], "jb": [0, 0], "hm": [0, 0], "hm_any": [0, 0]}
    tp = fp = fn = 0
    for i in idx:
        it, fl = items[i], flags[i]
        anyf = any(fl.values())
        if it["cls"] in ("benign", "risky"):
            c[it["cls"]][0] += 1
            c[it["cls"]][1] += anyf
            fp += fl["injection"]
        elif it["cls"] == "injection":
            tp += fl["injection"]
            fn += not fl["injection"]
        elif it["cls"] == "jailbreak":
            c["jb"][0] += 1
            c["jb"][1] += anyf
        elif it["cls"] == "harmful":
            c["hm"][0] += 1
            c["hm"][1] += fl["harmful"]
            c["hm_any"][0] += 1
            c["hm_any"][1] += anyf
    r = lambda k: round(c[k][1] / c[k][0], 4) if c[k][0] else None
    return {"ordinaryFlagged": r("benign"), "riskyLookingFlagged": r("risky"),
            "injectionF1": round(f1(tp, fp, fn), 4), "injectionPrecision": round(tp / max(1, tp + fp), 4),
            "injectionRecall": round(tp / max(1, tp + fn), 4), "harmfulRecall": r("hm"),
            "harmfulFlaggedAnyScreen": r("hm_any"), "jailbreakDetection": r("jb"),
            "rows": {k: v[0] for k, v in c.items()} | {"injection": tp + fn}}


def per_source(items, idx, flags):
    out = {}
    for i in idx:
        it = items[i]
        key = f'{it["source"]}|{it["subset"]}'
        o = out.setdefault(key, {"rows": 0, "any": 0, "injection": 0, "jailbreak": 0, "harmful": 0})
        fl = flags[i]
        o["rows"] += 1
        o["any"] += any(fl.values())
        for h in HEADS:
            o[h] += fl[h]
    return {k: {"rows": v["rows"]} | {h: round(v[h] / v["rows"], 3) for h in ["any"] + HEADS}
            for k, v in sorted(out.items())}


def scores_file(args, design):
    """Where --scores-dir writes (and --from-scores reads) a design's out-of-fold scores."""
    authored = "" if args.authored == "exclude" else f"-authored{args.authored_weight:g}"
    pieces = "" if args.safe_pieces == "sentences" else f"-safe{args.safe_pieces}"
    pieces += "" if args.knn_safe == "all" else f"-knnsafe{args.knn_safe}"
    zh = "" if args.zh_reading == "none" else f"-zh{args.zh_reading}"
    zh += "-all" if args.zh_reading == "route" and args.zh_prototypes == "all" else ""
    zh += "" if args.zh_reading != "route" or args.zh_heads == ",".join(HEADS) else "-" + args.zh_heads.replace(",", "+")
    lr = ""
    if design == "knnlr" and (args.l2 != 1e-3 or args.knnlr_stats != "1,3,10" or args.knnlr_train != "all"):
        lr = f"-l2{args.l2:g}-top{args.knnlr_stats.replace(',', '+')}-train{args.knnlr_train}"
    if design == "knnlr" and args.knnlr_features != "all":
        lr += f"-{args.knnlr_features}"
    return f"{design}-{args.features}-{args.roles}{authored}{pieces}{zh}{lr}{args.tag}.npz"


def authored_counts(items, authored):
    """How many authored prompts every fold trained on, per source and subset (design 13)."""
    out = {}
    for i in authored:
        key = f'{items[i]["source"]}|{items[i]["subset"]}'
        out[key] = out.get(key, 0) + 1
    return {"total": len(authored)} | dict(sorted(out.items()))


def authored_near_duplicates(x, items, emb, levels=(0.9, 0.95)):
    """How close the authored prompts come to the real ones (a leak check, design 13): per authored source, how many
    of its prompts have a real prompt (whole text) at embedding cosine similarity >= each level, and the real
    sources of those at the highest level. Needs the raw features (the embedding at the front)."""
    real = [i for i, it in enumerate(items) if it["origin"] != AUTHORED]
    authored = [i for i, it in enumerate(items) if it["origin"] == AUTHORED]
    if not authored:
        return {}

    def unit(rows):
        a = x[[items[i]["text"] for i in rows], :emb].astype(np.float32)
        return a / np.maximum(1e-6, np.linalg.norm(a, axis=1, keepdims=True))
    r = unit(real)
    out = {}
    for a0 in range(0, len(authored), 1024):
        part = authored[a0:a0 + 1024]
        sim = unit(part) @ r.T
        best, arg = sim.max(axis=1), sim.argmax(axis=1)
        for k, i in enumerate(part):
            o = out.setdefault(items[i]["source"], {"items": 0} | {f"cos>={v}": 0 for v in levels} | {"nearSources": {}})
            o["items"] += 1
            for v in levels:
                o[f"cos>={v}"] += int(best[k] >= v)
            if best[k] >= levels[-1]:
                near = items[real[arg[k]]]["source"]
                o["nearSources"][near] = o["nearSources"].get(near, 0) + 1
    return out


def authored_sanity(design, x, items, args, thresholds, trainable):
    """The authored prompts of the --authored-sanity languages, scored with each authored source held out in turn
    (trained on every trainable real source and the other authored sources) and flagged with `thresholds`. A sanity
    figure on authored text (the only Chinese safe prompts there are), never a held-out measurement of real data."""
    langs = set(args.authored_sanity.split(","))
    authored = [i for i, it in enumerate(items) if it["origin"] == AUTHORED]
    target = [i for i in authored if items[i].get("lang") in langs]
    real_train = [i for i, it in enumerate(items) if it["origin"] != AUTHORED and it["source"] in trainable]
    flags = [None] * len(items)
    for src in sorted({items[i]["source"] for i in target}):
        held = [i for i in target if items[i]["source"] == src]
        train = real_train + [i for i in authored if items[i]["source"] != src]
        s = train_and_score(design, x, items, train, held, args.l2, args.roles, args.emb, args.knn_top)
        for k, i in enumerate(held):
            flags[i] = {h: bool(s[h][k] >= thresholds[h]) for h in HEADS}
    out = {"langs": sorted(langs), "all": summarize(items, target, flags)}
    for lang in sorted(langs):
        out[lang] = summarize(items, [i for i in target if items[i].get("lang") == lang], flags)
    return out


def run_design(design, x, items, args):
    t0 = time.time()
    kit_only = design == "d7r"
    real = [i for i, it in enumerate(items) if it["origin"] != AUTHORED]  # held out, scored and calibrated on
    authored = [i for i, it in enumerate(items) if it["origin"] == AUTHORED]  # in every fold's training set
    sources = sorted({items[i]["source"] for i in real})
    trainable = {items[i]["source"] for i in real
                 if items[i]["trainable"] and (not kit_only or items[i]["origin"] == "kit")}
    folds = [s for s in sources if s in trainable] + ["(never trained on)"]
    scores = {h: np.zeros(len(items), np.float32) for h in HEADS}
    if args.from_scores:  # re-calibrate saved out-of-fold scores (another calibration or budget), no training
        saved = np.load(f"{args.from_scores}/{scores_file(args, design)}")
        scores = {h: saved[h] for h in HEADS}
        folds = []
    for fold in folds:
        held = [i for i in real if (items[i]["source"] == fold) or
                (fold == "(never trained on)" and items[i]["source"] not in trainable)]
        train = [i for i in real if items[i]["source"] in trainable and items[i]["source"] != fold] + authored
        s = train_and_score(design, x, items, train, held, args.l2, args.roles, args.emb, args.knn_top)
        for h in HEADS:
            scores[h][held] = s[h]
        print(f"  {design}: fold {fold}: {len(held)} scored, {len(train)} trained on ({time.time() - t0:.0f} s)",
              file=sys.stderr, flush=True)
    if args.scores_dir and not args.from_scores:  # the out-of-fold scores, for analysis (safety-source-analyse.py style one-offs)
        np.savez(f"{args.scores_dir}/{scores_file(args, design)}", **scores)
    # nested calibration: each source is judged with thresholds calibrated on the other sources' OOF scores
    flags = [None] * len(items)
    thresholds = {}
    # d7r is calibrated on the kit only (as design 7 is), unless --d7r-calibration all: then on the same pool as every
    # other design (design 15's matched-false-positive reference: design 7's heads, thresholds held to the budgets)
    calib_pool = [i for i in real if not kit_only or args.d7r_calibration == "all" or items[i]["origin"] == "kit"]
    for src in sources:
        held = [i for i in real if items[i]["source"] == src]
        pool = [i for i in calib_pool if items[i]["source"] != src]
        thr = calibrate(scores, items, pool, args.budget_ordinary, args.budget_risky, args.calibration == "worst")
        thresholds[src] = {h: round(float(v), 4) for h, v in thr.items()}
        for i in held:
            flags[i] = flagged(scores, thr, i)
    final = calibrate(scores, items, calib_pool, args.budget_ordinary, args.budget_risky,
                      args.calibration == "worst")
    extras = [i for i, it in enumerate(items) if it["origin"] == "extras"]
    kit = [i for i, it in enumerate(items) if it["origin"] == "kit"]
    # for comparison only: the thresholds calibrated on every source's out-of-fold scores, the held-out one included
    # (the protocol of design 8's search), which says how much of the loss is the thresholds' failure to transfer
    pooled = [flagged(scores, final, i) if items[i]["origin"] != AUTHORED else None for i in range(len(items))]
    sanity = authored_sanity(design, x, items, args, final, trainable) if args.authored_sanity else None
    res = {"design": design, "seconds": round(time.time() - t0, 1),
           "extras": summarize(items, extras, flags), "kit": summarize(items, kit, flags),
           "extrasPooledCalibration": summarize(items, extras, pooled),
           "kitPooledCalibration": summarize(items, kit, pooled),
           "extrasEnglishHarmfulRecall": summarize(items, [i for i in extras if items[i].get("lang") != "zh"],
                                                   flags)["harmfulRecall"],
           "thresholdsAllSources": {h: round(float(v), 4) for h, v in final.items()},
           "thresholdsPerHeldOutSource": thresholds, "perSource": per_source(items, real, flags),
           "authoredTrainedOn": authored_counts(items, authored)}
    if sanity is not None:
        res["authoredSanity"] = sanity
    if ZH:
        routed = {}
        for i in real:
            if ZH["cjk"][items[i]["text"]]:
                routed[items[i]["source"]] = routed.get(items[i]["source"], 0) + 1
        res["cjkRoutedRealItems"] = dict(sorted(routed.items()))
    print(json.dumps({k: res[k] for k in ("design", "seconds", "extras", "kit", "extrasEnglishHarmfulRecall",
                                          "extrasPooledCalibration")}),
          flush=True)
    return res


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("folder")
    ap.add_argument("--designs", default="d7r,logistic,softmax")
    ap.add_argument("--features", default="all", help="all | emb | ngram | proj")
    ap.add_argument("--l2", type=float, default=1e-3)
    ap.add_argument("--budget-ordinary", type=float, default=0.025)
    ap.add_argument("--budget-risky", type=float, default=0.04)
    ap.add_argument("--out", default=None)
    ap.add_argument("--roles", default="none", help="none | data | strict (see injection_reading)")
    ap.add_argument("--calibration", default="pooled",
                    help="pooled: budgets on the pooled rates; worst: on every source's own rate (design 11b)")
    ap.add_argument("--scores-dir", default=None, help="write each design's out-of-fold scores there (npz)")
    ap.add_argument("--quantiles", default="coarse", choices=["coarse", "fine"],
                    help="the safe-score quantiles tried as thresholds: design 15's (coarse, default) or also every "
                         "0.001 from 0.95 to 0.999 (fine; the shipped calibration since session 13)")
    ap.add_argument("--jb-sentences", action="store_true",
                    help="the jailbreak head also reads each of the prompt's sentences (max; session 13 study)")
    ap.add_argument("--objective", default="head", choices=["head", "any", "both"],
                    help="calibration objective's harmful recall: of the harmful head (head, default) or by any "
                         "screen (any), each source-averaged")
    ap.add_argument("--from-scores", default=None, help="read the out-of-fold scores a --scores-dir run wrote")
    ap.add_argument("--tag", default="", help="suffix of the saved scores' file name")
    ap.add_argument("--mlp-seeds", default="5", help="mlp designs: the mean of one model per seed")
    ap.add_argument("--knn-top", type=int, default=3, help="knn: how many nearest texts of a class are averaged")
    ap.add_argument("--knnlr-stats", default="1,3,10",
                    help="knnlr: per prototype class, the top-k cosine means used as features (default 1,3,10)")
    ap.add_argument("--knnlr-features", default="all", choices=["all", "diffs"],
                    help="knnlr: every class's top-k means and each head's class minus safe (all, default), or the "
                         "differences to safe only (diffs)")
    ap.add_argument("--knnlr-train", default="all", choices=["all", "real", "family"],
                    help="knnlr: the heads learn from all training rows, each measured without its own source (all, "
                         "default), from the real sources' rows only (real), or from all rows with an authored row "
                         "measured without its whole authored family, e.g. roles and roles2 (family)")
    ap.add_argument("--emb", type=int, default=EMB, help="embedding dimension at the front of the features")
    ap.add_argument("--authored", default="exclude",
                    help="include: the authored items (origin authored) are trained on in every fold, never scored "
                         "nor calibrated on; exclude (default): they are dropped")
    ap.add_argument("--d7r-calibration", default="kit", help="d7r: kit (as shipped) | all (the other designs' pool)")
    ap.add_argument("--authored-weight", type=float, default=1.0,
                    help="an authored (source, class) pair's weight against one real source's pair (default 1)")
    ap.add_argument("--safe-pieces", default="sentences", choices=["sentences", "read"],
                    help="pieces of a safe training prompt trained on as safe rows: its sentences (default) or every "
                         "text the injection screen reads of it (see safe_pieces)")
    ap.add_argument("--knn-safe", default="all", choices=["all", "per-head"],
                    help="knn: the safe texts every head is measured against: all (default), or per-head (the "
                         "jailbreak and harmful heads against safe whole prompts only; see knn_scores)")
    ap.add_argument("--zh-dump", default=None,
                    help="a dump of the same items embedded by bge-small-zh-v15 (design 15b; --zh-reading)")
    ap.add_argument("--zh-emb", type=int, default=512, help="the Chinese embedding's dimension in --zh-dump")
    ap.add_argument("--zh-reading", default="none",
                    help="none (default) | route: CJK texts by kNN on the Chinese embedding against CJK prototypes | "
                         "concat: every text by [en unit ; zh unit] / sqrt(2)")
    ap.add_argument("--zh-prototypes", default="cjk",
                    help="route: the Chinese reading's prototypes: cjk (default; the CJK training texts) or all")
    ap.add_argument("--zh-heads", default=",".join(HEADS),
                    help="route: the heads read in Chinese (default all three; e.g. harmful)")
    ap.add_argument("--cjk-share", type=float, default=0.3,
                    help="route: a text whose letters are at least this share CJK is read in Chinese")
    ap.add_argument("--authored-sanity", default=None,
                    help="languages (lang field, e.g. zh,zh-Hant) of authored prompts to score, each authored source "
                         "held out in turn, as a sanity figure (needs --authored include)")
    args = ap.parse_args()
    global OBJECTIVE
    OBJECTIVE = args.objective
    JB_SENTENCES[0] = args.jb_sentences
    if args.quantiles == "fine":
        QUANTILES[0] = FINE_QUANTILES
    SAFE_PIECES[0] = args.safe_pieces
    KNN_SAFE[0] = args.knn_safe
    MLP_SEEDS[:] = [int(v) for v in args.mlp_seeds.split(",")]
    KNNLR_STATS[:] = [int(v) for v in args.knnlr_stats.split(",")]
    KNNLR_TRAIN[0] = args.knnlr_train
    KNNLR_FEATURES[0] = args.knnlr_features
    if not KNNLR_STATS or min(KNNLR_STATS) < 1:
        raise SystemExit(f"--knnlr-stats must be positive integers, got {args.knnlr_stats}")
    if not args.authored_weight > 0:
        raise SystemExit(f"--authored-weight must be positive, got {args.authored_weight}")
    AUTHORED_WEIGHT[0] = args.authored_weight
    if args.zh_reading not in ("none", "route", "concat"):
        raise SystemExit(f"--zh-reading must be none, route or concat, got {args.zh_reading}")
    if (args.zh_reading != "none") != (args.zh_dump is not None):
        raise SystemExit("--zh-reading route|concat and --zh-dump go together")
    if args.authored_sanity and args.authored != "include":
        raise SystemExit("--authored-sanity needs --authored include")
    meta, x, items = load(args.folder, args.authored)
    near = authored_near_duplicates(x, items, args.emb)
    if near:
        print("authored prompts near a real one: " + json.dumps(near), file=sys.stderr)
    near_zh = {}
    if args.zh_dump:
        zmeta, zx, texts = load_zh(args.folder, args.zh_dump)
        near_zh = authored_near_duplicates(zx, items, args.zh_emb)
        print("authored prompts near a real one, Chinese embedding: " + json.dumps(near_zh), file=sys.stderr)
        zx = np.ascontiguousarray(zx[:, :args.zh_emb])
    x = np.ascontiguousarray(view(x, args.features, emb=args.emb))
    if args.zh_reading == "route":
        if set(args.designs.split(",")) - {"knn", "mlp+knn", "mlp4+knn"}:
            raise SystemExit("--zh-reading route reads the knn part of a design only: knn, mlp+knn, mlp4+knn")
        if args.zh_prototypes not in ("cjk", "all"):
            raise SystemExit(f"--zh-prototypes must be cjk or all, got {args.zh_prototypes}")
        heads = args.zh_heads.split(",")
        if not heads or set(heads) - set(HEADS):
            raise SystemExit(f"--zh-heads must name heads of {HEADS}, got {args.zh_heads}")
        ZH.update(x=zx, emb=args.zh_emb, prototypes=args.zh_prototypes, heads=heads, cjk=np.array([cjk_share(t) >= args.cjk_share for t in texts]))
        print(f"{int(ZH['cjk'].sum())} of {len(texts)} texts route to the Chinese reading", file=sys.stderr)
    elif args.zh_reading == "concat":
        both = np.concatenate([unit_rows(x[:, :args.emb]), unit_rows(zx)], axis=1) / np.float32(np.sqrt(2))
        x = np.ascontiguousarray(np.concatenate([both, x[:, args.emb:]], axis=1))
        args.emb += args.zh_emb
        del zx
    n_authored = sum(it["origin"] == AUTHORED for it in items)
    print(f"{len(items)} items ({n_authored} authored, always trained on), {x.shape[0]} texts x {x.shape[1]} features "
          f"({meta['embedder']})", file=sys.stderr)
    results = []
    for d in args.designs.split(","):
        results.append(run_design(d, x, items, args))
        if args.out:  # after every design, so a stopped run keeps what it finished
            json.dump({"args": vars(args), "embedder": meta["embedder"], "authoredNearDuplicates": near,
                       "authoredNearDuplicatesZh": near_zh, "results": results}, open(args.out, "w"), indent=1)


if __name__ == "__main__":
    main()
