#!/bin/sh
# A CMYK (YCCK, Adobe-inverted) JPEG through its embedded 557 kB profile
# split over 18 APP2 markers: agreement with transicc on the same samples.
. "$SMP_SRCDIR/tests/cli/common.sh"
need_shared
need_cmd transicc
need_cmd jpgicc
f="$SMP_SHARED/jpeg/sharp/Channel_digital_image_CMYK_color.jpg"
[ -f "$f" ] || skip "$f missing"
jpgicc -s "$tmp/cmyk.icc" "$f" "$tmp/junk.jpg" >/dev/null 2>&1
[ -s "$tmp/cmyk.icc" ] || fail "profile not extracted by jpgicc"
for r in "100 80 16 16" "300 200 24 12"; do
	set -- $r
	want=$("$SMP_BUILDDIR/tests/tools/jpeg-cmyk" "$f" $1 $2 $3 $4 |
	    transicc -t1 -n -i "$tmp/cmyk.icc" -o '*Lab' 2>/dev/null |
	    awk '{ L += $1; a += $2; b += $3; n++ }
		END { printf "%.4f %.4f %.4f\n", L / n, a / n, b / n }')
	"$SAMPLE" --stat mean -r "rect:$1,$2,$3,$4" "$f" >"$tmp/o" || fail "exit $?"
	assert_de00 "$(lab_of "$tmp/o" 1)" "$want" 0.05 "CMYK JPEG rect $r"
done
# Without a profile a CMYK image cannot be measured; -p supplies one.
g="$SMP_SHARED/jpeg/sharp/Channel_digital_image_CMYK_color_no_profile.jpg"
"$SAMPLE" "$g" >/dev/null 2>"$tmp/err"
[ $? -eq 2 ] || fail "CMYK without profile accepted"
grep -q "CMYK image without an embedded profile" "$tmp/err" || fail "message"
"$SAMPLE" -p "$tmp/cmyk.icc" -r rect:100,80,16,16 "$g" >"$tmp/o" || fail "-p CMYK exit $?"
exit 0
