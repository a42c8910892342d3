#!/usr/bin/env python3
"""Per-relation error categories of a Dateline quotes run on a PolNeAR split (dev or train; never test).

usage: polnear-errors.py SPLIT_DIR OUTPUT.jsonl [CATEGORY] [--tools DIR]

SPLIT_DIR is e.g. ../shared/data/quotes/polnear/dev, OUTPUT.jsonl what `dateline extract --kind jsonl` wrote for
the inputs of `make-input.py polnear SPLIT_DIR`. The matching is the scorer's (score-quotes.py, imported from
--tools, default ../shared/tools): a prediction matches a gold relation when it covers >= 50% of the gold
content characters and its speaker overlaps the gold Source; one to one, best coverage first.

Without CATEGORY: counts per category and the cue words of relations nothing covers. With CATEGORY: each
case with the nearest prediction. Categories of unmatched gold relations:
  nothing                  no prediction touches the content (usually a cue the extractor has no frame for)
  partial-cover            predictions touch the content, none covers half of it
  cue-found-content-short  a prediction has the gold cue but covers under half of the content
  covered-no-speaker       content covered, the prediction has no speaker
  covered-wrong-speaker    content covered, the speaker misses the gold Source
  covered-by-used-pred     content covered by a prediction already matched to another relation (nested, merged)
and of unmatched predictions: fp-overlap (overlaps some gold content), fp-no-gold-overlap.
"""
import argparse
import collections
import importlib.util
import os

ap = argparse.ArgumentParser()
ap.add_argument("split")
ap.add_argument("output")
ap.add_argument("category", nargs="?")
ap.add_argument("--tools", default=os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "..", "shared", "tools"))
a = ap.parse_args()
spec = importlib.util.spec_from_file_location("sq", os.path.join(a.tools, "score-quotes.py"))
sq = importlib.util.module_from_spec(spec)
spec.loader.exec_module(sq)

gold, _ = sq.polnear_gold(a.split)
arts = sq.load_articles(a.output)
cat, cues, ex = collections.Counter(), collections.Counter(), collections.defaultdict(list)
for aid, g in gold.items():
    text, rels = g["text"], g["rels"]
    preds = sq.pred_quotes(arts[aid], collections.Counter()) if aid in arts else []
    cands = []
    for gi, r in enumerate(rels):
        gs = sq.size(r["content"])
        for pi, p in enumerate(preds):
            cov = sq.inter(r["content"], p["content"]) / gs
            if cov >= .5 and not (r["source"] and sq.inter(r["source"], p["speaker"]) <= 0):
                cands.append((-cov, gi, pi))
    cands.sort()
    ug, up = {}, {}
    for _, gi, pi in cands:
        if gi not in ug and pi not in up:
            ug[gi], up[pi] = pi, gi

    def t(sp):
        return text[sp[0]:sp[1]].replace("\n", " ") if sp else "-"

    def show_pred(p, cov=None):
        c = f"cov={cov:.2f} " if cov is not None else ""
        return f"PRED {c}SRC[{t(p['speaker'])}] CUE[{t(p['cue'])}] CONT[{t(p['content'])[:200]}]"

    def show_gold(r):
        return (f"GOLD SRC[{' '.join(t(s) for s in r['source'])}] CUE[{' '.join(t(c) for c in r['cue'])}] "
                f"CONT[{t(sq.hull(r['content']))[:200]}]")

    for gi, r in enumerate(rels):
        if gi in ug:
            cat["match"] += 1
            continue
        gs = sq.size(r["content"])
        cov, pi = max(((sq.inter(r["content"], p["content"]) / gs, i) for i, p in enumerate(preds)), default=(0.0, -1))
        cuehit = [i for i, p in enumerate(preds) if r["cue"] and p["cue"] and sq.inter(r["cue"], p["cue"]) > 0]
        if cov >= .5:
            k = "covered-by-used-pred" if pi in up else "covered-no-speaker" if preds[pi]["speaker"] is None else "covered-wrong-speaker"
        elif cuehit:
            k, pi = "cue-found-content-short", cuehit[0]
            cov = sq.inter(r["content"], preds[pi]["content"]) / gs
        elif cov > 0:
            k = "partial-cover"
        else:
            k = "nothing"
            cues[" ".join(t(c) for c in r["cue"]).lower()] += 1
        cat[k] += 1
        ex[k].append(f"{aid} | {show_gold(r)}" + (f"\n      {show_pred(preds[pi], cov)}" if pi >= 0 and cov > 0 else ""))
    for pi, p in enumerate(preds):
        if pi in up:
            continue
        best = max(range(len(rels)), key=lambda i: sq.inter(rels[i]["content"], p["content"]), default=-1)
        ov = best >= 0 and sq.inter(rels[best]["content"], p["content"]) > 0
        k = "fp-overlap" if ov else "fp-no-gold-overlap"
        cat[k] += 1
        ex[k].append(f"{aid} | {show_pred(p)}" + (f"\n      {show_gold(rels[best])}" if ov else ""))

for k, v in cat.most_common():
    print(k, v)
if a.category:
    for e in ex[a.category]:
        print(e)
else:
    print("cues of relations nothing covers:", cues.most_common(60))
