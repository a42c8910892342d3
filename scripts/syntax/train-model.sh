#!/usr/bin/env bash
# Rebuilds models/syntax/syntax-en-v1.bin (POS tagger + chunker) and its manifest from the POS and
# chunk columns of CoNLL-2003 English (train; dev only for the reported scores). Deterministic:
# the same data gives the same bytes (sha256 in the manifest).
# Usage: scripts/syntax/train-model.sh [SHARED_DIR]   (default ../shared beside the repo)
set -euo pipefail
repo="$(cd "$(dirname "$0")/../.." && pwd)"
shared="${1:-${DATELINE_SHARED:-$repo/../shared}}"
d="$shared/data/ner/conll2003"
dotnet run -c Release --project "$repo/src/Dateline.Cli" -- train syntax \
  --train "$d/train.txt" --dev "$d/dev.txt" --out "$repo/models/syntax/syntax-en-v1.bin"
