#!/usr/bin/env bash
# Rebuilds models/quotes/cues-v1.bin (attribution-cue tagger) and its manifest from PolNeAR train
# (dev only for the reported scores). Needs models/syntax/syntax-en-v1.bin (scripts/syntax/train-model.sh).
# Deterministic: the same data gives the same bytes (sha256 in the manifest).
# Usage: scripts/quotes/train-cues.sh [SHARED_DIR]   (default ../shared beside the repo)
set -euo pipefail
repo="$(cd "$(dirname "$0")/../.." && pwd)"
shared="${1:-${DATELINE_SHARED:-$repo/../shared}}"
d="$shared/data/quotes/polnear"
dotnet run -c Release --project "$repo/src/Dateline.Cli" -- train quote-cues \
  --train "$d/train" --dev "$d/dev" --syntax "$repo/models/syntax/syntax-en-v1.bin" --out "$repo/models/quotes/cues-v1.bin"
