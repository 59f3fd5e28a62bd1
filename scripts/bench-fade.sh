#!/bin/sh
# Benchmark smp-fade: predictions per second for a study's readings.  The
# readings are skins pale through dark (the 22 of bench-match.sh, with
# +-1 of jitter); each gets a full prediction (sessions, healing, fading
# through the skin optics, touch-ups over 10 years) for carbon black at
# 1:2.  Prints the median of RUNS runs as readings/s for --summary (one
# row per reading) and for yearly rows (--step 12, 11 rows per reading),
# and rows/s, plus peak memory (GNU time).  Not a test: run it by hand.
# usage: scripts/bench-fade.sh [BUILDDIR] [READINGS] [RUNS]
set -eu
B=$(cd "${1:-.}" && pwd)
N=${2:-500}
RUNS=${3:-5}
S=$(cd "$(dirname "$0")/.." && pwd)
FADE="$B/src/smp-fade"
CAT="$S/data/pigments.tsv"
make -C "$B" src/smp-fade >/dev/null
tmp=$(mktemp -d "${TMPDIR:-/tmp}/smp-bench.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
awk -v n="$N" 'BEGIN {
	split("94.2 1.5 5.4 93.1 0.2 14.2 92.3 2.1 7.3 87.6 0.5 17.8 " \
	    "77.9 3.5 23.1 63.0 5.6 14.0 61.9 7.1 17.4 60.9 7.0 15.0 " \
	    "60.6 6.5 16.4 59.6 11.8 14.6 59.2 11.6 15.1 58.0 15.0 21.0 " \
	    "56.8 11.6 17.7 56.4 11.7 16.3 56.1 11.3 16.4 55.1 7.8 26.7 " \
	    "48.0 15.0 20.0 44.0 14.0 19.0 42.5 12.3 20.5 30.7 11.7 13.3 " \
	    "21.1 2.7 6.0 14.6 1.5 3.5", v, " ")
	srand(1)
	printf "file\tregion\tclass\tL\ta\tb\twhite\n"
	for (i = 0; i < n; i++) {
		k = (i % 22) * 3
		printf "r%d\tall\tskin\t%.2f\t%.2f\t%.2f\tD65\n", i,
		    v[k + 1] + 2 * rand() - 1, v[k + 2] + 2 * rand() - 1,
		    v[k + 3] + 2 * rand() - 1
	}
}' >"$tmp/readings.tsv"
now() { date +%s.%N; }
median() { sort -g | awk '{ t[NR] = $1 } END { print t[int((NR + 1) / 2)] }'; }
run() {	# NAME ARGS...
	name=$1
	shift
	i=0
	: >"$tmp/times"
	while [ $i -lt "$RUNS" ]; do
		t0=$(now)
		"$FADE" -c "$CAT" --pigment smp-neutral-black "$@" \
		    "$tmp/readings.tsv" >"$tmp/out"
		t1=$(now)
		echo "$t1 $t0" | awk '{ print $1 - $2 }' >>"$tmp/times"
		i=$((i + 1))
	done
	t=$(median <"$tmp/times")
	rows=$(($(wc -l <"$tmp/out") - 1))
	mem=-
	if [ -x /usr/bin/time ]; then
		/usr/bin/time -f %M -o "$tmp/mem" "$FADE" -c "$CAT" \
		    --pigment smp-neutral-black "$@" "$tmp/readings.tsv" >/dev/null
		mem=$(awk '{ printf "%.1f MB", $1 / 1024 }' "$tmp/mem")
	fi
	awk -v n="$N" -v r="$rows" -v t="$t" -v name="$name" -v mem="$mem" 'BEGIN {
		printf "%-26s %7.3f s %8.1f readings/s %9.0f rows/s  %s\n",
		    name, t, n / t, r / t, mem }'
}
echo "smp-fade, $N readings, carbon black 1:2, median of $RUNS runs, one core"
run "--summary" --summary
run "yearly rows (--step 12)" --step 12
