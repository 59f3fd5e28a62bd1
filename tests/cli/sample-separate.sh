#!/bin/sh
# --separate: skin and dot rows on a shaved scalp with SMP dots, on skin
# with stubble, and on plain skin (where almost nothing is a dot).
. "$SMP_SRCDIR/tests/cli/common.sh"
# Light skin with carbon dots: 10 px pitch, radius 2.5 (about 19% cover).
"$RENDER" -d 16 -n 0.8 200 200 "$tmp/smp.png" <<'S'
bg 66 9 12
dots 10 2.5 45 -1 -5
S
"$SAMPLE" -S "$tmp/smp.png" >"$tmp/o" || fail "exit $?"
[ "$(col class <"$tmp/o" | tr '\n' ' ')" = "skin dot " ] || fail "classes"
assert_de00 "$(lab_of "$tmp/o" 1)" "66 9 12" 0.3 "SMP skin"
assert_de00 "$(lab_of "$tmp/o" 2)" "45 -1 -5" 0.5 "SMP dots"
frac=$(awk -F'\t' 'NR==3{print $5}' "$tmp/o")
assert_num "$frac" ">" 0.15 "dot share"
assert_num "$frac" "<" 0.23 "dot share"
[ "$(awk -F'\t' 'NR==3{print $16}' "$tmp/o")" = undefined ] || fail "dot ITA must be undefined (b* < 0)"
# Dark skin, dark dots: less contrast.
"$RENDER" -d 16 -n 0.8 200 200 "$tmp/dark.png" <<'S'
bg 37 12 17
dots 10 2.5 28 1 5
S
"$SAMPLE" -S "$tmp/dark.png" >"$tmp/o" || fail "exit $?"
assert_de00 "$(lab_of "$tmp/o" 1)" "37 12 17" 0.3 "dark skin"
assert_de00 "$(lab_of "$tmp/o" 2)" "28 1 5" 0.5 "dark dots"
[ "$(awk -F'\t' 'NR==2{print $16}' "$tmp/o")" = dark ] || fail "skin ITA class"
# Stubble: short dark-brown strokes, 1-2 px wide.
{
	echo "bg 60 11 16"
	y=3
	while [ $y -lt 190 ]; do
		x=$(( (y * 7) % 13 + 2 ))
		while [ $x -lt 190 ]; do
			echo "rect $x $y 2 6 22 4 6"
			x=$((x + 14))
		done
		y=$((y + 11))
	done
} | "$RENDER" -d 16 -n 0.8 200 200 "$tmp/stubble.png"
"$SAMPLE" -S "$tmp/stubble.png" >"$tmp/o" || fail "exit $?"
assert_de00 "$(lab_of "$tmp/o" 1)" "60 11 16" 0.3 "stubble skin"
assert_de00 "$(lab_of "$tmp/o" 2)" "22 4 6" 0.5 "stubble hair"
# Plain skin: under 1% called dots.
echo "bg 60 11 16" | "$RENDER" -d 16 -n 1.5 200 200 "$tmp/plain.png"
"$SAMPLE" -S "$tmp/plain.png" >"$tmp/o" || fail "exit $?"
frac=$(awk -F'\t' 'NR==3{print $5}' "$tmp/o")
assert_num "$frac" "<" 0.01 "plain skin dot share"
assert_de00 "$(lab_of "$tmp/o" 1)" "60 11 16" 0.1 "plain skin"
exit 0
