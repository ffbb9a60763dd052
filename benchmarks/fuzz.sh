#!/usr/bin/env bash
# Fuzzes topicbench's parsers and text code with Jazzer, one target at a time, and records the runs.
#
# Usage: benchmarks/fuzz.sh [-n EXECUTIONS] [-t MAX_DURATION] [TARGET[=MAX_DURATION]...]
#   -n EXECUTIONS   executions per target (default 10000000); Jazzer's max_executions setting
#                   (JAZZER_MAX_EXECUTIONS, which overrides @FuzzTest(maxExecutions))
#   -t MAX_DURATION a time limit per target as Jazzer takes it (JAZZER_MAX_DURATION, for example 2h or
#                   90m; default 24h): a target stops at whichever limit comes first, and the summary
#                   says how many executions it reached
#   TARGET          Class#method of a @FuzzTest (default: all six, in the order below); =MAX_DURATION
#                   after one gives that target its own time limit
#
# Every target runs in real fuzzing mode (JAZZER_FUZZ=1) under `nice -n 19`, in its own JVM, from a
# snapshot of the compiled classes in target/fuzz/classes (so that the sources can change while it runs),
# with Jazzer's launcher and the test JVM's options of app.pom.xml. The corpus a run grows goes to
# target/fuzz/corpus/<target>/ (kept between runs, not committed); the committed inputs of each target
# (src/test/resources/.../<Class>Inputs/<method>/, replayed by every `mvn verify`) seed it. A finding (an
# exception other than the documented input error, or a failed check) stops that target; Jazzer writes the
# input that caused it into the target's committed inputs directory as crash-<sha1>, so that the next
# `mvn verify` replays it. Fix the bug and commit the input. (Stopping a run with a signal makes libFuzzer
# report "fuzz target exited" and write the input it was on as crash-<sha1> too: that one is no finding,
# delete it.) To fuzz on past a known finding, set JAZZER_IGNORE to its DEDUP_TOKEN from the log.
#
# Writes results/fuzz/README.md: one line per target of the last run (executions, wall time, exec/s,
# findings, date, commit) above the previous lines, and keeps a "## Notes" section at its end as it is;
# the full log of each target is target/fuzz/<target>.log.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
# shellcheck source=bin/jdk.sh
. bin/jdk.sh
topicbench_find_jdk || exit 2

executions=10000000
duration=24h
while getopts "n:t:h" opt; do
  case $opt in
    n) executions=$OPTARG ;;
    t) duration=$OPTARG ;;
    *) sed -n '2,27p' "$0" | sed 's/^# \{0,1\}//'; exit 2 ;;
  esac
done
shift $((OPTIND - 1))
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
  targets=(
    org.topicbench.text.TokenizerFuzzTest#tokens
    org.topicbench.text.SentenceSegmenterFuzzTest#sentences
    org.topicbench.data.DatasetFuzzTest#csv
    org.topicbench.data.DatasetFuzzTest#arff
    org.topicbench.model.ModelFileFuzzTest#modelFile
    org.topicbench.experiment.ExperimentFileFuzzTest#experiment
  )
fi

bin/mvn -q -f app.pom.xml test-compile dependency:build-classpath \
  -Dmdep.outputFile=target/fuzz/classpath.txt -Dmdep.includeScope=test
rm -rf target/fuzz/classes
mkdir -p target/fuzz/classes target/fuzz/reproducers results/fuzz
cp -r target/classes/. target/test-classes/. target/fuzz/classes/
classpath="target/fuzz/classes:$(cat target/fuzz/classpath.txt)"
commit=$(git rev-parse --short HEAD 2>/dev/null || echo unknown)
if [ -n "$(git status --porcelain -- src 2>/dev/null)" ]; then
  commit="$commit+changes"
fi

# 12345678 -> 12,345,678
thousands() {
  echo "$1" | sed -e ':a' -e 's/\([0-9]\)\([0-9]\{3\}\)\($\|,\)/\1,\2\3/' -e 'ta'
}

out=results/fuzz/README.md
previous=""
notes=""
if [ -f "$out" ]; then
  previous=$(sed -n '/^| `/p' "$out" | head -50)
  notes=$(sed -n '/^## Notes/,$p' "$out")
fi
# rewritten after every target, so that an interrupted campaign keeps the targets it finished
write_summary() {
  {
    echo "# Fuzzing runs"
    echo
    echo "Written by \`benchmarks/fuzz.sh\` (Jazzer, real fuzzing mode, one target at a time under \`nice -n 19\`"
    echo "on this 2-core machine, shared with other work). Newest first; \`+changes\` after a commit means"
    echo "the sources had uncommitted changes. Executions and fuzzing time are libFuzzer's (\`Done N runs in S"
    echo "second(s)\`, or its last status line when a finding or the time limit stopped the run); wall time adds"
    echo "the JVM's start and replaying the corpus; exec/s is executions over fuzzing time."
    echo
    echo "| target | executions | fuzzing time | wall time | exec/s | findings | date | commit |"
    echo "| --- | ---: | ---: | ---: | ---: | --- | --- | --- |"
    printf '%s\n' "${summary[@]}"
    if [ -n "$previous" ]; then
      echo "$previous"
    fi
    if [ -n "$notes" ]; then
      echo
      echo "$notes"
    fi
  } >"$out.tmp"
  mv "$out.tmp" "$out"
}

summary=()
for spec in "${targets[@]}"; do
  target=${spec%%=*}
  limit=$duration
  if [ "$spec" != "$target" ]; then
    limit=${spec#*=}
  fi
  class=${target%#*}
  method=${target#*#}
  name=${class##*.}.$method
  log="target/fuzz/$name.log"
  corpus="target/fuzz/corpus/$name"
  mkdir -p "$corpus"
  echo "fuzz.sh: $target, $executions executions at most, $limit at most; log $log" >&2
  start=$(date +%s)
  status=0
  JAZZER_FUZZ=1 JAZZER_MAX_EXECUTIONS=$executions JAZZER_MAX_DURATION=$limit \
    nice -n 19 "$JAVA_HOME/bin/java" -Xmx4g -Djava.awt.headless=true --add-modules jdk.incubator.vector \
    -cp "$classpath" com.code_intelligence.jazzer.Jazzer \
    --target_class="$class" --target_method="$method" --reproducer_path=target/fuzz/reproducers \
    "$corpus" >"$log" 2>&1 || status=$?
  seconds=$(($(date +%s) - start))
  # libFuzzer's "Done N runs in S second(s)" when it finished, else its last "#N ..." status line
  runs=$(grep -aoE '^#[0-9]+' "$log" | tail -1 | tr -d '#' || true)
  runs=${runs:-0}
  fuzz_seconds=$seconds
  done_line=$(grep -aE '^Done [0-9]+ runs in [0-9]+ second' "$log" | tail -1 || true)
  if [ -n "$done_line" ]; then
    runs=$(echo "$done_line" | awk '{print $2}')
    fuzz_seconds=$(echo "$done_line" | awk '{print $5}')
  fi
  if [ "$status" -eq 0 ] && [ -n "$done_line" ]; then
    findings="none"
    if [ -n "${JAZZER_IGNORE:-}" ]; then
      findings="none (ignoring known findings JAZZER_IGNORE=$JAZZER_IGNORE)"
    fi
  else
    written=$(grep -aoE 'Test unit written to [^ ]+' "$log" | sed 's/Test unit written to //' | sed "s|$root/||" | tr '\n' ' ' || true)
    findings="exit $status; ${written:-see the log}"
  fi
  rate=$((fuzz_seconds > 0 ? runs / fuzz_seconds : runs))
  line="| \`$target\` | $(thousands "$runs") | $(thousands "$fuzz_seconds") s | $(thousands "$seconds") s | $(thousands "$rate") | $findings | $(date -u +%Y-%m-%d) | $commit |"
  echo "fuzz.sh: $line" >&2
  summary=("$line" "${summary[@]}")
  write_summary
done
echo "fuzz.sh: wrote $out" >&2

