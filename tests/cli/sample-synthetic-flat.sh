#!/bin/sh
# Flat patches rendered from known Lab (D50) through sRGB by lcms2 in the
# test tool must read back as that Lab; 16-bit within dE00 0.05.
. "$SMP_SRCDIR/tests/cli/common.sh"
for lab in "55 18 22" "30 5 8" "80 4 12" "45 -2 -6" "20 0.5 1" "95 0 0"; do
	echo "bg $lab" | "$RENDER" -d 16 -t srgb 48 48 "$tmp/p16.png"
	"$SAMPLE" --stat mean "$tmp/p16.png" >"$tmp/o16" || fail "exit $?"
	assert_de00 "$(lab_of "$tmp/o16" 1)" "$lab" 0.05 "16-bit sRGB $lab"
	[ "$(col profile_source <"$tmp/o16")" = srgb-chunk ] || fail "source"
	echo "bg $lab" | "$RENDER" -d 8 48 48 "$tmp/p8.png"
	"$SAMPLE" --stat mean "$tmp/p8.png" >"$tmp/o8" || fail "exit $?"
	assert_de00 "$(lab_of "$tmp/o8" 1)" "$lab" 0.5 "8-bit sRGB $lab"
	[ "$(col profile_source <"$tmp/o8")" = assumed-srgb ] || fail "source"
	[ "$(col white <"$tmp/o8")" = D50 ] || fail "white column"
done
# Greyscale: neutral Lab through a grey sRGB-curve encoding.
echo "bg 62 0 0" | "$RENDER" -g -d 16 48 48 "$tmp/g.png"
"$SAMPLE" "$tmp/g.png" >"$tmp/og" || fail "grey exit $?"
assert_de00 "$(lab_of "$tmp/og" 1)" "62 0 0" 0.05 "16-bit grey"
# --white d65: the expected value is the D50 Lab adapted by lcms2 directly.
echo "bg 55 18 22" | "$RENDER" -d 16 48 48 "$tmp/p.png"
"$SAMPLE" --white d65 "$tmp/p.png" >"$tmp/o65" || fail "d65 exit $?"
want=$(echo "55 18 22" | "$DE00" -a)
assert_de00 "$(lab_of "$tmp/o65" 1)" "$want" 0.05 "D65 adaptation"
[ "$(col white <"$tmp/o65")" = D65 ] || fail "white column D65"
# ITA is computed from D65 Lab in both cases (the skin-colour literature
# reports ITA from D65 measurements).
i50=$("$SAMPLE" "$tmp/p.png" | col ita)
i65=$(col ita <"$tmp/o65")
[ "$i50" = "$i65" ] || fail "ITA differs between whites: $i50 vs $i65"
exp=$(echo "$want" | awk '{ printf "%.2f", atan2($1 - 50, $3) * 180 / 3.14159265358979 }')
assert_num "$i65" "<=" "$(awk -v e="$exp" 'BEGIN{print e + 0.02}')" "ITA upper"
assert_num "$i65" ">=" "$(awk -v e="$exp" 'BEGIN{print e - 0.02}')" "ITA lower"
exit 0
