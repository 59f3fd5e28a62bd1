#!/bin/sh
# smp-fade's 95 % touch-up interval on predictions: 40 clients the test
# draws itself from the spreads smp-fade(1) states (healing retention
# 0.67 +- 0.075, k_bio 0.42 x e^(0.25 z), the photolabilities x e^(0.7 z)
# as a factor on the UV dose, depth 25 +- 25 um, strength e^(0.40 z)),
# each one's true touch-up computed with those values set exactly (and no
# draws); the prediction's interval at the defaults holds at least 34 of
# them (nominal 38), and is not a blanket (at most 10 years wide).  A test
# patch's narrower depth and strength intervals narrow it.  Every row of
# a prediction carries the same interval as its summary; --draws 0 leaves
# it empty; the interval is the same on every run.
. "$SMP_SRCDIR/tests/cli/common.sh"
S="--start 2026-03-01"
P="--pigment smp-neutral-black --skin 62,11,16 --years 15"
days() { echo $(($(date -u -d "$1" +%s) / 86400)); }
years() { awk -v a="$(days 2026-03-01)" -v b="$(days "$1")" \
    'BEGIN { printf "%.4f", (b - a) / 365.2425 }'; }

"$FADE" $P $S --summary >"$tmp/s" || fail "prediction"
e=$(col touchup_early <"$tmp/s")
l=$(col touchup_late <"$tmp/s")
[ -n "$e" ] && [ -n "$l" ] || fail "interval: '$e' '$l'"
ye=$(years "$e")
yl=$(years "$l")
tu=$(col touchup_years <"$tmp/s")
echo "prediction: $tu years, 95 % $ye to $yl ($e to $l)"
assert_num "$ye" "<" "$tu" "early end before the touch-up"
assert_num "$yl" ">" "$tu" "late end after it"
assert_num "$(awk -v a="$ye" -v b="$yl" 'BEGIN { print b - a }')" "<=" 10 \
    "interval width, years"

awk 'BEGIN { srand(20261203)
	for (i = 0; i < 40; i++) {
		for (j = 0; j < 5; j++)
			z[j] = sqrt(-2 * log(1 - rand())) * cos(6.283185307 * rand())
		h = 0.67 + 0.075 * z[0]; if (h < 0.05) h = 0.05; if (h > 1) h = 1
		d = 25 + 25 * z[3]; if (d < 0) d = 0
		printf "%.4f %.4f %.2f %.2f %.4f\n", h, 0.42 * exp(0.25 * z[1]),
		    150 * exp(0.7 * z[2]), d, exp(0.40 * z[4])
	} }' >"$tmp/truths"
in=0
n=0
while read -r h k uv d st; do
	t=$("$FADE" $P $S --summary -H --draws 0 --retention "$h" --k-bio "$k" \
	    --uv "$uv" --depth "$d" --strength "$st" </dev/null | cut -f8) ||
	    fail "truth run"
	n=$((n + 1))
	if [ -z "$t" ]; then
		# beyond the horizon: inside only if the interval reaches it
		[ -z "$l" ] && in=$((in + 1))
		continue
	fi
	awk -v t="$t" -v a="$ye" -v b="$yl" 'BEGIN { exit !(t >= a && t <= b) }' &&
	    in=$((in + 1))
	echo "$t" >>"$tmp/tus"
done <"$tmp/truths"
[ "$n" -eq 40 ] || fail "40 clients drawn"
echo "true touch-ups from $(sort -g "$tmp/tus" | head -1) to $(sort -g "$tmp/tus" | tail -1) years"
assert_num "$in" ">=" 34 "clients inside the 95 % interval, of 40"

# A test patch's intervals (depth 20-30 um, strength 0.8-1.25) narrow it.
"$FADE" $P $S --summary --depth-interval 20,30 --strength-interval 0.8,1.25 \
    >"$tmp/p" || fail "with a test patch"
pe=$(years "$(col touchup_early <"$tmp/p")")
pl=$(years "$(col touchup_late <"$tmp/p")")
assert_num "$(awk -v a="$pe" -v b="$pl" -v c="$ye" -v d="$yl" \
    'BEGIN { print (b - a) / (d - c) }')" "<" 0.8 \
    "patch interval $pe-$pl over the default's $ye-$yl"

# The rows carry it; --draws 0 leaves it empty; deterministic.
"$FADE" $P $S >"$tmp/rows" || fail "rows"
[ "$(col touchup_early <"$tmp/rows" | sort -u)" = "$e" ] || fail "rows' early"
[ "$(col touchup_late <"$tmp/rows" | sort -u)" = "$l" ] || fail "rows' late"
"$FADE" $P $S --summary --draws 0 >"$tmp/z" || fail "--draws 0"
[ -z "$(col touchup_early <"$tmp/z")$(col touchup_late <"$tmp/z")" ] ||
    fail "--draws 0 has no interval"
"$FADE" $P $S --summary >"$tmp/s2"
cmp -s "$tmp/s" "$tmp/s2" || fail "interval differs between runs"
bad() {
	"$FADE" $P $S "$@" >/dev/null 2>"$tmp/e"
	[ $? -eq 2 ] || fail "exit 2 expected: $*"
	echo "ok: $* -> $(cat "$tmp/e")"
}
bad --depth-interval 30,20
bad --strength-interval 0,1
bad --depth-interval 20
bad --draws -1
bad --contrast-loss 1.5
bad --criterion sometimes
