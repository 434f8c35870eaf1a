#!/usr/bin/env python3
"""Nested figures from a PrototypeCvRun -oof.jsonl, recalibrated with the numpy calibrate (objective head|any),
with optional per-prompt rule flags OR'ed into the injection head (encoding payload rule).

Usage: safety-nested-from-oof.py RUN-oof.jsonl [head|any|both] [rule-flags.json]; FINE=1 for the fine quantile grid;
EVAL_DIR (default ../shared/eval) maps the rule's ids to texts. Dev only (issue 18, session 13)."""
import importlib.util, json, sys, numpy as np, glob, os
spec=importlib.util.spec_from_file_location("cv",os.path.join(os.path.dirname(os.path.abspath(__file__)), "safety-source-cv.py")); cv=importlib.util.module_from_spec(spec); spec.loader.exec_module(cv)
oof=[json.loads(l) for l in open(sys.argv[1])]
objective=sys.argv[2] if len(sys.argv)>2 else 'head'
rule=sys.argv[3] if len(sys.argv)>3 else None
cv.OBJECTIVE=objective
if os.environ.get('FINE'): cv.QUANTILES[0]=cv.FINE_QUANTILES
items=[{'cls':r['cls'],'source':r['source'],'subset':r['cls'],'origin':r['origin']} for r in oof]
scores={h:np.array([r[h] for r in oof],np.float64) for h in cv.HEADS}
ruleflag=np.zeros(len(oof),bool)
if rule:
    fl=json.load(open(rule)); flagged_text=set()
    ids={k for k,v in fl.items() if v}
    for f in glob.glob(os.path.join(os.environ.get('EVAL_DIR', '../shared/eval'), '*', 'dev.jsonl')):
        folder=f.split('/')[-2]
        for l in open(f):
            r=json.loads(l)
            if r['id'] in ids or f"{folder}/{r['id']}" in ids: flagged_text.add(r['text'])
    ruleflag=np.array([r['text'] in flagged_text for r in oof])
    print('rule flags', ruleflag.sum(), 'by class', {c:int(ruleflag[[i for i,r in enumerate(oof) if r['cls']==c]].sum()) for c in cv.CLASSES})
pool=[i for i,r in enumerate(oof) if r['trainable']]
flags=[None]*len(oof)
for src in sorted({r['source'] for r in oof}):
    held=[i for i,r in enumerate(oof) if r['source']==src]
    thr=cv.calibrate(scores, items, [i for i in pool if oof[i]['source']!=src], 0.025, 0.04, True)
    for i in held:
        f=cv.flagged(scores,thr,i); f['injection']=f['injection'] or bool(ruleflag[i]); flags[i]=f
ex=[i for i,r in enumerate(oof) if r['origin']=='extras']; kit=[i for i,r in enumerate(oof) if r['origin']=='kit']
keys=['ordinaryFlagged','riskyLookingFlagged','injectionF1','injectionPrecision','injectionRecall','harmfulRecall','harmfulFlaggedAnyScreen','jailbreakDetection']
for name,idx in (('extras',ex),('kit',kit)):
    s=cv.summarize(items,idx,flags); print(name,{k:s[k] for k in keys})
xs=[i for i in kit if oof[i]['source']=='xstest' and oof[i]['cls']=='risky']
print('xstest safe held out', round(np.mean([any(flags[i].values()) for i in xs]),4))
final=cv.calibrate(scores, items, pool, 0.025, 0.04, True); print('final thresholds', {k:round(float(v),4) for k,v in final.items()})
