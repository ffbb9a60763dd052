#!/usr/bin/env bash
# Runs the published JMH configuration and writes results/jmh/{tokenizer.json,features.json,README.md}.
# Usage (from anywhere): benchmarks/run.sh                 the published configuration
#                        benchmarks/run.sh JMH-OPTIONS...  those options instead, e.g. -f 1 -wi 1 -i 1
#                                                          for a quick look (do not publish that)
# Run it on a quiet machine: the markdown records the load average before and after the run.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
# shellcheck source=bin/jdk.sh
. bin/jdk.sh
topicbench_find_jdk
java="$JAVA_HOME/bin/java"

bin/mvn -q -pl benchmarks -am package -DskipTests
out=results/jmh
mkdir -p "$out"
jar=benchmarks/target/benchmarks.jar
# the published configuration: 3 forks x (5 warm-up + 5 measured 2-second iterations), one thread
jmh_opts=(-f 3 -wi 5 -i 5 -w 2s -r 2s -t 1)
if [ $# -gt 0 ]; then jmh_opts=("$@"); fi
log=$(mktemp)
notes=$(mktemp)
trap 'rm -f "$log" "$notes"' EXIT

run_jmh() { # run_jmh CLASS JSON
  if ! "$java" -jar "$jar" "$1" "${jmh_opts[@]}" -rf json -rff "$2" > "$log" 2>&1; then
    tail -n 30 "$log" >&2
    echo "run.sh: JMH failed on $1" >&2
    exit 1
  fi
  grep -E "^(Benchmark|$1)" "$log"
}

load_before=$(uptime | sed -E 's/.*load average[s]?: //')
run_jmh TokenizerThroughput "$out/tokenizer.json"
kernel=$(grep -m1 -o 'ours: [^:]* kernel' "$log" | sed 's/^ours: //' || true)
cli_kernel=$(grep -m1 -o 'ours_cli: [^:]* kernel' "$log" | sed 's/^ours_cli: //' || true)
run_jmh FeatureExtractionThroughput "$out/features.json"
load_after=$(uptime | sed -E 's/.*load average[s]?: //')
{
  echo "Command: \`benchmarks/run.sh${*:+ $*}\`, which runs"
  echo "\`java -jar benchmarks/target/benchmarks.jar TokenizerThroughput ${jmh_opts[*]}\` and the same for"
  echo "\`FeatureExtractionThroughput\`."
  echo
  echo "- Run: $(date -u '+%Y-%m-%d %H:%M UTC'); JDK: $("$java" -version 2>&1 | head -n1)"
  echo "- Machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo 2>/dev/null | sed 's/.*: //' || echo unknown CPU)"
  echo "- Load average (1, 5, 15 min) before: $load_before; after: $load_after"
  echo "- Tokenizer kernel of ours_* (the forks run with --add-modules jdk.incubator.vector): ${kernel:-unknown};"
  echo "  ours_lowerCase_scalarKernel forces the scalar one; ours_cli is what bin/topicbench runs (the launcher adds"
  echo "  the module too): ${cli_kernel:-unknown}; ours_cli_noVectorModule forks without it"
} > "$notes"
"$java" -cp "$jar" org.topicbench.bench.JmhTable "$out/tokenizer.json" "$out/features.json" "$notes" "$out/README.md"
echo "wrote $out/tokenizer.json, $out/features.json, $out/README.md"
