#!/usr/bin/env bash
# Installs (when missing) and starts what the browser and database tests need: Debian's chromium,
# and a PostgreSQL server on loopback with a role and database for the tests. Safe to run again.
set -euo pipefail
need=()
command -v chromium >/dev/null 2>&1 || need+=(chromium)
ls /usr/lib/postgresql/*/bin/postgres >/dev/null 2>&1 || need+=(postgresql)
if ((${#need[@]})); then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq "${need[@]}" >/dev/null
fi
# start the first cluster Debian made (pg_ctlcluster runs it as the postgres user)
read -r ver cluster _ < <(pg_lsclusters --no-header | head -1)
pg_ctlcluster "$ver" "$cluster" start 2>/dev/null || true
for _ in $(seq 1 30); do
  pg_isready -q -h 127.0.0.1 && break
  sleep 1
done
su postgres -c "psql -qtAc \"SELECT 1 FROM pg_roles WHERE rolname='taizhang'\"" | grep -q 1 ||
  su postgres -c "psql -qc \"CREATE ROLE taizhang LOGIN PASSWORD 'taizhang' CREATEDB\""
su postgres -c "psql -qtAc \"SELECT 1 FROM pg_database WHERE datname='taizhang_test'\"" | grep -q 1 ||
  su postgres -c "createdb -O taizhang taizhang_test"
echo "chromium: $(chromium --version 2>/dev/null | head -1); postgresql: $(pg_isready -h 127.0.0.1)"
