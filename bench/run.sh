#!/usr/bin/env bash
# The cdht benchmark: bench/run.sh [--scale XS|S|M|L] [--out DIR] [--work DIR] [--repeat N] [--heap 8g]
# Builds the project when needed (through ./cdht), then runs vn.cdht.bench.Bench; see bench/README.md.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
./cdht --version >/dev/null
if [ ! -f bench/target/cdht-bench.jar ] || [ -n "$(find bench/src bench/pom.xml -newer bench/target/cdht-bench.jar -print -quit)" ]; then
  echo "bench: building the benchmark module..." >&2
  ./mvnw -q -B -DskipTests install >"$root/.cdht-build.log" 2>&1 || { echo "bench: the build failed; see .cdht-build.log" >&2; exit 1; }
  touch orchestration/target/cdht.jar
fi
if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/java" ]; then java="$JAVA_HOME/bin/java"; else java="$(command -v java)"; fi
opts=()
while IFS= read -r line; do
  case "$line" in ''|'#'*) ;; *) opts+=("$line") ;; esac
done < "$root/conf/jvm.options"
exec "$java" "${opts[@]}" -Xmx2g -Dfile.encoding=UTF-8 \
  -cp "bench/target/cdht-bench.jar:orchestration/target/cdht.jar:orchestration/target/lib/*" vn.cdht.bench.Bench "$@"
