#!/usr/bin/env bash
# Stop the PostgreSQL server postgres_up.sh started for the tests (one already running is left alone).
marker="$(dirname "$0")/.postgres-started"
[ -f "$marker" ] || exit 0
read -r ver name < "$marker"
pg_ctlcluster "$ver" "$name" stop >&2 || true
rm -f "$marker"
