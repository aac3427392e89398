# Shared by `region` and `token`: locations, the build-if-needed step and the region tool.
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/../.." && pwd)
definition=${REGION_DEFINITION:-$here/region.yaml}
run=${REGION_RUN_DIR:-$here/run}
built_jar=$root/gateway/target/gateway-0.1.0-SNAPSHOT.jar
built_idp_jar=$root/idp/target/idp-0.1.0-SNAPSHOT-exec.jar
# The region tool (module region-tool: keys, registry, node configuration, tokens) is a jar of its own:
# nothing of it ships in the gateway's jar.
built_tool_jar=$root/region-tool/target/region-tool-0.1.0-SNAPSHOT-exec.jar
tool_jar=$run/region-tool.jar
# The identity provider runs from a copy too.
idp_jar=$run/idp.jar
# Nodes run from a copy, so that a rebuild never swaps the jar under a running node.
jar=$run/gateway.jar
java_bin=${JAVA_HOME:+$JAVA_HOME/bin/}java

die() { echo "region: $*" >&2; exit 1; }

command -v "$java_bin" >/dev/null 2>&1 || die "no java found: install a JDK 17 or newer, or set JAVA_HOME"

# Builds the gateway, the identity provider and the region tool with the Maven Wrapper when a jar is
# missing or older than any of its sources.
build_if_needed() {
  local stale=""
  if [ -f "$built_jar" ] && [ -f "$built_idp_jar" ] && [ -f "$built_tool_jar" ]; then
    stale=$(find "$root/pom.xml" "$root/schemas" "$root/policy" "$root/keys" "$root/gateway/pom.xml" "$root/gateway/src" \
      -newer "$built_jar" -type f -not -path '*/target/*' -print -quit 2>/dev/null)
    [ -n "$stale" ] || stale=$(find "$root/idp/pom.xml" "$root/idp/src" -newer "$built_idp_jar" -type f -print -quit 2>/dev/null)
    [ -n "$stale" ] || stale=$(find "$root/pom.xml" "$root/keys" "$root/region-tool" -newer "$built_tool_jar" -type f \
      -not -path '*/target/*' -print -quit 2>/dev/null)
  fi
  if [ ! -f "$built_jar" ] || [ ! -f "$built_idp_jar" ] || [ ! -f "$built_tool_jar" ] || [ -n "$stale" ]; then
    echo "Building the gateway, the identity provider and the region tool (./mvnw package, tests skipped; the first build downloads dependencies)..." >&2
    (cd "$root" && ./mvnw -q -B -DskipTests package -pl gateway,idp,region-tool -am) >&2 || die "the build failed"
  fi
}

# The jar the region runs: the copy in the run folder, refreshed by `region up` when no node runs.
install_jar() {
  mkdir -p "$run"
  cp "$built_jar" "$jar.tmp" && mv "$jar.tmp" "$jar"
  cp "$built_idp_jar" "$idp_jar.tmp" && mv "$idp_jar.tmp" "$idp_jar"
  install_tool
}

install_tool() {
  mkdir -p "$run"
  cp "$built_tool_jar" "$tool_jar.tmp" && mv "$tool_jar.tmp" "$tool_jar"
}

# The port of the region's identity provider (identityProvider.port of the definition), empty if none.
idp_port() {
  grep -m1 -E '^identityProvider:' "$definition" | grep -o 'port: *[0-9]*' | tr -dc '0-9' || true
}

# `token` uses the region's copies when there are, so it never rebuilds under running nodes (a run
# folder made before the region tool had a jar of its own gets the tool's copy alone).
ensure_tool() {
  if [ ! -f "$jar" ]; then
    build_if_needed
    install_jar
  elif [ ! -f "$tool_jar" ]; then
    build_if_needed
    install_tool
  fi
}

region_tool() {
  "$java_bin" -jar "$tool_jar" "$@"
}

# Class-data sharing (AppCDS, docs/performance.md P6): the jar extracted to $run/cds/app and an archive of the
# classes a node loads while it starts, written by one training start on a throw-away data folder
# (-Dspring.context.exit=onRefresh ends it once the application context is built). Made again when
# the jar, the JDK, the JVM options or the archive itself changed. If anything here fails, nodes run
# the jar as it is: the archive only saves start-up time.
cds_dir=$run/cds

# Makes the archive unless it is current: $1 is a node's application.yml to train with, the rest
# are the JVM options the nodes use. Call only while no node runs from $cds_dir.
cds_prepare() {
  local config=$1; shift
  local stamp; stamp="$(cksum < "$jar") $("$java_bin" -version 2>&1 | tr '\n' ' ') $*"
  # The stamp names the archive's checksum too: a damaged archive would crash the JVM, not be ignored.
  [ -f "$cds_dir/gateway.jsa" ] && [ "$(cat "$cds_dir/stamp" 2>/dev/null)" = "$stamp $(cksum < "$cds_dir/gateway.jsa")" ] \
    && return 0
  [ "$(cat "$cds_dir/stamp" 2>/dev/null)" = "failed $stamp" ] && return 0
  rm -rf "$cds_dir"
  mkdir -p "$cds_dir"
  echo "Preparing class-data sharing for a faster start (once per build, 15-30 s)..." >&2
  local training=$cds_dir/training
  if "$java_bin" -Djarmode=tools -jar "$jar" extract --destination "$cds_dir/app" > "$cds_dir/training.log" 2>&1 \
      && "$java_bin" "$@" -XX:ArchiveClassesAtExit="$cds_dir/gateway.jsa" -Dspring.context.exit=onRefresh \
        -jar "$cds_dir/app/gateway.jar" --spring.config.additional-location="file:$config" --server.port=0 \
        --gateway.embedded-database.data-directory="$training/postgres" --gateway.embedded-database.port=0 \
        --logging.file.name="$training/gateway.log" >> "$cds_dir/training.log" 2>&1 \
      && [ -s "$cds_dir/gateway.jsa" ]; then
    echo "$stamp $(cksum < "$cds_dir/gateway.jsa")" > "$cds_dir/stamp"
  else
    echo "region: no class-data sharing (see $cds_dir/training.log); nodes start without it" >&2
    rm -f "$cds_dir/gateway.jsa"
    echo "failed $stamp" > "$cds_dir/stamp" # not tried again for this jar, JDK and options
  fi
  # The training run ends without its shutdown hooks: stop the PostgreSQL it started.
  local pg=$training/postgres/postmaster.pid
  if [ -f "$pg" ]; then
    local pid; pid=$(head -n 1 "$pg")
    kill -INT "$pid" 2>/dev/null || true
    for _ in $(seq 40); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
  fi
  rm -rf "$training"
}

# Sets the array `launch` to what follows `java <options>` to run the gateway: the extracted jar
# with the archive when it is current, otherwise the jar.
cds_launch() {
  if [ -f "$cds_dir/gateway.jsa" ] && [ -f "$cds_dir/stamp" ] && [ "$(head -c 6 "$cds_dir/stamp")" != failed ]; then
    launch=(-XX:SharedArchiveFile="$cds_dir/gateway.jsa" -jar "$cds_dir/app/gateway.jar")
  else
    launch=(-jar "$jar")
  fi
}
