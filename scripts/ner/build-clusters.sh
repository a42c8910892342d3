#!/usr/bin/env bash
# Rebuilds models/ner/clusters.tsv.gz: hierarchical word clusters induced from unlabelled text in the
# shared data folder (words only; no labels, no CoNLL test text) plus WordNet glosses.
# Usage: scripts/ner/build-clusters.sh [SHARED_DIR]   (default ../shared beside the repo)
set -euo pipefail
repo="$(cd "$(dirname "$0")/../.." && pwd)"
shared="${1:-${DATELINE_SHARED:-$repo/../shared}}"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
(cd "$tmp" && apt-get download wordnet-base >/dev/null 2>&1 && dpkg-deb -x wordnet-base_*.deb wn)
python3 "$repo/scripts/ner/make_cluster_corpus.py" "$shared/data" --wordnet "$tmp/wn/usr/share/wordnet" > "$tmp/corpus.txt"
dotnet run -c Release --project "$repo/src/Dateline.Cli" -- train clusters --corpus "$tmp/corpus.txt" \
  --out "$repo/models/ner/clusters.tsv.gz" --context-words 300 --vocabulary 100000
