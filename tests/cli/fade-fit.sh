#!/bin/sh
# smp-fade --fit: series rendered through the model with a known rate
# (k 0.20/yr), yearly follow-ups with measurement noise of RMS 0.5 dE00
# (scaled with lcms2's CIEDE2000, through the ciede2000 test tool), recover
# the rate within 10 % (median over 25 seeds) and the touch-up date within
# half a year, and the rate's 95 % interval holds the true rate, the
# touch-up interval the true touch-up, in at least 22 of the 25 (nominal
# 23.75); readings before the healed baseline are not used; fewer than 2
# follow-ups are refused.
. "$SMP_SRCDIR/tests/cli/common.sh"
S="--start 2026-03-01"
K=0.20
# At 1:6 (mu550 about 90 cm^-1) the deposit is near its saturation knee,
# where a loss shows.
P="--pigment smp-neutral-black --dilution 6 --skin 62,11,16"
"$FADE" $P $S --k-bio $K --uv 0 --step 1 --years 6 --no-touchups >"$tmp/fw" ||
    fail "forward run"
truth=$("$FADE" $P $S --k-bio $K --uv 0 --years 20 --summary -H | cut -f9)
[ -n "$truth" ] || fail "no forward touch-up"
# healed baseline (84 days after the start), a reading during treatment
# (ignored), then yearly follow-ups.
awk -F'\t' 'NR > 1 && ($14 == "healed" || ($14 == "step" &&
    ($4 ~ /^2026-04-01|^2027-03-01|^2028-03-01|^2029-03-01|^2030-03-01/))) {
	print $4, $5, $6, $7 }' "$tmp/fw" >"$tmp/clean"
[ "$(wc -l <"$tmp/clean")" -eq 6 ] || fail "series rows: $(cat "$tmp/clean")"

days() { echo $(($(date -u -d "$1" +%s) / 86400)); }
seed=1
: >"$tmp/results"
while [ $seed -le 25 ]; do
	# a random direction per reading, then its length set so that the
	# offset's dE00 is RMS 0.5
	awk -v s=$seed 'BEGIN { srand(s) }
	function g() { return sqrt(-2 * log(1 - rand())) * cos(6.283185307 * rand()) }
	{ x = g(); y = g(); z = g(); n = sqrt(x*x + y*y + z*z)
	  m = 0.5 * n / sqrt(3)
	  print $1, $2, $3, $4, $2 + 0.1*x/n, $3 + 0.1*y/n, $4 + 0.1*z/n, m }' \
	    "$tmp/clean" >"$tmp/dir"
	awk '{ print $2, $3, $4, $5, $6, $7 }' "$tmp/dir" | "$DE00" >"$tmp/unit"
	{
		printf 'date\tL\ta\tb\n'
		paste -d' ' "$tmp/dir" "$tmp/unit" | awk '{ f = $8 / $9 * 0.1
		    printf "%s\t%.3f\t%.3f\t%.3f\n", $1, $2 + ($5 - $2) / 0.1 * f,
		    $3 + ($6 - $3) / 0.1 * f, $4 + ($7 - $4) / 0.1 * f }'
	} >"$tmp/series.tsv"
	"$FADE" $P $S --fit "$tmp/series.tsv" --years 20 -H >"$tmp/fit" ||
	    fail "fit, seed $seed"
	k=$(cut -f3 "$tmp/fit")
	n=$(cut -f2 "$tmp/fit")
	[ "$n" -eq 5 ] || fail "readings used: $n (the one during treatment counts?)"
	tu=$(cut -f10 "$tmp/fit")
	[ -n "$tu" ] || fail "seed $seed: no touch-up: $(cat "$tmp/fit")"
	kin=$(cut -f4,5 "$tmp/fit" | awk -v k=$K '{ print ($1 <= k && k <= $2) }')
	tin=$(cut -f11,12 "$tmp/fit" | awk -v t="$truth" '{ print ($1 <= t && t <= $2) }')
	echo "$k $(( $(days "$tu") - $(days "$truth") )) $kin $tin" >>"$tmp/results"
	seed=$((seed + 1))
done
kmed=$(cut -d' ' -f1 "$tmp/results" | sort -g | sed -n 13p)
dmed=$(cut -d' ' -f2 "$tmp/results" | sort -g | sed -n 13p)
assert_num "$(awk -v k="$kmed" -v t=$K 'BEGIN { d = k / t - 1; print d < 0 ? -d : d }')" \
    "<=" 0.10 "median fitted k $kmed vs $K"
assert_num "$(awk -v d="$dmed" 'BEGIN { print (d < 0 ? -d : d) / 365.25 }')" \
    "<=" 0.5 "median touch-up date error, years (truth $truth)"
assert_num "$(awk '{ n += $3 } END { print n }' "$tmp/results")" ">=" 22 \
    "seeds whose k interval holds $K, of 25"
assert_num "$(awk '{ n += $4 } END { print n }' "$tmp/results")" ">=" 22 \
    "seeds whose touch-up interval holds $truth, of 25"

# Without noise the rate is exact and its interval tight.
{ printf 'date\tL\ta\tb\n'; tr ' ' '\t' <"$tmp/clean"; } >"$tmp/exact.tsv"
"$FADE" $P $S --fit "$tmp/exact.tsv" --years 20 >"$tmp/fit" || fail "exact"
assert_num "$(col k_per_year <"$tmp/fit" | awk -v k=$K '{ d = $1 - k;
    print d < 0 ? -d : d }')" "<=" 0.0002 "noise-free k within 0.0002 of $K"
[ "$(col touchup_date <"$tmp/fit")" = "$truth" ] ||
    echo "note: noise-free touch-up $(col touchup_date <"$tmp/fit") vs $truth"
assert_num "$(( $(days "$(col touchup_date <"$tmp/fit")") - $(days "$truth") ))" \
    "<=" 3 "noise-free touch-up date within 3 days"

# smp-sample-like input: class column, a skin row gives the skin.
{
	printf 'file\tregion\tclass\tL\ta\tb\twhite\tdate\n'
	tr ' ' '\t' <"$tmp/clean" | awk -F'\t' '{ printf "f%d\tall\tdot\t%s\t%s\t%s\tD50\t%s\n", NR, $2, $3, $4, $1
	    printf "f%d\tall\tskin\t62\t11\t16\tD50\t%s\n", NR, $1 }'
} >"$tmp/sample.tsv"
"$FADE" --pigment smp-neutral-black --dilution 6 $S --fit "$tmp/sample.tsv" \
    --years 20 >"$tmp/fit2" || fail "smp-sample style series"
assert_num "$(col k_per_year <"$tmp/fit2" | awk -v k=$K '{ d = $1 - k;
    print d < 0 ? -d : d }')" "<=" 0.0002 "k from a class=dot series"

# Refusals: one follow-up; no date column.
head -4 "$tmp/exact.tsv" >"$tmp/short.tsv"
"$FADE" $P $S --fit "$tmp/short.tsv" >/dev/null 2>"$tmp/e"
[ $? -eq 2 ] || fail "one follow-up should exit 2"
grep -q "1 usable follow-up" "$tmp/e" || fail "message: $(cat "$tmp/e")"
grep -q "short.tsv" "$tmp/e" || fail "the file is named: $(cat "$tmp/e")"
printf 'L\ta\tb\n44\t-3\t-3\n' >"$tmp/nodate.tsv"
"$FADE" $P --fit "$tmp/nodate.tsv" >/dev/null 2>"$tmp/e"
[ $? -eq 2 ] || fail "no date should exit 2"
grep -q "nodate.tsv:2: no date" "$tmp/e" || fail "message: $(cat "$tmp/e")"
printf 'date\tL\ta\tb\n2026-13-01\t44\t-3\t-3\n' >"$tmp/baddate.tsv"
"$FADE" $P --fit "$tmp/baddate.tsv" >/dev/null 2>"$tmp/e"
[ $? -eq 2 ] || fail "bad date should exit 2"
grep -q "baddate.tsv:2:" "$tmp/e" || fail "message: $(cat "$tmp/e")"
