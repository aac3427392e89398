# Shared by `region` and `token`: locations, the build-if-needed step and the region tool.
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/../.." && pwd)
definition=${REGION_DEFINITION:-$here/region.yaml}
run=${REGION_RUN_DIR:-$here/run}
built_jar=$root/gateway/target/gateway-0.1.0-SNAPSHOT.jar
# Nodes run from a copy, so that a rebuild never swaps the jar under a running node.
jar=$run/gateway.jar
java_bin=${JAVA_HOME:+$JAVA_HOME/bin/}java

die() { echo "region: $*" >&2; exit 1; }

command -v "$java_bin" >/dev/null 2>&1 || die "no java found: install a JDK 17 or newer, or set JAVA_HOME"

# Builds the gateway with the Maven Wrapper when the jar is missing or older than any source.
build_if_needed() {
  local stale=""
  if [ -f "$built_jar" ]; then
    stale=$(find "$root/pom.xml" "$root/schemas" "$root/policy" "$root/gateway/pom.xml" "$root/gateway/src" \
      -newer "$built_jar" -type f -not -path '*/target/*' -print -quit 2>/dev/null)
  fi
  if [ ! -f "$built_jar" ] || [ -n "$stale" ]; then
    echo "Building the gateway (./mvnw package, tests skipped; the first build downloads dependencies)..." >&2
    (cd "$root" && ./mvnw -q -B -DskipTests package -pl gateway -am) >&2 || die "the build failed"
  fi
}

# The jar the region runs: the copy in the run folder, refreshed by `region up` when no node runs.
install_jar() {
  mkdir -p "$run"
  cp "$built_jar" "$jar.tmp" && mv "$jar.tmp" "$jar"
}

# `token` uses the region's copy when there is one, so it never rebuilds under running nodes.
ensure_tool() {
  if [ ! -f "$jar" ]; then
    build_if_needed
    install_jar
  fi
}

region_tool() {
  "$java_bin" -Dloader.main=org.regionalexchange.gateway.region.RegionTool -jar "$jar" "$@"
}
