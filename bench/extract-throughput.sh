#!/usr/bin/env bash
# Measures `dateline extract --kind text` over a folder of text dumps: MB/s and peak memory.
# Usage: bench/extract-throughput.sh [SIZE_MB=100] [RUNS=3] [EXTRA extract OPTIONS...]
#   e.g. bench/extract-throughput.sh 100 3 --stages tokens,sentences   (the reader and foundation stages)
#        bench/extract-throughput.sh 100 3                             (the full default pipeline)
# The folder is generated from our own fixture pages (tests/Dateline.Tests/Fixtures/TextDumps),
# each copy varied (numbers, names) so ids differ, into $TMPDIR; it is removed afterwards.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
size_mb=${1:-100}
runs=${2:-3}
shift $(( $# >= 2 ? 2 : $# ))
dir=$(mktemp -d "${TMPDIR:-/tmp}/dateline-bench-XXXXXX")
trap 'rm -rf "$dir"' EXIT
python3 - "$here/tests/Dateline.Tests/Fixtures/TextDumps" "$dir" "$size_mb" <<'PY'
import os, sys, random
src, dst, size_mb = sys.argv[1], sys.argv[2], int(sys.argv[3])
pages = [open(os.path.join(src, f), encoding="utf-8").read() for f in sorted(os.listdir(src)) if f.endswith(".txt")]
random.seed(7)
total, i = 0, 0
target = size_mb * 1024 * 1024
while total < target:
    # One file = several pages glued together (a dump of a section front), varied so ids differ.
    body = "\n\n\n".join(p.replace("Thursday", random.choice(["Monday", "Tuesday", "Friday"])).replace("14", str(random.randint(2, 99))) for p in random.sample(pages, k=min(3, len(pages))))
    body = body * 12
    sub = os.path.join(dst, f"{i // 500:03d}")
    os.makedirs(sub, exist_ok=True)
    with open(os.path.join(sub, f"page-{i:06d}.txt"), "w", encoding="utf-8") as f:
        f.write(body)
    total += len(body.encode("utf-8"))
    i += 1
print(f"generated {i} files, {total / 1048576:.1f} MB in {dst}", file=sys.stderr)
PY
"$here/dateline" --help >/dev/null   # build once, outside the timing
bytes=$(du -sb "$dir" | cut -f1)
for r in $(seq 1 "$runs"); do
  /usr/bin/time -f "%e %M" -o "$dir.time" "$here/dateline" extract --kind text --format jsonl --quiet "$@" "$dir" > /dev/null
  read -r secs kb < "$dir.time"
  python3 -c "import sys; b,s,k=int(sys.argv[1]),float(sys.argv[2]),int(sys.argv[3]); print(f'run {sys.argv[4]}: {b/1048576:.1f} MB in {s:.2f} s = {b/1048576/s:.1f} MB/s, peak RSS {k/1024:.0f} MB')" "$bytes" "$secs" "$kb" "$r"
done
rm -f "$dir.time"
