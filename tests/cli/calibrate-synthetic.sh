#!/bin/sh
# Charts rendered through a known camera (flare, gamma, crosstalk, white
# balance, vignetting, noise, JPEG) at several sizes, rotations and
# perspectives: the registration is exact and the profile, applied by
# lcms2's transicc, recovers 200 held-out skin and pigment colours.
. "$SMP_SRCDIR/tests/cli/common.sh"
need_shared
need_cmd transicc
REF="$SMP_SHARED/colorchecker/xrite_classic24_after_nov2014_lab_d50__colour.csv"
CHART="$SMP_BUILDDIR/tests/tools/render-chart"
# name W H render-options... ; held-out limits: mean max
# Under valgrind (SMP_VALGRIND) only the first two cases run.
n=0
# The cases come on descriptor 3: stdin stays the tools' own.
while read -r name w h mean max opts <&3; do
	[ -n "$name" ] || continue
	case "$name" in \#*) continue ;; esac
	n=$((n + 1))
	[ -n "${SMP_VALGRIND:-}" ] && [ $n -gt 2 ] && continue
	ext=png
	case "$opts" in *-q*) ext=jpg ;; esac
	f="$tmp/$name.$ext"
	"$CHART" $opts -T "$tmp/truth" -O "$tmp/held" "$REF" "$w" "$h" "$f" ||
	    fail "$name: render"
	"$CAL" -o "$tmp/$name.icc" "$f" >"$tmp/out" 2>"$tmp/err" ||
	    fail "$name: exit $?: $(cat "$tmp/err")"
	# Registration: every centre within 8% of a pitch of the truth (the
	# sampled square is half a pitch wide).
	pitch=$(awk 'NR == 1 { x = $2; y = $3 } NR == 2 { print sqrt(($2 - x)^2 + ($3 - y)^2) }' "$tmp/truth")
	awk -F'\t' 'NR > 1 { print $1, $12, $13 }' "$tmp/out" | sort -n >"$tmp/found"
	err=$(join "$tmp/truth" "$tmp/found" | awk '{ d = sqrt(($2 - $4)^2 + ($3 - $5)^2); if (d > m) m = d } END { print m }')
	assert_num "$err" "<" "$(awk -v p="$pitch" 'BEGIN { print 0.08 * p }')" "$name: worst centre error (px)"
	# Held-out colours through the profile, by transicc.
	awk '{ print $1, $2, $3 }' "$tmp/held" |
	    transicc -t1 -n -i "$tmp/$name.icc" -o '*Lab' 2>/dev/null >"$tmp/lab"
	awk '{ print $4, $5, $6 }' "$tmp/held" | paste -d' ' - "$tmp/lab" |
	    "$DE00" >"$tmp/de"
	m=$(awk '{ s += $1 } END { print s / NR }' "$tmp/de")
	x=$(sort -n "$tmp/de" | tail -1)
	assert_num "$m" "<" "$mean" "$name: held-out mean dE00"
	assert_num "$x" "<" "$max" "$name: held-out max dE00"
done 3<<'CASES'
flat        900  600 0.6 1.5 -s 0.6 -n 0.5
rot17-key   1200 900 0.6 1.5 -a 17 -k 0.15 -s 0.45 -n 1 -v 0.2
rot90       600  900 0.6 1.5 -a 90 -s 0.6 -n 1
rot180      900  600 0.6 1.5 -f -a 4 -s 0.5 -n 1
rot-130     1000 1000 0.6 1.5 -a -130 -k 0.1 -s 0.4 -n 1
small-8pct  2400 1600 1.0 2.5 -s 0.09 -x 0.3 -y 0.6 -n 0.8
fills-frame 700  470 0.6 1.5 -s 0.97 -n 1
jpeg        1200 800 1.2 3.0 -a 8 -k 0.1 -s 0.5 -n 1 -q 90
png16       900  600 0.6 1.5 -a -6 -s 0.5 -n 0.5 -d 16
# Tiny charts, found on a working copy upsampled 3x: patches of about 6
# pixels (a 400x334 frame, the chart at the edge) and a 300-pixel chart
# in a 600x400 frame, both "no ColorChecker found" before.
tiny-6px    400  334 1.0 2.5 -s 0.12 -x 0.8 -n 0.5
frame-600   600  400 0.6 1.5 -s 0.5 -n 0.5
# 10 MP, chart low in the frame: the clutter's flat blocks gave more
# candidate squares above the chart than the detector kept, so it said
# "no ColorChecker found"; it now keeps the largest squares.
wide-10mp   5000 2000 1.2 3.0 -s 0.3 -y 0.75 -q 92
# 24 MP, a chart 6.5 % of the frame wide: the first search, at 800
# pixels a side, finds nothing; the second, at 1600, finds it.
coarse-miss 6000 4000 1.2 3.5 -a 5 -s 0.065 -x 0.3 -y 0.6 -n 1 -q 90
CASES
exit 0
