#!/bin/sh
# smp-sample --chart: calibrate on the ColorChecker in the same photo, then
# measure regions with that profile.  A region inside a neutral patch
# reads as the patch's reference; every row carries calib_de00, and
# over_white, the share of pixels brighter than the chart's white patch.
. "$SMP_SRCDIR/tests/cli/common.sh"
need_shared
need_cmd python3
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
# The rendered grey is neutral: hue 0, no ITA, whatever the sign of the
# colour engine's rounding.
"$SAMPLE" "$tmp/plain.png" >"$tmp/o" || fail "plain: exit $?"
[ "$(col C <"$tmp/o") $(col h <"$tmp/o") [$(col ita <"$tmp/o")] $(col ita_class <"$tmp/o")" = \
    "0.000 0.00 [] undefined" ] || fail "neutral: $(cat "$tmp/o")"
[ -z "$("$SAMPLE" "$tmp/plain.png" | col over_white)" ] || fail "over_white without --chart"

# over_white: a strip of the scene at L* 99, brighter than the chart's
# white patch (L* 96 under this exposure), is wholly over white; the
# skin-coloured rest is not; the region holding both is flagged.
python3 - "$tmp/scene.labf" <<'PY' || fail "scene"
import struct, sys
w, h = 600, 400
with open(sys.argv[1], 'wb') as f:
    f.write(b"LABF %d %d\n" % (w, h))
    bright, skin = struct.pack('3f', 99, 0, 0), struct.pack('3f', 60, 10, 15)
    for y in range(h):
        f.write(skin * 520 + bright * 80)
PY
"$SMP_BUILDDIR/tests/tools/render-chart" -s 0.5 -B "$tmp/scene.labf" "$REF" 600 400 \
    "$tmp/w.png" || fail "render-chart -B"
"$SAMPLE" --chart -r rect:530,0,60,400 -r rect:0,0,100,100 -r rect:400,300,200,100 \
    "$tmp/w.png" >"$tmp/o" 2>"$tmp/err" || fail "over_white: exit $?: $(cat "$tmp/err")"
[ "$(col over_white <"$tmp/o" | tr '\n' ' ')" = "1.0000 0.0000 0.4000 " ] ||
    fail "over_white: $(col over_white <"$tmp/o" | tr '\n' ' ')"
grep -q "region rect:400,300,200,100: flagged over-white: 40.0 % of its pixels are brighter than the chart's white patch" \
    "$tmp/err" || fail "no over-white flag: $(cat "$tmp/err")"
grep -q "rect:0,0,100,100: flagged" "$tmp/err" && fail "the skin region flagged"
echo "ok: over_white 1, 0 and 0.4 where the scene is 100 %, 0 % and 40 % above the white patch"
# smp-match reads the column and flags the recommendation.
awk -F'\t' 'NR == 1 || $2 != "rect:530,0,60,400"' "$tmp/o" |
    "$MATCH" -c "$SMP_SRCDIR/data/pigments.tsv" -k 1 - >"$tmp/m" 2>/dev/null ||
    fail "smp-match on the readings"
col flags <"$tmp/m" | sed -n 1p | grep -qv over-white || fail "the skin region flagged over-white"
# ... and carries the calibration's error and flags from the readings.
[ "$(col calib_de00 <"$tmp/m" | sort -u)" = "$(col calib_de00 <"$tmp/o" | sort -u)" ] ||
    fail "smp-match calib_de00 $(col calib_de00 <"$tmp/m" | sort -u), readings $(col calib_de00 <"$tmp/o" | sort -u)"
[ "$(col calib_flags <"$tmp/m" | sort -u)" = "$(col calib_flags <"$tmp/o" | sort -u)" ] ||
    fail "smp-match calib_flags $(col calib_flags <"$tmp/m" | sort -u)"
col flags <"$tmp/m" | sed -n 2p | grep -q over-white || fail "no over-white flag: $(col flags <"$tmp/m")"
echo "ok: smp-match flags over-white on the region above the white patch only"
exit 0
