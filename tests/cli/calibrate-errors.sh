#!/bin/sh
# Usage errors, --corners (right and wrong), --reference, --max-de, and
# the guarantee that a failed run leaves the previous profile alone.
. "$SMP_SRCDIR/tests/cli/common.sh"
need_shared
REF="$SMP_SHARED/colorchecker/xrite_classic24_after_nov2014_lab_d50__colour.csv"
"$SMP_BUILDDIR/tests/tools/render-chart" -s 0.6 -n 1 -T "$tmp/truth" "$REF" 900 600 "$tmp/c.png"
usage() {
	want="$1"; shift
	"$CAL" "$@" >/dev/null 2>"$tmp/err"
	[ $? -eq 2 ] || fail "$*: exit not 2"
	grep -q -- "$want" "$tmp/err" || fail "$*: '$want' not in: $(cat "$tmp/err")"
	echo "ok: $want"
}
usage "no output profile" "$tmp/c.png"
usage "no image given" -o "$tmp/p.icc"
usage "expected 2014 or pre2014" --edition 2000 -o "$tmp/p.icc" "$tmp/c.png"
usage "exclude each other" --edition 2014 --reference x.cie -o "$tmp/p.icc" "$tmp/c.png"
usage "unknown model" --model lut -o "$tmp/p.icc" "$tmp/c.png"
usage "comma-separated" --corners 1,2,3 -o "$tmp/p.icc" "$tmp/c.png"
usage "c.png:[0-9]*: NUL byte in a text line" --reference "$tmp/c.png" -o "$tmp/p.icc" "$tmp/c.png"
# --corners from the truth: the patch-area corners at patches 1, 6, 24, 19
# lie 0.45 pitch beyond those patches' centres (render-chart geometry).
corners=$(awk '{ x[$1] = $2; y[$1] = $3 } END {
	ux = (x[6] - x[1]) / 5; uy = (y[6] - y[1]) / 5
	vx = (x[19] - x[1]) / 3; vy = (y[19] - y[1]) / 3
	printf "%.2f,%.2f,%.2f,%.2f,%.2f,%.2f,%.2f,%.2f",
	    x[1] - 0.45 * (ux + vx), y[1] - 0.45 * (uy + vy),
	    x[6] + 0.45 * (ux - vx), y[6] + 0.45 * (uy - vy),
	    x[24] + 0.45 * (ux + vx), y[24] + 0.45 * (uy + vy),
	    x[19] - 0.45 * (ux - vx), y[19] - 0.45 * (uy - vy) }' "$tmp/truth")
"$CAL" $CHEAP_MODEL --corners "$corners" -o "$tmp/good.icc" --overlay "$tmp/ov.png" \
    "$tmp/c.png" >"$tmp/o" 2>"$tmp/err" || fail "--corners: $(cat "$tmp/err")"
[ -s "$tmp/ov.png" ] || fail "--corners: no overlay"
awk -F'\t' 'NR > 1 { s += $10 } END { exit !(s / 24 < 0.5) }' "$tmp/o" ||
    fail "--corners: leave-one-out too high"
cp "$tmp/good.icc" "$tmp/keep.icc"
# Corners rotated by one patch position: the registration check refuses it.
bad=$(echo "$corners" | awk -F, '{ printf "%s,%s,%s,%s,%s,%s,%s,%s", $3, $4, $5, $6, $7, $8, $1, $2 }')
"$CAL" $CHEAP_MODEL --corners "$bad" -o "$tmp/good.icc" "$tmp/c.png" >/dev/null 2>"$tmp/err"
[ $? -eq 2 ] || fail "wrong corners accepted"
grep -q "registration implausible" "$tmp/err" || fail "wrong corners: $(cat "$tmp/err")"
cmp -s "$tmp/good.icc" "$tmp/keep.icc" || fail "failed run changed the previous profile"
ls "$tmp" | grep -q '\.tmp\.' && fail "temporary file left behind"
# --reference: Argyll's pre-2014 ColorChecker.cie (ids A01..D06).
"$CAL" $CHEAP_MODEL --reference "$SMP_SHARED/colorchecker/argyll/ColorChecker.cie" \
    -o "$tmp/r.icc" "$tmp/c.png" >"$tmp/o" 2>/dev/null || fail "--reference"
[ "$(awk -F'\t' 'NR == 2 { print $3 }' "$tmp/o")" = "37.99" ] || fail "--reference values"
# --max-de: exit 1 when the leave-one-out mean is above it; profile written.
"$CAL" $CHEAP_MODEL --max-de 0.001 -o "$tmp/m.icc" "$tmp/c.png" >/dev/null 2>&1
[ $? -eq 1 ] || fail "--max-de: exit not 1"
[ -s "$tmp/m.icc" ] || fail "--max-de: no profile"
"$CAL" $CHEAP_MODEL --max-de 5 -o "$tmp/m.icc" "$tmp/c.png" >/dev/null 2>&1 || fail "--max-de 5"
exit 0
