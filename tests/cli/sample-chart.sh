#!/bin/sh
# smp-sample --chart: calibrate on the ColorChecker in the same photo, then
# measure regions with that profile.  A region inside a neutral patch
# reads as the patch's reference; every row carries calib_de00.
. "$SMP_SRCDIR/tests/cli/common.sh"
need_shared
REF="$SMP_SHARED/colorchecker/xrite_classic24_after_nov2014_lab_d50__colour.csv"
"$SMP_BUILDDIR/tests/tools/render-chart" -s 0.5 -n 1 -T "$tmp/truth" "$REF" 1000 700 "$tmp/c.png"
# 10x10 squares at the centres of patches 2 (light skin) and 22 (neutral 5).
set -- $(awk '$1 == 2 || $1 == 22 { printf "rect:%d,%d,10,10 ", $2 - 5, $3 - 5 }' "$tmp/truth")
"$SAMPLE" --chart -r "$1" -r "$2" "$tmp/c.png" >"$tmp/o" 2>"$tmp/err" ||
    fail "exit $?: $(cat "$tmp/err")"
assert_de00 "$(lab_of "$tmp/o" 1)" "64.66 19.27 17.50" 1.0 "light skin via the chart profile"
assert_de00 "$(lab_of "$tmp/o" 2)" "50.76 -0.13 0.14" 1.0 "neutral 5 via the chart profile"
[ "$(col profile_source <"$tmp/o" | sort -u)" = chart ] || fail "profile_source"
cd=$(col calib_de00 <"$tmp/o" | head -1)
assert_num "$cd" "<" 0.5 "calib_de00"
# Without a chart, --chart is an error naming the file; -p conflicts.
echo "bg 50 0 0" | "$RENDER" 64 64 "$tmp/plain.png"
"$SAMPLE" --chart "$tmp/plain.png" >/dev/null 2>"$tmp/err"
[ $? -eq 2 ] && grep -q "plain.png: no ColorChecker found" "$tmp/err" || fail "no chart: $(cat "$tmp/err")"
"$SAMPLE" --chart -p x.icc "$tmp/plain.png" >/dev/null 2>&1
[ $? -eq 2 ] || fail "--chart with -p accepted"
# Without --chart the column is empty.
[ -z "$("$SAMPLE" "$tmp/plain.png" | col calib_de00)" ] || fail "calib_de00 without --chart"
exit 0
