#!/bin/sh
# The profile we write loads in lcms2's transicc and ArgyllCMS's xicclu and
# reproduces our own fit through them, for every model; profcheck on our
# CTI3 reports our self-fit figures; colprof accepts our CTI3.
. "$SMP_SRCDIR/tests/cli/common.sh"
need_shared
need_cmd transicc
REF="$SMP_SHARED/colorchecker/xrite_classic24_after_nov2014_lab_d50__colour.csv"
"$SMP_BUILDDIR/tests/tools/render-chart" -a 5 -s 0.6 -n 1 "$REF" 900 600 "$tmp/c.png"
for m in shaper-matrix matrix root-poly; do
	"$CAL" --model $m -o "$tmp/$m.icc" --ti3 "$tmp/$m.ti3" --json "$tmp/c.png" \
	    >"$tmp/$m.json" 2>/dev/null || fail "$m: exit $?"
	"$CAL" --model $m -o "$tmp/$m.icc" "$tmp/c.png" >"$tmp/$m.tsv" 2>/dev/null
	lim=0.05
	[ $m = root-poly ] && lim=0.1
	awk -F'\t' 'NR > 1 { printf "%.5f %.5f %.5f\n", $14 * 255, $15 * 255, $16 * 255 }' \
	    "$tmp/$m.tsv" | transicc -t1 -n -i "$tmp/$m.icc" -o '*Lab' 2>/dev/null >"$tmp/t.lab"
	[ "$(wc -l <"$tmp/t.lab")" -eq 24 ] || fail "$m: transicc did not read the profile"
	worst=$(awk -F'\t' 'NR > 1 { print $6, $7, $8 }' "$tmp/$m.tsv" |
	    paste -d' ' - "$tmp/t.lab" | "$DE00" | sort -n | tail -1)
	assert_num "$worst" "<" $lim "$m: transicc vs our fit, worst dE00"
	grep -q "\"summary\":\"calibration\",\"image\":\"$tmp/c.png\",\"photos\":1," \
	    "$tmp/$m.json" || fail "$m: JSON summary: $(tail -1 "$tmp/$m.json")"
	if command -v xicclu >/dev/null 2>&1; then
		awk -F'\t' 'NR > 1 { print $14, $15, $16 }' "$tmp/$m.tsv" |
		    xicclu -v0 -ff -ir -pl "$tmp/$m.icc" >"$tmp/x.lab" 2>/dev/null
		worst=$(awk -F'\t' 'NR > 1 { print $6, $7, $8 }' "$tmp/$m.tsv" |
		    paste -d' ' - "$tmp/x.lab" | "$DE00" | sort -n | tail -1)
		assert_num "$worst" "<" $lim "$m: ArgyllCMS xicclu vs our fit, worst dE00"
	fi
done
command -v profcheck >/dev/null 2>&1 || skip "ArgyllCMS not installed: xicclu/profcheck/colprof parts skipped"
ours=$(awk -F'\t' 'NR > 1 { s += $9 } END { printf "%.3f", s / 24 }' "$tmp/shaper-matrix.tsv")
theirs=$(profcheck -k "$tmp/shaper-matrix.ti3" "$tmp/shaper-matrix.icc" 2>&1 |
    sed -n 's/.*avg. = \([0-9.]*\).*/\1/p')
d=$(awk -v a="$ours" -v b="$theirs" 'BEGIN { print (a > b ? a - b : b - a) }')
assert_num "$d" "<" 0.01 "profcheck self-fit mean $theirs vs ours $ours"
cp "$tmp/shaper-matrix.ti3" "$tmp/argyll.ti3"
(cd "$tmp" && colprof -qm -as argyll >/dev/null 2>&1) || fail "colprof rejected our CTI3"
[ -s "$tmp/argyll.icc" ] || fail "colprof wrote no profile"
exit 0
