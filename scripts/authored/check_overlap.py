#!/usr/bin/env python3
"""Counts authored rows that are near-duplicates of any text of the shared evaluation kit and prints their ids.

Near-duplicate: word 3-gram Jaccard >= 0.5 (for text with CJK characters: character 3-grams). Every dev and test
file of the kit is read (`<kit>/*/*.jsonl`; `holdout/` never), and only the ids of authored rows are printed,
with the kit file they match, never a kit text. Exits 1 when any file has a near-duplicate, 2 on bad input.

    python3 scripts/authored/check_overlap.py governance/src/main/resources/io/hallmark/governance/safety/authored/*.jsonl          # kit: ../shared/eval
    python3 scripts/authored/check_overlap.py --kit /path/to/eval governance/src/main/resources/io/hallmark/governance/safety/authored/*.jsonl

Every authored file must report 0.
"""
import argparse
import collections
import glob
import json
import os
import re
import sys

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..")
TEXT_FIELDS = ("text", "prompt", "goal", "user_query", "behavior", "Behavior")
THRESHOLD = 0.5


def grams(text):
    if re.search(r"[\u4e00-\u9fff]", text):
        s = re.sub(r"\s+", "", text)
        return {s[i:i + 3] for i in range(max(1, len(s) - 2))}
    words = re.findall(r"\w+", text.lower())
    if len(words) < 3:
        return {" ".join(words)} if words else set()
    return {" ".join(words[i:i + 3]) for i in range(len(words) - 2)}


def kit_texts(kit):
    files = sorted(f for f in glob.glob(os.path.join(kit, "*", "*.jsonl"))
                   if os.sep + "holdout" + os.sep not in f)
    if not files:
        sys.exit(f"no kit files under {kit} (give --kit)")
    out = []
    for f in files:
        name = os.path.basename(os.path.dirname(f)) + "/" + os.path.basename(f)
        with open(f, encoding="utf-8") as fh:
            for line in fh:
                row = json.loads(line)
                for k in TEXT_FIELDS:
                    if isinstance(row.get(k), str):
                        out.append((name, grams(row[k])))
    return out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("files", nargs="+")
    ap.add_argument("--kit", default=os.path.normpath(os.path.join(ROOT, "..", "shared", "eval")))
    args = ap.parse_args()
    shared = kit_texts(args.kit)
    index = collections.defaultdict(list)
    for i, (_, g) in enumerate(shared):
        for x in g:
            index[x].append(i)
    total = 0
    for f in args.files:
        hits = rows = 0
        with open(f, encoding="utf-8") as fh:
            for number, line in enumerate(fh, 1):
                try:
                    row = json.loads(line)
                    text, ident = row["text"], row["id"]
                except (ValueError, KeyError) as e:
                    print(f"{f}:{number}: not a row with id and text ({e})", file=sys.stderr)
                    sys.exit(2)
                rows += 1
                a = grams(text)
                counts = collections.Counter()
                for x in a:
                    posting = index.get(x, ())
                    if len(posting) < 2000:  # grams in thousands of texts say nothing about one
                        counts.update(posting)
                best, where = 0.0, None
                for i, _ in counts.most_common(5):
                    j = len(a & shared[i][1]) / len(a | shared[i][1])
                    if j > best:
                        best, where = j, shared[i][0]
                if best >= THRESHOLD:
                    hits += 1
                    print(f"   {ident} {best:.2f} {where}")
        print(f, rows, f"near-dups>={THRESHOLD}:", hits)
        total += hits
    sys.exit(1 if total else 0)


if __name__ == "__main__":
    main()
