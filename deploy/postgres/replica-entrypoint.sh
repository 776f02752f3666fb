#!/bin/sh
# The streaming replica: on first start, a base backup of the primary (-R writes standby.signal
# and primary_conninfo); then a hot standby serving read-only queries.
set -e
if [ ! -s "$PGDATA/PG_VERSION" ]; then
  mkdir -p "$PGDATA" && chmod 700 "$PGDATA"
  until pg_basebackup -h postgres -U loopkit -D "$PGDATA" -R -X stream -c fast; do
    echo "waiting for the primary…"; rm -rf "$PGDATA"/*; sleep 2
  done
fi
exec postgres -c hot_standby=on -c jit=off
