#!/bin/sh
# A chart found with patches covered (render-chart -H: a fingertip over
# them, spilling over the gaps) is refused, naming exactly those patches
# ("covered or out of view"), exit 2, no profile, the overlay written;
# the same charts uncovered are accepted, and so is a patch that is only
# dim.  smp-sample --chart refuses the same way.
. "$SMP_SRCDIR/tests/cli/common.sh"
need_shared
REF="$SMP_SHARED/colorchecker/xrite_classic24_after_nov2014_lab_d50__colour.csv"
CHART="$SMP_BUILDDIR/tests/tools/render-chart"
# name W H covered render-options...
# Under valgrind (SMP_VALGRIND) only the first two cases run.
n=0
# The cases come on descriptor 3: stdin stays the tools' own.
while read -r name w h hide opts <&3; do
	[ -n "$name" ] || continue
	n=$((n + 1))
	[ -n "${SMP_VALGRIND:-}" ] && [ $n -gt 2 ] && continue
	ext=png
	case "$opts" in *-q*) ext=jpg ;; esac
	f="$tmp/$name.$ext"
	"$CHART" $opts "$REF" "$w" "$h" "$f" || fail "$name: render"
	"$CAL" $CHEAP_MODEL -o "$tmp/$name.icc" "$f" >/dev/null 2>"$tmp/err" ||
	    fail "$name uncovered: exit $?: $(cat "$tmp/err")"
	"$CHART" -H "$hide" $opts "$REF" "$w" "$h" "$f" || fail "$name: render -H"
	rm -f "$tmp/$name.icc" "$tmp/ov.png"
	"$CAL" $CHEAP_MODEL -o "$tmp/$name.icc" --overlay "$tmp/ov.png" "$f" \
	    >"$tmp/out" 2>"$tmp/err"
	[ $? -eq 2 ] || fail "$name: covered $hide accepted: $(cat "$tmp/err")"
	grep -q "covered or out of view" "$tmp/err" ||
	    fail "$name: message: $(cat "$tmp/err")"
	got=$(sed -n 's/.*: patch[es]* \(.*\) covered or out of view.*/\1/p' "$tmp/err" |
	    tr ',' '\n' | sed 's/^ *\([0-9]*\).*/\1/' | paste -sd, -)
	[ "$got" = "$hide" ] || fail "$name: named $got, covered $hide"
	[ -e "$tmp/$name.icc" ] && fail "$name: profile written"
	[ -s "$tmp/out" ] && fail "$name: patch rows printed"
	[ -s "$tmp/ov.png" ] || fail "$name: no overlay"
	echo "ok: $name: patches $hide refused as covered"
done 3<<'CASES'
interior    900  600 8     -s 0.6 -n 1
corner-skin 900  600 1,2   -s 0.6 -n 1
white       900  600 19    -s 0.6 -n 1 -a 9
black       900  600 24    -s 0.6 -n 1
rot-key     1200 900 14,15 -s 0.45 -n 1 -a 17 -k 0.15
jpeg        1200 800 3     -s 0.5 -n 2 -a 8 -q 85
three       900  600 7,8,9 -s 0.6 -n 1
small       900  600 6     -s 0.12 -x 0.8 -n 0.5
CASES
# The overlay crosses the covered patch out: red on its sampled square's
# diagonal, which an uncovered patch does not have.
"$CHART" -H 8 -s 0.6 -n 1 -T "$tmp/truth" "$REF" 900 600 "$tmp/o.png" || fail "render"
"$CAL" $CHEAP_MODEL -o "$tmp/o.icc" --overlay "$tmp/ov.png" "$tmp/o.png" 2>/dev/null
red_on_diagonal() {	# PATCH: 1 when a pixel near (0.15, 0.15) pitch is red
	set -- $(awk -v k="$1" '$1 == 1 { x1 = $2 } $1 == 2 { p = $2 - x1 }
	    $1 == k { x = $2; y = $3 } END { printf "%d %d", x + 0.15 * p - 2, y + 0.15 * p - 2 }' "$tmp/truth")
	python3 "$SMP_SRCDIR/tests/tools/pixels.py" "$tmp/ov.png" "$1" "$2" 5 5 |
	    awk '$1 == 255 && $2 == 40 && $3 == 40 { r = 1 } END { print r + 0 }'
}
[ "$(red_on_diagonal 8)" = 1 ] || fail "overlay: covered patch 8 not crossed out"
[ "$(red_on_diagonal 10)" = 0 ] || fail "overlay: patch 10 crossed out"
echo "ok: the overlay crosses the covered patch out"
# A dim chart (exposure 0.3: the dark patches sink into the black body)
# is not covered.
"$CHART" -s 0.6 -n 1 -e 0.3 "$REF" 900 600 "$tmp/dim.png" || fail "render dim"
"$CAL" $CHEAP_MODEL -o "$tmp/dim.icc" "$tmp/dim.png" >/dev/null 2>"$tmp/err" ||
    fail "dim chart refused: $(cat "$tmp/err")"
echo "ok: a dim chart is accepted"
# smp-sample --chart: the same refusal.
"$CHART" -H 11 -s 0.6 -n 1 "$REF" 900 600 "$tmp/s.png" || fail "render"
"$SAMPLE" --chart "$tmp/s.png" >"$tmp/out" 2>"$tmp/err"
[ $? -eq 2 ] || fail "smp-sample --chart: covered chart accepted"
grep -q "patch 11 (yellow green) covered or out of view" "$tmp/err" ||
    fail "smp-sample --chart: $(cat "$tmp/err")"
echo "ok: smp-sample --chart refuses it too"
exit 0
