#!/bin/sh
# Several photos of one chart, camera and light pooled into one profile:
# each patch's device value is the mean of the single-photo values (by
# the tool's own single-photo runs), -j 1 and -j 3 give the same profile
# and rows, the pooled profile recovers the held-out colours at least as
# well as one noisy photo, and a photo at another exposure, a photo
# without a chart, or two bad photos refuse the whole (exit 2, nothing
# written, the first bad photo named).
. "$SMP_SRCDIR/tests/cli/common.sh"
need_shared
need_cmd transicc
REF="$SMP_SHARED/colorchecker/xrite_classic24_after_nov2014_lab_d50__colour.csv"
CHART="$SMP_BUILDDIR/tests/tools/render-chart"
# Three shots, tripod nudged between them, independent noise.
"$CHART" -S 1 -n 3 -s 0.6 -O "$tmp/held" "$REF" 700 466 "$tmp/a.png" &&
    "$CHART" -S 2 -n 3 -s 0.55 -x 0.52 -a 2 "$REF" 700 466 "$tmp/b.png" &&
    "$CHART" -S 3 -n 3 -s 0.6 -y 0.47 -a -3 "$REF" 700 466 "$tmp/c.png" ||
    fail "render"
echo "bg 50 10 10" | "$RENDER" 300 200 "$tmp/nochart.png" || fail "render"
# Under valgrind (slow): two photos pooled on two threads and a refusal.
if [ -n "${SMP_VALGRIND:-}" ]; then
	"$CAL" -j 2 -o "$tmp/pool.icc" "$tmp/a.png" "$tmp/b.png" >/dev/null \
	    2>"$tmp/e" || fail "pooled: $(cat "$tmp/e")"
	"$CAL" -j 2 -o "$tmp/x.icc" "$tmp/nochart.png" "$tmp/a.png" \
	    "$tmp/missing.png" >/dev/null 2>"$tmp/e"
	[ $? -eq 2 ] && [ ! -e "$tmp/x.icc" ] || fail "refusal: $(cat "$tmp/e")"
	echo "ok: pooled and refused under valgrind"
	exit 0
fi
for p in a b c; do
	"$CAL" -j 1 -o "$tmp/$p.icc" "$tmp/$p.png" >"$tmp/$p.tsv" 2>/dev/null ||
	    fail "single photo $p"
done
"$CAL" -j 1 -o "$tmp/pool1.icc" "$tmp/a.png" "$tmp/b.png" "$tmp/c.png" \
    >"$tmp/pool1.tsv" 2>"$tmp/e" || fail "pooled: $(cat "$tmp/e")"
grep -q "3 photos pooled" "$tmp/e" || fail "summary: $(cat "$tmp/e")"
"$CAL" -j 3 -o "$tmp/pool3.icc" "$tmp/a.png" "$tmp/b.png" "$tmp/c.png" \
    >"$tmp/pool3.tsv" 2>/dev/null || fail "pooled -j 3"
# (The profiles' first 128 bytes hold lcms2's creation time.)
cmp -s "$tmp/pool1.tsv" "$tmp/pool3.tsv" &&
    cmp -s -i 128 "$tmp/pool1.icc" "$tmp/pool3.icc" || fail "-j 3 pools differently"
# dev_r..dev_b of the pool = the mean of the three single-photo values.
for c in dev_r dev_g dev_b; do
	for p in a b c pool1; do
		col $c <"$tmp/$p.tsv" >"$tmp/$p.$c"
	done
	worst=$(paste "$tmp/a.$c" "$tmp/b.$c" "$tmp/c.$c" "$tmp/pool1.$c" |
	    awk '{ d = ($1 + $2 + $3) / 3 - $4; if (d < 0) d = -d; if (d > m) m = d } END { printf "%.6f", m }')
	assert_num "$worst" "<=" 0.00002 "$c: pooled value minus the mean of the photos"
done
# Held-out colours through transicc: the pool does no worse than photo a.
heldout() {
	awk '{ print $1, $2, $3 }' "$tmp/held" |
	    transicc -t1 -n -i "$1" -o '*Lab' 2>/dev/null >"$tmp/lab"
	awk '{ print $4, $5, $6 }' "$tmp/held" | paste -d' ' - "$tmp/lab" |
	    "$DE00" | awk '{ s += $1 } END { printf "%.4f", s / NR }'
}
one=$(heldout "$tmp/a.icc")
pool=$(heldout "$tmp/pool1.icc")
assert_num "$pool" "<=" "$(awk -v a="$one" 'BEGIN { print a + 0.02 }')" \
    "held-out mean dE00, pooled ($pool) vs one photo ($one)"
# Refusals.
"$CHART" -S 4 -n 3 -s 0.6 -e 1.05 "$REF" 700 466 "$tmp/bright.png" || fail "render"
"$CAL" -j 2 -o "$tmp/x.icc" "$tmp/a.png" "$tmp/bright.png" "$tmp/b.png" \
    >/dev/null 2>"$tmp/e"
[ $? -eq 2 ] && grep -q "bright.png: its patches differ by .* from the mean of the 3 photos" "$tmp/e" ||
    fail "exposure change: $(cat "$tmp/e")"
[ ! -e "$tmp/x.icc" ] || fail "profile written despite a refusal"
"$CAL" -j 2 -o "$tmp/x.icc" "$tmp/a.png" "$tmp/nochart.png" >/dev/null 2>"$tmp/e"
[ $? -eq 2 ] && grep -q "nochart.png: no ColorChecker found$" "$tmp/e" ||
    fail "no chart: $(cat "$tmp/e")"
"$CAL" -j 2 -o "$tmp/x.icc" "$tmp/nochart.png" "$tmp/a.png" "$tmp/missing.png" \
    >/dev/null 2>"$tmp/e"
[ $? -eq 2 ] && grep -q "nochart.png: no ColorChecker found (and 1 more of the 3 photos were refused)" "$tmp/e" ||
    fail "two bad: $(cat "$tmp/e")"
[ ! -e "$tmp/x.icc" ] || fail "profile written despite refusals"
echo "ok: exposure change, photo without chart and two bad photos refuse the pool"
exit 0
