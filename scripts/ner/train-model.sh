#!/usr/bin/env bash
# Trains the shipped NER model, fixed seed: the same inputs give the same model bytes.
#   scripts/ner/train-model.sh [--train-only] [--out FILE] [SHARED_DIR]
# Default (the shipped model): CoNLL-2003 train followed by dev, as the issue allows for the final
# model, with the configuration and epoch count chosen on dev by a model trained on train alone.
# --train-only: train alone, dev F1 printed per epoch; the honest dev figure and the one every
# choice in docs/ner.md was made with.
set -euo pipefail
repo="$(cd "$(dirname "$0")/../.." && pwd)"
trainOnly=0
out="$repo/models/ner/ner-en-v1.bin"
while [ $# -gt 0 ]; do
  case "$1" in
    --train-only) trainOnly=1; shift ;;
    --out) out="$2"; shift 2 ;;
    *) break ;;
  esac
done
shared="${1:-${DATELINE_SHARED:-$repo/../shared}}"
d="$shared/data/ner/conll2003"
if [ "$trainOnly" = 1 ]; then data=(--train "$d/train.txt" --dev "$d/dev.txt"); else data=(--train "$d/train.txt" "$d/dev.txt"); fi
dotnet run -c Release --project "$repo/src/Dateline.Cli" -- train ner "${data[@]}" \
  --gazetteer "$repo/models/ner/gazetteer.tsv.gz" --clusters "$repo/models/ner/clusters.tsv.gz" \
  --epochs 9 --seed 1 --bag 3 --beam-train 8 --out "$out"
sha256sum "$out"
