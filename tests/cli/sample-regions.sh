#!/bin/sh
# rect and circle regions read only their own pixels; several -r give
# several rows in order.
. "$SMP_SRCDIR/tests/cli/common.sh"
"$RENDER" -d 16 200 120 "$tmp/r.png" <<'S'
bg 70 8 14
rect 20 30 40 20 35 20 10
circle 150 60 25 50 -10 -20
S
"$SAMPLE" -r rect:20,30,40,20 -r circle:150,60,20 -r rect:100,100,10,10 \
    "$tmp/r.png" >"$tmp/o" || fail "exit $?"
[ "$(wc -l <"$tmp/o")" -eq 4 ] || fail "want 3 rows"
assert_de00 "$(lab_of "$tmp/o" 1)" "35 20 10" 0.05 "rect patch"
assert_de00 "$(lab_of "$tmp/o" 2)" "50 -10 -20" 0.05 "circle patch"
assert_de00 "$(lab_of "$tmp/o" 3)" "70 8 14" 0.05 "background"
[ "$(sed -n 2p "$tmp/o" | col n 2>/dev/null)" = "" ] || true
n=$(awk -F'\t' 'NR==2{print $4}' "$tmp/o")
[ "$n" -eq 800 ] || fail "rect n $n, want 800"
# A circle of radius 20 holds about pi*400 = 1257 pixel centres.
n=$(awk -F'\t' 'NR==3{print $4}' "$tmp/o")
assert_num "$n" ">=" 1230 "circle n"
assert_num "$n" "<=" 1285 "circle n"
# The region column echoes the spec.
[ "$(awk -F'\t' 'NR==3{print $2}' "$tmp/o")" = "circle:150,60,20" ] || fail "label"
exit 0
