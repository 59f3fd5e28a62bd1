#!/bin/sh
# smp-match, smp-fade and smp-calibrate: a failed write of standard output
# is exit 2 with a message; a reader that stops early (head -1) ends the
# tool quietly.  (smp-sample: sample-write-error.sh.)
. "$SMP_SRCDIR/tests/cli/common.sh"
[ -w /dev/full ] || skip "/dev/full missing"
chart_photo "$tmp/c.png"
P="--pigment smp-neutral-black --skin 60,10,15 --start 2026-01-01"
full() {
	"$@" >/dev/full 2>"$tmp/e"
	rc=$?
	[ $rc -eq 2 ] || fail "$1 >/dev/full: exit $rc"
	grep -q "write error on standard output" "$tmp/e" ||
	    fail "$1: no write error message: $(cat "$tmp/e")"
	echo "ok: $1 to a full disk: exit 2"
}
full "$MATCH" --skin 60,10,15
full "$FADE" $P
full "$CAL" -o "$tmp/x.icc" "$tmp/c.png"
# Enough output to fill a pipe, read one line.
i=0
: >"$tmp/r.tsv"
printf 'L\ta\tb\n' >"$tmp/r.tsv"
while [ $i -lt 300 ]; do printf '60\t10\t15\n' >>"$tmp/r.tsv"; i=$((i + 1)); done
"$MATCH" -k 14 "$tmp/r.tsv" 2>"$tmp/e" | head -1 >/dev/null
# (the readings' own notes and flags are not noise)
grep -vE ': region [^:]*: (note|flagged)[: ]' "$tmp/e" >"$tmp/e2"
[ -s "$tmp/e2" ] && fail "smp-match: noise after head: $(cat "$tmp/e2")"
"$FADE" $P --step 1 --years 100 2>"$tmp/e" | head -1 >/dev/null
[ -s "$tmp/e" ] && fail "smp-fade: noise after head: $(cat "$tmp/e")"
exit 0
