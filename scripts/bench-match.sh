#!/bin/sh
# Benchmark smp-match: skin readings ranked per second with the bundled
# catalogue, on one core (-j 1) and on two (-j 2): the point estimate
# (--draws 0) against the target of 1000 per core, the default 200-draw
# uncertainty against 50 per core (issue 14).  The readings are 22 skins
# (Monk Skin Tone swatches and measured skins, pale through dark, from
# scripts/bench-skins.awk), repeated with +-1 of jitter in L*, a*, b* so
# that no two are the same.  Prints the median of RUNS runs, each as
# readings/s and as a ratio to its target, and peak memory (GNU time).
# Not a test: run it by hand.
# usage: scripts/bench-match.sh [BUILDDIR] [READINGS] [RUNS]
set -eu
B=$(cd "${1:-.}" && pwd)
N=${2:-2000}
RUNS=${3:-5}
S=$(cd "$(dirname "$0")/.." && pwd)
MATCH="$B/src/smp-match"
CAT="$S/data/pigments.tsv"
make -C "$B" src/smp-match >/dev/null
tmp=$(mktemp -d "${TMPDIR:-/tmp}/smp-bench.XXXXXX")
trap 'rm -rf "$tmp"' EXIT

awk -v n="$N" -f "$S/scripts/bench-skins.awk" >"$tmp/readings.tsv"
npig=$(grep -c '^pigment	' "$CAT")

now() { date +%s.%N; }
median() { sort -g | awk '{ t[NR] = $1 } END { print t[int((NR + 1) / 2)] }'; }
# run NAME TARGET ARGS...: median wall time of RUNS runs, readings/s,
# ratio to TARGET
run() {
	name=$1
	target=$2
	shift 2
	i=0
	: >"$tmp/times"
	while [ $i -lt "$RUNS" ]; do
		t0=$(now)
		"$MATCH" -c "$CAT" "$@" "$tmp/readings.tsv" >/dev/null 2>&1
		t1=$(now)
		echo "$t1 $t0" | awk '{ print $1 - $2 }' >>"$tmp/times"
		i=$((i + 1))
	done
	t=$(median <"$tmp/times")
	mem=-
	if [ -x /usr/bin/time ]; then
		/usr/bin/time -f %M -o "$tmp/mem" "$MATCH" -c "$CAT" "$@" \
		    "$tmp/readings.tsv" >/dev/null 2>&1
		mem=$(awk '{ printf "%.1f MB", $1 / 1024 }' "$tmp/mem")
	fi
	awk -v n="$N" -v t="$t" -v name="$name" -v mem="$mem" -v g="$target" \
	    'BEGIN { printf "%-34s %7.3f s %8.0f readings/s  %5.2fx target %d  %s\n",
		    name, t, n / t, n / t / g, g, mem }'
}
echo "smp-match, $N readings, $npig pigments, median of $RUNS runs"
run "point, dot view, -k 3, -j 1" 1000 --draws 0 -k 3 -j 1
run "point, blend view, -k 3, -j 1" 1000 --draws 0 -k 3 --view blend -j 1
run "point, dot view, -k $npig, -j 1" 1000 --draws 0 -k "$npig" -j 1
run "point, dot view, -k 3, -j 2" 2000 --draws 0 -k 3 -j 2
run "200 draws, dot view, -k 3, -j 1" 50 -k 3 -j 1
run "200 draws, blend view, -k 3, -j 1" 50 -k 3 --view blend -j 1
run "200 draws, dot view, -k 3, -j 2" 100 -k 3 -j 2
