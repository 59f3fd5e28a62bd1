#!/bin/sh
# A grid over an image of more than a million pixels, whose tiles are
# counted one at a time from a band of rows (band.c), decoded in place:
# two tiles' mean Lab agree within dE00 0.05 with lcms2's transicc on
# their pixels as djpeg decodes them, and every tile's row (robust and
# with -S) is the row of the same pixels measured alone as a rect, which
# a tally of its own counts.  So are two rects of a band that the
# decoder crops.
. "$SMP_SRCDIR/tests/cli/common.sh"
need_cmd transicc
need_cmd djpeg
need_cmd python3
PIX="python3 $SMP_SRCDIR/tests/tools/pixels.py"
W=1200 H=1000 C=4 R=3
# Texture for many colours, skin with dots and a darker patch.
"$RENDER" -n 6 -q 90 $W $H "$tmp/t.jpg" <<'S' || fail "render-img"
bg 62 14 18
rect 0 0 600 500 48 18 24
circle 900 700 250 55 10 14
dots 40 5 30 4 6
S
djpeg -pnm "$tmp/t.jpg" >"$tmp/t.pnm" || fail "djpeg"
# edge I N SIZE: where tile I of N along SIZE starts.
edge() { echo $(($1 * $3 / $2)); }
"$SAMPLE" --stat mean -r grid:${C}x$R "$tmp/t.jpg" >"$tmp/mean" ||
    fail "grid --stat mean: exit $?"
for opts in "" "-S"; do
	"$SAMPLE" $opts -r grid:${C}x$R "$tmp/t.jpg" | sed 1d | cut -f1,3- \
	    >"$tmp/grid" || fail "grid $opts: exit $?"
	: >"$tmp/alone"
	y=0
	while [ $y -lt $R ]; do
		x=0
		while [ $x -lt $C ]; do
			x0=$(edge $x $C $W) x1=$(edge $((x + 1)) $C $W)
			y0=$(edge $y $R $H) y1=$(edge $((y + 1)) $R $H)
			"$SAMPLE" $opts -r rect:$x0,$y0,$((x1 - x0)),$((y1 - y0)) \
			    "$tmp/t.jpg" | sed 1d | cut -f1,3- >>"$tmp/alone" ||
			    fail "rect $x,$y: exit $?"
			x=$((x + 1))
		done
		y=$((y + 1))
	done
	[ -n "$opts" ] || [ "$(wc -l <"$tmp/grid")" -eq $((C * R)) ] ||
	    fail "grid: $(wc -l <"$tmp/grid") rows"
	cmp -s "$tmp/grid" "$tmp/alone" ||
	    fail "grid $opts: tiles differ from rects: $(diff "$tmp/grid" "$tmp/alone" | head -4)"
	echo "ok: grid:${C}x$R ${opts:-robust}: each tile's row is its rect's"
done
# Two rects side by side away from the left edge (a band whose rows the
# decoder crops, in place at an offset), against each alone.
A=rect:100,0,540,1000 B=rect:640,0,540,1000
"$SAMPLE" -r $A -r $B "$tmp/t.jpg" | sed 1d | cut -f1,3- >"$tmp/two" ||
    fail "two rects: exit $?"
for r in $A $B; do
	"$SAMPLE" -r $r "$tmp/t.jpg" | sed 1d | cut -f1,3- || fail "$r: exit $?"
done >"$tmp/each"
cmp -s "$tmp/two" "$tmp/each" || fail "two rects differ from each alone"
echo "ok: two rects in a band are each the rect alone"
# mean_of X Y W H: transicc's mean Lab (D50) of those pixels as sRGB.
mean_of() {
	$PIX "$tmp/t.pnm" "$1" "$2" "$3" "$4" |
	    transicc -t1 -n -i '*sRGB' -o '*Lab' 2>/dev/null |
	    awk '{ L += $1; a += $2; b += $3; n++ }
		END { printf "%.4f %.4f %.4f\n", L / n, a / n, b / n }'
}
assert_de00 "$(lab_of "$tmp/mean" 1)" "$(mean_of 0 0 300 333)" 0.05 \
    "tile 0,0 against transicc"
assert_de00 "$(lab_of "$tmp/mean" 11)" "$(mean_of 900 666 300 334)" 0.05 \
    "tile 3,2 against transicc"
exit 0
