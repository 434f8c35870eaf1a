#!/usr/bin/env python3
"""Counts authored rows that are near-duplicates (word 3-gram Jaccard >= 0.5; CJK: character 3-grams) of any
text of the shared evaluation kit (dev and test of every set; holdout/ is never read) and prints their ids only.
Run after regenerating: python3 scripts/authored/check_overlap.py governance/src/main/resources/io/hallmark/governance/safety/authored/*.jsonl
Every authored file must report 0."""
import json,glob,re,sys,collections
def grams(t):
    w=re.findall(r"\w+",t.lower())
    if len(w)<3: return {" ".join(w)} if w else set()
    return {" ".join(w[i:i+3]) for i in range(len(w)-2)}
def cjk(t):
    s=re.sub(r"\s+","",t)
    return {s[i:i+3] for i in range(max(1,len(s)-2))}
def g(t): 
    return cjk(t) if re.search(r"[\u4e00-\u9fff]",t) else grams(t)
shared=[]
for f in glob.glob('/work/shared/eval/*/*.jsonl'):
    if 'holdout' in f: continue
    split=f.split('/')[-1]
    for l in open(f):
        try: r=json.loads(l)
        except: continue
        for k in ('text','prompt','goal','user_query','behavior','Behavior'):
            if isinstance(r.get(k),str): shared.append((f.split('/')[-2]+'/'+split, g(r[k])))
idx=collections.defaultdict(list)
for i,(n,s) in enumerate(shared):
    for x in s: idx[x].append(i)
files=sys.argv[1:]
for f in files:
    hits=0;n=0
    for l in open(f):
        r=json.loads(l); n+=1; a=g(r['text'])
        if not a: continue
        cnt=collections.Counter()
        for x in a:
            lst=idx.get(x,())
            if len(lst)<2000: cnt.update(lst)
        best=0;bn=None
        for i,c in cnt.most_common(5):
            j=c/len(a|shared[i][1])
            if j>best: best,bn=j,shared[i][0]
        if best>=0.5: hits+=1; print('  ',r['id'],round(best,2),bn)
    print(f,n,'near-dups>=0.5:',hits)
