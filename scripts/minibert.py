"""A small BERT encoder in PyTorch, loaded from the ONNX files shipped in LangChain4j's embedding jars, with the
WordPiece tokenizer of the jar's tokenizer.json (issue 18, design 12: a dev-only study tool, not a project
dependency; see docs/evaluation/safety-and-bias.md, "Design 12").

Only what all-MiniLM-L6-v2 and bge-small-en-v1.5 need: BertNormalizer (clean text, CJK characters split, lower case,
accents stripped), BertPreTokenizer (whitespace and punctuation), greedy longest-match WordPiece with "##"
continuations, [CLS] ... [SEP] truncated to 128 tokens; word + position + token-type embeddings and LayerNorm, then
post-LN layers of multi-head self-attention and a GELU feed-forward block, then mean pooling over the real tokens
(or the [CLS] token). The weights are read from the ONNX initializers; the matrices the exporter renamed
("onnx::MatMul_787") are matched to their layer through the graph (the bias added to each MatMul's output names it).

    tok = WordPiece.from_json("all-minilm-l6-v2-tokenizer.json")
    enc = BertEncoder.from_onnx("all-minilm-l6-v2.onnx")
    vectors = enc.embed(tok, ["a sentence"])   # L2-normalised, as the platform's OnnxEmbedder
"""
import json
import math
import unicodedata

import torch
from torch import nn

MAX_TOKENS = 128


# ---------------------------------------------------------------- tokenizer


def _is_punctuation(ch):
    cp = ord(ch)
    if 33 <= cp <= 47 or 58 <= cp <= 64 or 91 <= cp <= 96 or 123 <= cp <= 126:
        return True
    return unicodedata.category(ch).startswith("P")


def _is_cjk(cp):
    return (0x4E00 <= cp <= 0x9FFF or 0x3400 <= cp <= 0x4DBF or 0x20000 <= cp <= 0x2A6DF or 0x2A700 <= cp <= 0x2B73F
            or 0x2B740 <= cp <= 0x2B81F or 0x2B820 <= cp <= 0x2CEAF or 0xF900 <= cp <= 0xFAFF
            or 0x2F800 <= cp <= 0x2FA1F)


class WordPiece:
    """BERT's uncased tokenizer as tokenizer.json describes it (BertNormalizer + BertPreTokenizer + WordPiece)."""

    def __init__(self, vocab, unk="[UNK]", prefix="##", max_chars=100, lowercase=True, strip_accents=True,
                 max_tokens=MAX_TOKENS):
        self.vocab = vocab
        self.unk = vocab[unk]
        self.cls = vocab["[CLS]"]
        self.sep = vocab["[SEP]"]
        self.prefix = prefix
        self.max_chars = max_chars
        self.lowercase = lowercase
        self.strip_accents = strip_accents
        self.max_tokens = max_tokens
        self._cache = {}

    @classmethod
    def from_json(cls, path, max_tokens=MAX_TOKENS):
        t = json.load(open(path, encoding="utf-8"))
        m, norm = t["model"], t.get("normalizer") or {}
        if m.get("type") != "WordPiece":
            raise ValueError(f"{path}: not a WordPiece tokenizer ({m.get('type')})")
        lowercase = norm.get("lowercase", True)
        strip = norm.get("strip_accents")
        trunc = (t.get("truncation") or {}).get("max_length", max_tokens)
        return cls(m["vocab"], m.get("unk_token", "[UNK]"), m.get("continuing_subword_prefix", "##"),
                   m.get("max_input_chars_per_word", 100), lowercase, lowercase if strip is None else strip,
                   min(trunc, max_tokens))

    def _normalize(self, text):
        out = []
        for ch in text:
            cp = ord(ch)
            if cp == 0 or cp == 0xFFFD or (unicodedata.category(ch).startswith("C") and ch not in "\t\n\r"):
                continue
            if ch in "\t\n\r" or unicodedata.category(ch) == "Zs":
                out.append(" ")
            elif _is_cjk(cp):
                out.append(f" {ch} ")
            else:
                out.append(ch)
        text = "".join(out)
        if self.strip_accents:
            text = "".join(c for c in unicodedata.normalize("NFD", text) if unicodedata.category(c) != "Mn")
        if self.lowercase:
            text = text.lower()
        return text

    def _words(self, text):
        for chunk in text.split():
            word = []
            for ch in chunk:
                if _is_punctuation(ch):
                    if word:
                        yield "".join(word)
                        word = []
                    yield ch
                else:
                    word.append(ch)
            if word:
                yield "".join(word)

    def _pieces(self, word):
        hit = self._cache.get(word)
        if hit is not None:
            return hit
        if len(word) > self.max_chars:
            ids = [self.unk]
        else:
            ids, start = [], 0
            while start < len(word):
                end, found = len(word), None
                while start < end:
                    piece = word[start:end] if start == 0 else self.prefix + word[start:end]
                    if piece in self.vocab:
                        found = self.vocab[piece]
                        break
                    end -= 1
                if found is None:
                    ids = [self.unk]
                    break
                ids.append(found)
                start = end
        if len(self._cache) < 200_000:
            self._cache[word] = ids
        return ids

    def encode(self, text):
        """Token ids with [CLS] and [SEP], truncated to max_tokens."""
        ids = []
        for w in self._words(self._normalize(text)):
            ids.extend(self._pieces(w))
            if len(ids) >= self.max_tokens - 2:
                break
        return [self.cls] + ids[: self.max_tokens - 2] + [self.sep]


def pad(batch_ids):
    """Dynamic padding: (ids, mask) tensors as wide as the longest sequence of the batch."""
    width = max(len(s) for s in batch_ids)
    ids = torch.zeros((len(batch_ids), width), dtype=torch.long)
    mask = torch.zeros((len(batch_ids), width), dtype=torch.long)
    for r, s in enumerate(batch_ids):
        ids[r, : len(s)] = torch.tensor(s)
        mask[r, : len(s)] = 1
    return ids, mask


# ---------------------------------------------------------------- encoder


class Layer(nn.Module):
    def __init__(self, dim, heads, inner, eps):
        super().__init__()
        self.heads = heads
        self.query, self.key, self.value = nn.Linear(dim, dim), nn.Linear(dim, dim), nn.Linear(dim, dim)
        self.attn_out = nn.Linear(dim, dim)
        self.attn_norm = nn.LayerNorm(dim, eps=eps)
        self.inner = nn.Linear(dim, inner)
        self.out = nn.Linear(inner, dim)
        self.out_norm = nn.LayerNorm(dim, eps=eps)

    def forward(self, h, bias):
        b, n, d = h.shape
        split = lambda t: t.view(b, n, self.heads, d // self.heads).transpose(1, 2)
        q, k, v = split(self.query(h)), split(self.key(h)), split(self.value(h))
        att = torch.softmax(q @ k.transpose(-1, -2) / math.sqrt(d // self.heads) + bias, dim=-1)
        ctx = (att @ v).transpose(1, 2).reshape(b, n, d)
        h = self.attn_norm(h + self.attn_out(ctx))
        return self.out_norm(h + self.out(nn.functional.gelu(self.inner(h))))


class BertEncoder(nn.Module):
    def __init__(self, vocab=30522, dim=384, layers=6, heads=12, inner=1536, positions=512, eps=1e-12,
                 cls_pooling=False):
        super().__init__()
        self.words = nn.Embedding(vocab, dim)
        self.positions = nn.Embedding(positions, dim)
        self.types = nn.Embedding(2, dim)
        self.norm = nn.LayerNorm(dim, eps=eps)
        self.layers = nn.ModuleList([Layer(dim, heads, inner, eps) for _ in range(layers)])
        self.cls_pooling = cls_pooling
        self.dim = dim

    def forward(self, ids, mask):
        """Pooled (not normalised) vectors of a padded batch."""
        pos = torch.arange(ids.shape[1]).unsqueeze(0)
        h = self.norm(self.words(ids) + self.positions(pos) + self.types(torch.zeros_like(ids)))
        bias = (1.0 - mask[:, None, None, :].float()) * -1e4
        for layer in self.layers:
            h = layer(h, bias)
        if self.cls_pooling:
            return h[:, 0]
        m = mask.unsqueeze(-1).float()
        return (h * m).sum(1) / m.sum(1).clamp(min=1)

    @torch.no_grad()
    def embed(self, tok, texts, batch=32):
        """L2-normalised vectors of texts, in order (batches of similar length)."""
        self.eval()
        encoded = [tok.encode(t) for t in texts]
        order = sorted(range(len(texts)), key=lambda i: len(encoded[i]))
        out = torch.empty((len(texts), self.dim))
        for a in range(0, len(order), batch):
            part = order[a: a + batch]
            v = self.forward(*pad([encoded[i] for i in part]))
            out[part] = nn.functional.normalize(v, dim=-1)
        return out

    @classmethod
    def from_onnx(cls, path, heads=12, cls_pooling=False):
        import onnx
        from onnx import numpy_helper
        model = onnx.load(path)
        init = {i.name: torch.from_numpy(numpy_helper.to_array(i).copy()) for i in model.graph.initializer}
        # a MatMul whose weight the exporter renamed is named by the bias its output is added to
        producer = {}
        for node in model.graph.node:
            if node.op_type == "MatMul":
                for inp in node.input:
                    if inp in init:
                        producer[node.output[0]] = inp
        weight = {}
        for node in model.graph.node:
            if node.op_type == "Add":
                mat = [producer[i] for i in node.input if i in producer]
                bias = [i for i in node.input if i in init and i.endswith(".bias")]
                if mat and bias:
                    weight[bias[0][: -len(".bias")]] = init[mat[0]].T  # ONNX x @ W; torch Linear x @ W.T
        vocab, dim = init["embeddings.word_embeddings.weight"].shape
        layers = 1 + max(int(k.split(".")[2]) for k in init if k.startswith("encoder.layer."))
        inner = init["encoder.layer.0.intermediate.dense.bias"].shape[0]
        enc = cls(vocab, dim, layers, heads, inner, init["embeddings.position_embeddings.weight"].shape[0],
                  cls_pooling=cls_pooling)
        enc.words.weight.data = init["embeddings.word_embeddings.weight"]
        enc.positions.weight.data = init["embeddings.position_embeddings.weight"]
        enc.types.weight.data = init["embeddings.token_type_embeddings.weight"]
        enc.norm.weight.data, enc.norm.bias.data = init["embeddings.LayerNorm.weight"], init["embeddings.LayerNorm.bias"]
        names = {"query": "attention.self.query", "key": "attention.self.key", "value": "attention.self.value",
                 "attn_out": "attention.output.dense", "inner": "intermediate.dense", "out": "output.dense"}
        for n, layer in enumerate(enc.layers):
            p = f"encoder.layer.{n}."
            for attr, onnx_name in names.items():
                lin = getattr(layer, attr)
                lin.weight.data = weight[p + onnx_name].contiguous()
                lin.bias.data = init[p + onnx_name + ".bias"]
            for attr, onnx_name in (("attn_norm", "attention.output.LayerNorm"), ("out_norm", "output.LayerNorm")):
                ln = getattr(layer, attr)
                ln.weight.data, ln.bias.data = init[p + onnx_name + ".weight"], init[p + onnx_name + ".bias"]
        return enc


def _check(dump, onnx_path, tokenizer_path, n=200, cls_pooling=False):
    """Cosine of this encoder's vectors against the platform's (the embedding columns of a SourceHeldOutDump's
    features.f32, written by the Java OnnxEmbedder) for the first 5 and n-5 random texts of the dump."""
    import numpy as np
    meta = json.load(open(f"{dump}/meta.json"))
    x = np.fromfile(f"{dump}/features.f32", dtype="<f4").reshape(meta["rows"], meta["dim"])
    texts = [json.loads(line)["text"] for line in open(f"{dump}/texts.jsonl")]
    pick = list(range(5)) + [int(i) for i in np.random.default_rng(1).choice(
        np.arange(5, len(texts)), n - 5, replace=False)]
    tok = WordPiece.from_json(tokenizer_path)
    enc = BertEncoder.from_onnx(onnx_path, cls_pooling=cls_pooling)
    mine = enc.embed(tok, [texts[i] for i in pick]).numpy()
    java = x[pick, :enc.dim] / np.linalg.norm(x[pick, :enc.dim], axis=1, keepdims=True)
    cos = (mine * java).sum(axis=1)
    for k in range(5):
        print(f"{cos[k]:.7f}  {texts[pick[k]][:70]!r}")
    print(json.dumps({"texts": n, "minCosine": float(cos.min()), "meanCosine": float(cos.mean()),
                      "below0.999": int((cos < 0.999).sum())}))


if __name__ == "__main__":
    # python3 scripts/minibert.py DUMP_FOLDER MODEL.onnx TOKENIZER.json [--cls]
    import sys
    torch.set_num_threads(2)
    _check(sys.argv[1], sys.argv[2], sys.argv[3], cls_pooling="--cls" in sys.argv)
