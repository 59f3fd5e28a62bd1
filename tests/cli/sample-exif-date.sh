#!/bin/sh
# The date column: each JPEG's EXIF DateTimeOriginal, else DateTime, as
# ImageMagick's identify reads them, over every JPEG of the shared data
# that smp-sample opens; --date overrides; PNG and EXIF-less JPEG give an
# empty field; the column feeds smp-fade --fit.
. "$SMP_SRCDIR/tests/cli/common.sh"
echo "bg 50 0 0" | "$RENDER" 16 16 "$tmp/p.png"
echo "bg 50 0 0" | "$RENDER" 16 16 "$tmp/p.jpg"
"$SAMPLE" -H "$tmp/p.png" "$tmp/p.jpg" >"$tmp/o" || fail "sample"
[ "$(cut -f25 "$tmp/o" | tr '\n' ' ')" = "  " ] || fail "no date expected"
"$SAMPLE" --date 2026-02-03 "$tmp/p.png" | col date | grep -qx 2026-02-03 ||
    fail "--date"
"$SAMPLE" --date 2026-02-30 "$tmp/p.png" >/dev/null 2>&1
[ $? -eq 2 ] || fail "bad --date should exit 2"

# A dated series through smp-fade --fit (dates given with --date): photos
# of the dots smp-fade itself predicts a year, two and three on.
"$FADE" --pigment smp-neutral-black --dilution 6 --skin 62,11,16 \
    --start 2025-06-01 \
    --step 12 --years 3 --no-touchups >"$tmp/fw" || fail "forward run"
for y in 2026 2027 2028; do
	lab=$(awk -F'\t' -v d="$y-06-01" '$4 == d && $14 == "step" {
	    print $5, $6, $7 }' "$tmp/fw")
	[ -n "$lab" ] || fail "no predicted dot for $y"
	echo "bg $lab" | "$RENDER" 16 16 "$tmp/d$y.png"
	"$SAMPLE" -H --date "$y-06-01" "$tmp/d$y.png"
done >"$tmp/ser"
{ "$SAMPLE" "$tmp/d2026.png" | head -1; cat "$tmp/ser"; } >"$tmp/ser.tsv"
"$FADE" --pigment smp-neutral-black --dilution 6 --skin 62,11,16 \
    --fit "$tmp/ser.tsv" \
    >"$tmp/fit" || fail "smp-fade --fit on smp-sample output"
[ "$(col n_used <"$tmp/fit")" -eq 3 ] || fail "three dated readings"

need_shared
command -v identify >/dev/null 2>&1 || skip "ImageMagick identify not installed"
n=0
for f in $(find "$SMP_SHARED/jpeg" -name '*.jpg' | sort); do
	"$SAMPLE" -H "$f" >"$tmp/one" 2>/dev/null || continue
	got=$(head -1 "$tmp/one" | cut -f25)
	want=$(identify -format '%[EXIF:DateTimeOriginal]\n' "$f" 2>/dev/null |
	    head -1)
	[ -n "$want" ] || want=$(identify -format '%[EXIF:DateTime]\n' "$f" \
	    2>/dev/null | head -1)
	want=$(echo "$want" | sed -n 's/^\([0-9]\{4\}\):\([0-9][0-9]\):\([0-9][0-9]\).*/\1-\2-\3/p')
	[ "$got" = "$want" ] || fail "$f: date '$got', identify says '$want'"
	[ -n "$got" ] && n=$((n + 1))
done
assert_num "$n" ">=" 2 "JPEGs with an EXIF date checked against identify"
