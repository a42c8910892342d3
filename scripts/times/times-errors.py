#!/usr/bin/env python3
"""Group TIMEX3 errors of a Dateline run by kind and pattern, for development on a TRAIN split.

usage: times-errors.py GOLD_DOCS.jsonl OUTPUT.jsonl [--tools DIR] [--kind K] [--context N]

Uses the team scorer's own matching (score-times.py in --tools, default $DATELINE_SHARED/tools
or ../shared/tools or /work/shared/tools) so the counts equal the scorer's. Prints, per kind
(SPURIOUS, MISSED, EXTENT, VALUE, TYPE), the most frequent patterns (lower-cased text with digits
replaced by 9), then every error with a little context. Reads datasets only from the given paths.
"""
import argparse, collections, importlib.util, os, re, sys


def load_scorer(tools):
    spec = importlib.util.spec_from_file_location("score_times", os.path.join(tools, "score-times.py"))
    mod = importlib.util.module_from_spec(spec)
    sys.modules["score_times"] = mod
    sys.path.insert(0, tools)
    spec.loader.exec_module(mod)
    return mod


def pat(s):
    return re.sub(r"\d", "9", s.lower())


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("gold"); ap.add_argument("output")
    ap.add_argument("--tools")
    ap.add_argument("--kind", help="only this kind")
    ap.add_argument("--context", type=int, default=60)
    ap.add_argument("--top", type=int, default=40)
    a = ap.parse_args()
    tools = a.tools or next((p for p in [os.path.join(os.environ.get("DATELINE_SHARED", ""), "tools"),
                                         "../shared/tools", "/work/shared/tools"] if os.path.isfile(os.path.join(p, "score-times.py"))), None)
    st = load_scorer(tools)
    gold = st.load_gold(a.gold)
    arts = st.load_articles(a.output)
    errs = collections.defaultdict(list)
    stats = collections.Counter()
    for k in sorted(gold):
        gd = gold[k]; text = gd["text"]
        sl = st.system_timexes(arts[k], text, stats) if k in arts else []
        pairs, missed, spurious = st.match_doc(text, gd["timexes"], sl)
        ctx = lambda s, e: (text[max(0, s - a.context):s] + "[[" + text[s:e] + "]]" + text[e:e + a.context]).replace("\n", " ")
        for g, s, exact in pairs:
            if not exact:
                errs["EXTENT"].append((pat(g.text) + " | " + pat(s.text), f"{k}\tgold={g.text!r} sys={s.text!r}\t{ctx(g.start, g.end)}"))
            if g.value != s.value:
                errs["VALUE"].append((pat(g.text), f"{k}\t{g.text!r} gold={g.value} sys={s.value} DCT={gd['dct']}\t{ctx(g.start, g.end)}"))
            if g.type != s.type:
                errs["TYPE"].append((pat(g.text), f"{k}\t{g.text!r} gold={g.type} sys={s.type}\t{ctx(g.start, g.end)}"))
        for g in missed:
            errs["MISSED"].append((pat(g.text), f"{k}\t{g.text!r} {g.type} {g.value} DCT={gd['dct']}\t{ctx(g.start, g.end)}"))
        for s in spurious:
            errs["SPURIOUS"].append((pat(s.text), f"{k}\t{s.text!r} {s.type} {s.value} DCT={gd['dct']}\t{ctx(s.start, s.end)}"))
    for kind in ["SPURIOUS", "MISSED", "EXTENT", "VALUE", "TYPE"]:
        if a.kind and kind != a.kind:
            continue
        rows = errs[kind]
        print(f"===== {kind}: {len(rows)}")
        for p, n in collections.Counter(p for p, _ in rows).most_common(a.top):
            print(f"  {n:4d}  {p}")
        for p, line in sorted(rows):
            print("   ", line)


if __name__ == "__main__":
    main()
