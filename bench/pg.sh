# A PostgreSQL server of the machine's own binaries (not the embedded one), for the benches that
# run a node against an external database: two replicas on one server (bench/replicas), a primary
# and a streaming standby (bench/failover), a dump restored into a fresh server (deploy/backup-restore-drill).
# PG_BIN (default /usr/lib/postgresql/15/bin) names the binaries. initdb refuses root: as root, the
# servers run as the user postgres (runuser), and their folders belong to it.
PG_BIN=${PG_BIN:-/usr/lib/postgresql/15/bin}

pg_as() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }

# Creates a cluster in $1 (trust on 127.0.0.1 only, replication allowed), listening on port $2.
pg_init() {
  local dir=$1 port=$2
  mkdir -p "$dir"; [ "$(id -u)" = 0 ] && chown postgres "$dir" "$(dirname "$dir")"
  pg_as "$PG_BIN/initdb" -D "$dir" -U postgres -A trust --no-sync >/dev/null
  cat >> "$dir/postgresql.conf" <<CONF
listen_addresses = '127.0.0.1'
port = $port
unix_socket_directories = '$dir'
max_connections = 200
synchronous_commit = on
fsync = on
wal_level = replica
max_wal_senders = 5
hot_standby = on
CONF
  echo "host replication postgres 127.0.0.1/32 trust" >> "$dir/pg_hba.conf"
}

pg_start() { pg_as "$PG_BIN/pg_ctl" -D "$1" -l "$1/server.log" -w -t 60 start >/dev/null; }
pg_stop() { pg_as "$PG_BIN/pg_ctl" -D "$1" -m "${2:-fast}" -w -t 60 stop >/dev/null 2>&1 || true; }

# psql as postgres on port $1, database $2; further arguments passed on.
pg_sql() {
  local port=$1 db=$2; shift 2
  PGCONNECT_TIMEOUT=5 psql -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$port" -U postgres -d "$db" "$@"
}

# The production layout of docs/configuration.md: database $2 owned by gateway_owner (runs the
# migrations), the node connecting as gateway_app, on the server at port $1.
pg_gateway_database() {
  local port=$1 db=$2
  pg_sql "$port" postgres -c "create role gateway_owner login" -c "create role gateway_app login" \
    -c "create database $db owner gateway_owner" >/dev/null
}

# The settings that point a node at database $2 of the server(s) $1 ("host:port" or a list
# "h1:p1,h2:p2" with the primary chosen by the driver).
pg_node_settings() {
  local hosts=$1 db=$2
  echo "--spring.datasource.url=jdbc:postgresql://$hosts/$db?targetServerType=primary&connectTimeout=2&socketTimeout=10"
  echo "--spring.datasource.username=gateway_app"
  echo "--spring.flyway.user=gateway_owner"
}
