#!/usr/bin/env bash
# Trains the shipped NER model from CoNLL-2003 train (dev for the report), fixed seed: the same
# inputs give the same model bytes. Usage: scripts/ner/train-model.sh [SHARED_DIR]
set -euo pipefail
repo="$(cd "$(dirname "$0")/../.." && pwd)"
shared="${1:-${DATELINE_SHARED:-$repo/../shared}}"
d="$shared/data/ner/conll2003"
dotnet run -c Release --project "$repo/src/Dateline.Cli" -- train ner --train "$d/train.txt" --dev "$d/dev.txt" \
  --gazetteer "$repo/models/ner/gazetteer.tsv.gz" --clusters "$repo/models/ner/clusters.tsv.gz" \
  --epochs 9 --seed 1 --bag 3 --beam-train 8 --out "$repo/models/ner/ner-en-v1.bin"
sha256sum "$repo/models/ner/ner-en-v1.bin"
