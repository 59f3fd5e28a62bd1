#!/bin/sh
# ICC-tagged images from ../shared/data: our mean Lab of a region must agree
# within dE00 0.05 with lcms2's transicc applied to the same pixels
# (decoded by djpeg or by the test's own PNG reader) with the embedded
# profile (extracted by jpgicc -s, or from iCCP by the PNG reader).
. "$SMP_SRCDIR/tests/cli/common.sh"
need_shared
need_cmd transicc
need_cmd jpgicc
need_cmd djpeg
need_cmd python3
PIX="python3 $SMP_SRCDIR/tests/tools/pixels.py"

# expected FILE PROFILE X Y W H: mean Lab by transicc, relative colorimetric.
expected() {
	case "$1" in
	*.jpg) djpeg -pnm "$1" >"$tmp/px.pnm" && src="$tmp/px.pnm" ;;
	*) src="$1" ;;
	esac
	$PIX "$src" "$3" "$4" "$5" "$6" |
	    transicc -t1 -n -i "$2" -o '*Lab' 2>/dev/null |
	    awk '{ L += $1; a += $2; b += $3; n++ }
		END { printf "%.4f %.4f %.4f\n", L / n, a / n, b / n }'
}

# png_icc FILE OUT: extract the iCCP profile with Python's zlib.
png_icc() {
	python3 - "$1" "$2" <<'PY'
import struct, sys, zlib
d = open(sys.argv[1], 'rb').read(); p = 8
while p < len(d):
    n, k = struct.unpack('>I4s', d[p:p + 8]); body = d[p + 8:p + 8 + n]
    if k == b'iCCP':
        z = body.index(b'\0')
        open(sys.argv[2], 'wb').write(zlib.decompress(body[z + 2:])); break
    p += 12 + n
PY
}

check() {	# FILE X Y W H WHAT
	f="$1"; shift
	case "$f" in
	*.jpg) jpgicc -s "$tmp/emb.icc" "$f" "$tmp/junk.jpg" >/dev/null 2>&1 ;;
	*) png_icc "$f" "$tmp/emb.icc" ;;
	esac
	[ -s "$tmp/emb.icc" ] || fail "$5: no embedded profile extracted"
	want=$(expected "$f" "$tmp/emb.icc" "$1" "$2" "$3" "$4")
	"$SAMPLE" --stat mean -r "rect:$1,$2,$3,$4" "$f" >"$tmp/o" || fail "$5: exit $?"
	[ "$(col profile_source <"$tmp/o")" = embedded ] || fail "$5: profile_source"
	assert_de00 "$(lab_of "$tmp/o" 1)" "$want" 0.05 "$5"
	rm -f "$tmp/emb.icc"
}
D="$SMP_SHARED"
check "$D/jpeg/libvips/sample.jpg" 100 150 24 24 "Adobe RGB JPEG"
check "$D/jpeg/libvips/sample.jpg" 3 5 17 9 "Adobe RGB JPEG, unaligned crop"
check "$D/jpeg/wide-gamut/P3-sRGB-color-bars.jpg" 40 40 32 32 "P3 JPEG"
check "$D/jpeg/wide-gamut/R2020-sRGB-color-bars.jpg" 300 200 16 16 "Rec.2020 JPEG"
check "$D/pngsuite/iccp/libjpeg-turbo_monkey16.png" 50 60 20 20 "16-bit PNG, sRGB2014 iCCP"
check "$D/pngsuite/iccp/sharp_prophoto.png" 0 0 1 1 "ProPhoto PNG (PCS illuminant not D50)"
check "$D/pngsuite/iccp/sharp_p3.png" 0 0 8 8 "Display P3 v4 PNG"
# A 16-bit ProPhoto PNG of known noise, rendered here, ProPhoto from shared.
"$RENDER" -e "$D/icc/argyll_ref/ProPhoto.icm" -t iccp -d 16 -n 2 64 64 "$tmp/pp.png" <<'S'
bg 55 18 22
S
check "$tmp/pp.png" 8 8 40 40 "16-bit ProPhoto PNG"
# A broken embedded profile is an error, not a silent fallback.
"$SAMPLE" "$D/pngsuite/iccp/pillow_icc_profile_none.png" >/dev/null 2>"$tmp/err"
[ $? -eq 2 ] || fail "broken iCCP accepted"
grep -q "pillow_icc_profile_none.png: embedded ICC profile is broken" "$tmp/err" ||
    fail "broken iCCP message: $(cat "$tmp/err")"
# -p overrides the embedded profile and says so.
"$SAMPLE" -p "$D/icc/argyll_ref/sRGB.icm" "$D/jpeg/libvips/sample.jpg" |
    col profile_source | grep -qx given || fail "-p source"
exit 0
