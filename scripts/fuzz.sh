#!/bin/sh
# Run every libFuzzer harness for SECONDS (default 60) from its seed corpus
# and regression inputs, in a build configured with CC=clang
# --enable-fuzzing (BUILDDIR, default "."); prints executions per target
# and exits 1 on any finding, leaving the crashing input in
# BUILDDIR/fuzz-findings/TARGET.
# usage: scripts/fuzz.sh [SECONDS] [BUILDDIR]
set -u
SECS=${1:-60}
B=$(cd "${2:-.}" && pwd)
S=$(cd "$(dirname "$0")/.." && pwd)
status=0
export ASAN_OPTIONS=detect_leaks=1:abort_on_error=0
export UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1
for t in png jpeg icc cgats catalogue readings series options; do
	f="$B/tests/fuzz/fuzz-$t"
	[ -x "$f" ] || { echo "$f: not built (--enable-fuzzing)" >&2; exit 2; }
	work="$B/fuzz-work/$t"
	out="$B/fuzz-findings/$t"
	mkdir -p "$work" "$out"
	cp "$S/tests/fuzz/corpus/$t/"* "$work/" 2>/dev/null
	[ -d "$S/tests/fuzz/regressions/$t" ] &&
	    cp "$S/tests/fuzz/regressions/$t/"* "$work/" 2>/dev/null
	if "$f" -max_total_time="$SECS" -rss_limit_mb=2048 -max_len=65536 \
	    -timeout=20 -artifact_prefix="$out/" -print_final_stats=1 \
	    "$work" >"$out.log" 2>&1; then
		echo "$t: $(grep -m1 -o 'stat::number_of_executed_units: *[0-9]*' \
		    "$out.log" | grep -o '[0-9]*$') runs, no finding"
	else
		echo "$t: FINDING" >&2
		grep -E 'ERROR|SUMMARY|Test unit written' "$out.log" | head -5 >&2
		status=1
	fi
done
exit $status
