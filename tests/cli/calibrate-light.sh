#!/bin/sh
# A chart lit unevenly (tests/tools/render-chart -L: a known linear
# falloff in illuminance across the chart) is flagged uneven-light, and
# the summary's light_falloff recovers the falloff the test rendered,
# on a plain camera and on one with a highlight shoulder; an evenly lit
# chart is not flagged.  Truth: illuminance 1 - GX (u - 2.5) / 5 -
# GY (v - 1.5) / 3 over patch columns u 0..5 and rows v 0..3, so the
# patch centres see 1 +- (|GX| + |GY|) / 2 and the falloff is
# 1 - (1 - a) / (1 + a), a = (|GX| + |GY|) / 2.  The estimate is held to
# 0.05 of it: it reads up to 0.035 high on these cameras, the tone curve
# fitted through the greys having taken up the light that fell on them.
. "$SMP_SRCDIR/tests/cli/common.sh"
need_shared
REF="$SMP_SHARED/colorchecker/xrite_classic24_after_nov2014_lab_d50__colour.csv"
CHART="$SMP_BUILDDIR/tests/tools/render-chart"
# camera GX,GY flagged(0/1)
n=0
# The cases come on descriptor 3: stdin stays the tools' own.
while read -r cam light flagged <&3; do
	n=$((n + 1))
	[ -n "${SMP_VALGRIND:-}" ] && [ $n -gt 2 ] && continue
	"$CHART" -C "$cam" -s 0.6 -n 0.5 -L "$light" "$REF" 800 600 \
	    "$tmp/c.png" || fail "$cam $light: render"
	"$CAL" --json -o "$tmp/o.icc" "$tmp/c.png" >"$tmp/out" 2>"$tmp/err" ||
	    fail "$cam $light: exit $?: $(cat "$tmp/err")"
	got=$(sed -n 's/.*"light_falloff":\([0-9.]*\).*/\1/p' "$tmp/out")
	[ -n "$got" ] || fail "$cam $light: no light_falloff in the summary"
	want=$(echo "$light" | awk -F, '{ x = $1 < 0 ? -$1 : $1
	    y = $2 < 0 ? -$2 : $2; a = (x + y) / 2
	    printf "%.4f\n", 1 - (1 - a) / (1 + a) }')
	assert_num "$(awk -v g="$got" -v w="$want" 'BEGIN { d = g - w;
	    print d < 0 ? -d : d }')" "<" 0.05 \
	    "$cam $light: light_falloff $got against the rendered $want"
	if [ "$flagged" = 1 ]; then
		grep -q '"flags":"[a-z,-]*uneven-light' "$tmp/out" ||
		    fail "$cam $light: not flagged: $(tail -1 "$tmp/out")"
		grep -q "c.png: flagged uneven-light: the light falls off by about [0-9]* % across the chart's patches (limit 10 %)" \
		    "$tmp/err" || fail "$cam $light: no warning: $(cat "$tmp/err")"
	else
		grep -q 'uneven-light' "$tmp/out" "$tmp/err" &&
		    fail "$cam $light: flagged: $(cat "$tmp/err")"
	fi
done 3<<EOT
plain 0.25,0 1
plain 0,0 0
shoulder 0,0.2 1
shoulder 0,0 0
gamma -0.15,0.15 1
strong 0.05,0 0
EOT
# The flags travel with the calibration: smp-sample --chart puts them in
# calib_flags, smp-match --chart in its rows (and flags
# poor-calibration), and smp-match reading those readings flags it too.
pig="$SMP_SRCDIR/data/pigments.tsv"
for light in 0.25,0 0,0; do
	"$CHART" -T "$tmp/truth" -s 0.6 -n 0.5 -L "$light" "$REF" 800 600 \
	    "$tmp/u.png" || fail "render $light"
	# the light-skin patch (2) as the client's skin
	reg=$(awk '$1 == 2 { printf "rect:%d,%d,20,20", $2 - 10, $3 - 10 }' \
	    "$tmp/truth")
	want=uneven-light poor=1
	[ "$light" = 0,0 ] && want=- poor=0
	"$SAMPLE" --chart -r "$reg" "$tmp/u.png" >"$tmp/r.tsv" 2>"$tmp/err" ||
	    fail "$light: smp-sample: $(cat "$tmp/err")"
	got=$(col calib_flags <"$tmp/r.tsv" | tail -1)
	[ "$got" = "$want" ] || fail "$light: smp-sample calib_flags '$got', want $want"
	"$MATCH" -c "$pig" --hair black "$tmp/r.tsv" >"$tmp/m1" 2>"$tmp/err" ||
	    [ $? -eq 1 ] || fail "$light: smp-match readings: $(cat "$tmp/err")"
	"$MATCH" -c "$pig" --hair black --chart -r "$reg" "$tmp/u.png" \
	    >"$tmp/m2" 2>"$tmp/err" || [ $? -eq 1 ] ||
	    fail "$light: smp-match --chart: $(cat "$tmp/err")"
	got=$(col calib_flags <"$tmp/m2" | sort -u)
	[ "$got" = "$want" ] || fail "$light: smp-match calib_flags '$got', want $want"
	for m in m1 m2; do
		n=$(col flags <"$tmp/$m" | grep -c 'poor-calibration')
		[ "$poor" = 1 ] && [ "$n" -eq 0 ] &&
		    fail "$light: $m: no poor-calibration flag"
		[ "$poor" = 0 ] && [ "$n" -ne 0 ] &&
		    fail "$light: $m: poor-calibration on an even light"
	done
done
exit 0
