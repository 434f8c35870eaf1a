#!/usr/bin/env python3
"""Copies the settings `hallmark tune safety --json` chose into the committed tuned-settings.json.

Usage: ./hallmark tune safety --json > docs/evaluation/safety-train.json
       scripts/commit-tuned-safety.py docs/evaluation/safety-train.json "hallmark tune safety, <date>, <machine>"
Then review the diff, train (`hallmark train safety`), evaluate on dev, and commit. Never edit from test figures.
"""
import json
import sys

SETTINGS = "governance/src/main/resources/io/hallmark/governance/artifact/tuned-settings.json"

tune = json.load(open(sys.argv[1]))
note = sys.argv[2] if len(sys.argv) > 2 else "hallmark tune safety"
doc = json.load(open(SETTINGS))
doc["safety"] = {
    "tunedBy": note + " (SafetyTrainer search, %d-fold out-of-fold on dev; %s)" % (tune["folds"], sys.argv[1]),
    "heads": {k: {"threshold": h["threshold"], "devOutOfFoldF1": h["devOutOfFoldF1"], "settings": h["settings"]}
              for k, h in tune["heads"].items()},
    "dev": {k: tune[k] for k in ["folds", "safeFalsePositiveBudget", "safeFalsePositiveRateOutOfFold",
                                 "instructionFalsePositiveBudget", "instructionFalsePositiveRateOutOfFold",
                                 "xstestUnsafeRecallOutOfFold"]},
}
with open(SETTINGS, "w") as f:
    json.dump(doc, f, indent=2)
    f.write("\n")
print("safety settings written to " + SETTINGS)
