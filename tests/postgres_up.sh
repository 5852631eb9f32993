#!/usr/bin/env bash
# Print the SQLAlchemy URL of a local PostgreSQL database for the tests, or nothing.
# Uses $BSC_TEST_POSTGRES_URL when set; otherwise, as root with apt, installs and starts
# Debian's PostgreSQL and creates a throwaway role and database on 127.0.0.1.
# A server it had to start is stopped again by postgres_down.sh when the tests end.
set -u
if [ -n "${BSC_TEST_POSTGRES_URL:-}" ]; then echo "$BSC_TEST_POSTGRES_URL"; exit 0; fi
[ "$(id -u)" = "0" ] || exit 0
if ! command -v pg_lsclusters >/dev/null 2>&1; then
  command -v apt-get >/dev/null 2>&1 || exit 0
  { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql; } >&2 || exit 0
fi
cluster=$(pg_lsclusters --no-header 2>/dev/null | head -n 1)
[ -n "$cluster" ] || exit 0
read -r ver name port status _ <<<"$cluster"
if [ "$status" != "online" ]; then
  pg_ctlcluster "$ver" "$name" start >&2 || exit 0
  echo "$ver $name" > "$(dirname "$0")/.postgres-started"  # postgres_down.sh stops what we started
fi
psql_() { runuser -u postgres -- psql -p "$port" -v ON_ERROR_STOP=1 -qAt "$@"; }
psql_ -c "DROP DATABASE IF EXISTS bsc_test WITH (FORCE)" >&2 && \
psql_ -c "DO \$\$BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname='bsc_test') THEN CREATE ROLE bsc_test LOGIN PASSWORD 'bsc_test'; END IF; END\$\$" >&2 && \
psql_ -c "CREATE DATABASE bsc_test OWNER bsc_test" >&2 || exit 0
echo "postgresql+psycopg://bsc_test:bsc_test@127.0.0.1:${port}/bsc_test"
