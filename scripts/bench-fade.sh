#!/bin/sh
# Benchmark smp-fade: predictions per second for a study's readings.  The
# readings are skins pale through dark (scripts/bench-skins.awk, with
# +-1 of jitter); each gets a full prediction (sessions, healing, fading
# through the skin optics, touch-ups over 10 years) for carbon black at
# 1:2.  Prints the median of RUNS runs as readings/s for --summary (one
# row per reading, with the touch-up's interval from 200 draws and without
# it, --draws 0) and for yearly rows (--step 12, 11 rows per reading), and
# rows/s, plus peak memory (GNU time).  Not a test: run it by hand.
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
awk -v n="$N" -f "$S/scripts/bench-skins.awk" >"$tmp/readings.tsv"
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
run "--summary --draws 0" --summary --draws 0
run "yearly rows (--step 12)" --step 12
