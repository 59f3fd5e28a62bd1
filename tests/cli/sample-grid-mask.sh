#!/bin/sh
# grid:COLSxROWS gives one row per tile, row-major; mask:FILE selects the
# mask's non-zero pixels.
. "$SMP_SRCDIR/tests/cli/common.sh"
"$RENDER" -d 16 90 60 "$tmp/q.png" <<'S'
rect 0 0 30 30 40 10 10
rect 30 0 30 30 50 -5 20
rect 60 0 30 30 60 0 -15
rect 0 30 30 30 70 15 5
rect 30 30 30 30 80 2 30
rect 60 30 30 30 30 5 5
S
"$SAMPLE" -r grid:3x2 "$tmp/q.png" >"$tmp/o" || fail "exit $?"
[ "$(wc -l <"$tmp/o")" -eq 7 ] || fail "want 6 tiles"
i=1
for lab in "40 10 10" "50 -5 20" "60 0 -15" "70 15 5" "80 2 30" "30 5 5"; do
	assert_de00 "$(lab_of "$tmp/o" $i)" "$lab" 0.05 "tile $i"
	i=$((i + 1))
done
[ "$(awk -F'\t' 'NR==3{print $2}' "$tmp/o")" = "grid:3x2:1,0" ] || fail "tile label"
# Mask: white disc on black, the size of the image.
"$RENDER" -d 8 90 60 "$tmp/m.png" <<'S'
bg 0 0 0
rect 62 32 20 20 100 0 0
S
"$SAMPLE" -r "mask:$tmp/m.png" "$tmp/q.png" >"$tmp/o" || fail "mask exit $?"
assert_de00 "$(lab_of "$tmp/o" 1)" "30 5 5" 0.05 "mask"
[ "$(awk -F'\t' 'NR==2{print $4}' "$tmp/o")" -eq 400 ] || fail "mask n"
# A mask of the wrong size is an error naming both sizes.
"$RENDER" 10 10 "$tmp/small.png" </dev/null
"$SAMPLE" -r "mask:$tmp/small.png" "$tmp/q.png" 2>"$tmp/err" >/dev/null
[ $? -eq 2 ] || fail "wrong-size mask accepted"
grep -q "is 10x10, the image is 90x60" "$tmp/err" || fail "mask message"
exit 0
