#!/usr/bin/env bash
# kill -9 during `dateline ingest` at random points, TRIALS times (default 20): checks that every article the
# run reported as committed (--report lines) is in the store, PRAGMA integrity_check + FTS5 integrity pass,
# and a re-run stores the full set. Runs the same xunit test as the suite with more trials.
set -euo pipefail
cd "$(dirname "$0")/.."
TRIALS=${TRIALS:-20}
dotnet build tests/Dateline.Tests -c Release >/dev/null
DATELINE_KILL_TRIALS=$TRIALS DATELINE_KILL_SEED=${SEED:-20261125} dotnet test tests/Dateline.Tests -c Release --no-build \
  --filter "FullyQualifiedName~Cli_KilledMidIngest" --logger "console;verbosity=detailed" | grep -E "trial|trials|Passed!|Failed"
