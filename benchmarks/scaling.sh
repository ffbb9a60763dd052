#!/usr/bin/env bash
# The scaling measurement (issue 13): deterministic synthetic corpora of growing size (and the bundled
# articles repeated), one 'topicbench evaluate' each under -Xmx4g (kfold 2x1, smile.nb-multinomial and
# smile.logistic, no report unless REPORT=1), each in its own JVM, with its stage log (wall time and peak
# heap per stage, fit and predict per learner) and its GC log; then results/scaling/ gets stages.csv,
# learners.csv, exponents.csv and scaling.svg/.png (time against sentences, log-log).
#
# Usage: benchmarks/scaling.sh [SIZES...]       (default: 10000 100000 1000000)
#   LEARNERS=smile.nb-multinomial,smile.logistic  HEAP=4g  OUT=results/scaling  WORK=<temp dir>  SKIP_REAL=1
#   Each run is named synth-<n> (or real-100k); running the script again with other sizes adds to OUT.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(10000 100000 1000000)
learners=${LEARNERS:-smile.nb-multinomial,smile.logistic}
heap=${HEAP:-4g}
out=${OUT:-results/scaling}
work=${WORK:-$(mktemp -d)}
mkdir -p "$out"
report=--no-report
[ "${REPORT:-0}" = 1 ] && report=
bin/topicbench --version >/dev/null   # build the jar once, before timing anything
run() { # name corpus
  local name=$1 corpus=$2
  echo "== $name: $(wc -l < "$corpus") lines" >&2
  TOPICBENCH_JAVA_OPTS="-Xmx$heap -Xlog:gc:file=$out/$name.gc.log" /usr/bin/time -v bin/topicbench evaluate \
    --train "$corpus" --protocol kfold --folds 2 --repeats 1 --bootstrap 100 --learners "$learners" $report \
    --out "$work/run-$name" --stages "$out/$name.stages.json" > "$work/$name.out" 2> "$work/$name.err"
  grep -E 'Elapsed|Maximum resident' "$work/$name.err" | sed "s/^/  $name: /" >&2
}
for n in "${sizes[@]}"; do
  bin/topicbench corpus synth --sentences "$n" --seed 1 -o "$work/synth-$n.csv" 2>/dev/null
  run "synth-$n" "$work/synth-$n.csv"
done
# real text repeated: the five articles' sentences, copied until about 100k (ids made unique); SKIP_REAL=1 skips
if [ "${SKIP_REAL:-0}" != 1 ]; then
python3 - "$work/real-100k.csv" <<'PY'
import csv, sys
rows = list(csv.DictReader(open('datasets/sentences.csv', encoding='utf-8')))
with open(sys.argv[1], 'w', newline='', encoding='utf-8') as f:
    w = csv.writer(f, lineterminator='\n')
    w.writerow(['id', 'doc', 'label', 'text'])
    for copy in range(100000 // len(rows) + 1):
        for r in rows:
            w.writerow([f"{r['id']}-{copy}", f"{r['doc']}-{copy}", r['label'], r['text']])
PY
run real-100k "$work/real-100k.csv"
fi
bin/topicbench bench scaling "$out"
echo "wrote $out (work files in $work)" >&2
