# Shared by the bench scripts: a bench region in its own folder and ports (kz 18081, kg 18082,
# tj 18083), prepared by the same tool as the local region; helpers to start and stop one node.
# BENCH_RUN_DIR and BENCH_PORT_BASE (default 18080: ports base+1..base+3) move the region, so that
# two checkouts can run their benches on one machine without sharing nodes.
bench_root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
export REGION_RUN_DIR=${BENCH_RUN_DIR:-/tmp/gateway-bench-run}
export REGION_DEFINITION=$REGION_RUN_DIR/region.yaml
source "$bench_root/deploy/local/lib.sh"

# Writes the bench definition: the local region's, on ports 18081-18083, with absolute paths.
bench_prepare() {
  mkdir -p "$REGION_RUN_DIR"
  local base=${BENCH_PORT_BASE:-18080}
  sed -e "s/port: 8081/port: $((base + 1))/; s/port: 8082/port: $((base + 2))/; s/port: 8083/port: $((base + 3))/" \
      -e "s|^policy: .*|policy: $bench_root/deploy/policy/region-policy.yaml|" \
      -e "s|^agreements: .*|agreements: $bench_root/deploy/local/agreements.yaml|" \
      -e "s|^sampleData: .*|sampleData: $bench_root/deploy/local/sample-data|" \
      "$bench_root/deploy/local/region.yaml" > "$REGION_DEFINITION"
  build_if_needed
  install_jar
  region_tool prepare "$REGION_DEFINITION" "$REGION_RUN_DIR" > /dev/null
}

# Starts node $1 in the background, with any further arguments as settings; prints its pid. With
# BENCH_MAIN_CLASS and BENCH_CLASSPATH set, the node runs from that class and classpath instead of
# the jar (a benchmark application of the test sources). The load of a bench comes from one token that
# stands for many officers, so the per-officer rate limit of the bench nodes (gateway.rate-limit,
# 120 calls a minute by default: 2/s) is raised to BENCH_RATE_LIMIT calls a minute (default
# 1,000,000, the largest accepted) for officers and DPOs; the filter still runs on every call.
# With BENCH_CDS=on the node runs with the class-data sharing archive of cds_prepare (deploy/local/lib.sh)
# when it is current; otherwise from the jar.
bench_start() {
  local id=$1 limit=${BENCH_RATE_LIMIT:-1000000}; shift
  local launch=(-jar "$jar")
  if [ -n "${BENCH_MAIN_CLASS:-}" ]; then launch=(-cp "$BENCH_CLASSPATH" "$BENCH_MAIN_CLASS")
  elif [ "${BENCH_CDS:-off}" = on ]; then cds_launch; fi
  # As deploy/local/region: every line in gateway.log, warnings and errors also in console.log.
  "$java_bin" ${BENCH_JAVA_OPTS:-} "${launch[@]}" --spring.config.additional-location="file:$REGION_RUN_DIR/$id/application.yml" \
    --logging.threshold.console=WARN \
    --gateway.rate-limit.per-role.officer="$limit" --gateway.rate-limit.per-role.dpo="$limit" "$@" \
    > "$REGION_RUN_DIR/$id/console.log" 2>&1 &
  echo $!
}

bench_port() { grep -m1 -E '^ +port:' "$REGION_RUN_DIR/$1/application.yml" | tr -dc '0-9'; }

# Waits until node $1 answers UP; fails after $2 seconds.
bench_wait_up() {
  local port; port=$(bench_port "$1")
  local deadline=$((SECONDS + ${BENCH_START_TIMEOUT:-${2:-120}}))
  until curl -s --max-time 1 "http://127.0.0.1:$port/actuator/health" | grep -q '"status":"UP"'; do
    [ $SECONDS -lt $deadline ] && ! grep -q 'APPLICATION FAILED TO START' "$REGION_RUN_DIR/$1/console.log" 2>/dev/null \
      || { echo "node $1 did not come up; see $REGION_RUN_DIR/$1/console.log" >&2; return 1; }
    sleep 0.05
  done
}

# Stops a node by pid, and whatever PostgreSQL it left behind.
bench_stop() {
  local pid=$1 id=$2
  kill -TERM "$pid" 2>/dev/null || true
  for _ in $(seq 60); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
  kill -KILL "$pid" 2>/dev/null || true
  local pg="$REGION_RUN_DIR/$id/postgres/postmaster.pid"
  if [ -f "$pg" ]; then kill -INT "$(head -n 1 "$pg")" 2>/dev/null || true; sleep 1; fi
}

# Resident memory in MiB of a pid (RSS), and the proportional set size (PSS) of node $1's
# PostgreSQL processes: PostgreSQL's processes share their buffers, so adding their RSS would
# count the shared memory once per process.
rss_mib() { ps -o rss= -p "$1" | awk '{printf "%.0f", $1/1024}'; }
pss_mib() { # pids...
  local total=0 p
  for p in "$@"; do
    total=$((total + $(awk '/^Pss:/ {print $2}' "/proc/$p/smaps_rollup" 2>/dev/null || echo 0)))
  done
  echo $((total / 1024))
}
pg_pss_mib() {
  local dir="$REGION_RUN_DIR/$1/postgres"
  [ -f "$dir/postmaster.pid" ] || { echo 0; return; }
  local master; master=$(head -n 1 "$dir/postmaster.pid")
  pss_mib "$master" $(ps -o pid= --ppid "$master")
}

# The port of node $1's embedded PostgreSQL (from its postmaster.pid), and psql on it as the
# owner (user postgres, the node's database), extra arguments passed on.
bench_pg_port() { sed -n 4p "$REGION_RUN_DIR/$1/postgres/postmaster.pid"; }
bench_psql() {
  local id=$1; shift
  PGCONNECT_TIMEOUT=5 psql -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$(bench_pg_port "$id")" -U postgres \
    -d "${BENCH_PG_DATABASE:-postgres}" "$@"
}
