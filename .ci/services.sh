#!/usr/bin/env bash
# Starts the real services the store/server tests use, idempotently:
#  - installs PostgreSQL (Debian package) and Chromium if missing,
#  - starts the PostgreSQL cluster, creates role "dateline" (password "dateline") and database "dateline_test",
#  - prints the environment values the tests read (it exports nothing: the caller sets them).
# Tests that need these read DATELINE_TEST_PG / DATELINE_CHROMIUM and skip with a message when unset/absent.
set -euo pipefail

need=()
command -v pg_ctlcluster >/dev/null 2>&1 || need+=(postgresql)
[ -x /usr/bin/chromium ] || need+=(chromium)
if [ ${#need[@]} -gt 0 ]; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >&2
  apt-get install -y -qq "${need[@]}" >&2
fi

ver=$(ls /usr/lib/postgresql | sort -V | tail -1)
if ! pg_lsclusters -h | awk '{print $1" "$2}' | grep -q "^$ver main$"; then
  pg_createcluster "$ver" main >&2
fi
if ! pg_lsclusters -h | awk '$1=="'"$ver"'" && $2=="main" {print $4}' | grep -q online; then
  pg_ctlcluster "$ver" main start >&2
fi
# Wait until the server accepts connections (bounded).
for _ in $(seq 1 30); do
  if su postgres -c "psql -qtAc 'select 1'" >/dev/null 2>&1; then break; fi
  sleep 1
done
su postgres -c "psql -qtAc \"select 1 from pg_roles where rolname='dateline'\"" | grep -q 1 ||
  su postgres -c "psql -qc \"create role dateline login password 'dateline'\"" >&2
su postgres -c "psql -qtAc \"select 1 from pg_database where datname='dateline_test'\"" | grep -q 1 ||
  su postgres -c "psql -qc 'create database dateline_test owner dateline'" >&2

echo "DATELINE_TEST_PG=Host=127.0.0.1;Username=dateline;Password=dateline;Database=dateline_test"
echo "DATELINE_CHROMIUM=/usr/bin/chromium"
