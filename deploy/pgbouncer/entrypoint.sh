#!/bin/sh
# Writes pgbouncer.ini and the userlist from the environment, then runs PgBouncer in the foreground.
set -e
dir=/tmp/pgbouncer
mkdir -p "$dir"
printf '"%s" "%s"\n' "$DB_USER" "$DB_PASSWORD" > "$dir/userlist.txt"
cat > "$dir/pgbouncer.ini" <<INI
[databases]
loopkit = host=$PRIMARY_HOST port=5432 dbname=loopkit connect_query='SET jit = off'
loopkit_read = host=$REPLICA_HOST port=5432 dbname=loopkit connect_query='SET jit = off'

[pgbouncer]
listen_addr = 0.0.0.0
listen_port = 6432
unix_socket_dir =
auth_type = scram-sha-256
auth_file = $dir/userlist.txt
pool_mode = transaction
max_client_conn = 1000
default_pool_size = ${POOL_SIZE:-20}
ignore_startup_parameters = extra_float_digits
log_connections = 0
log_disconnections = 0
INI
exec pgbouncer "$dir/pgbouncer.ini"
