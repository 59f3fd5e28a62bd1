#!/bin/sh
# smp-fade --fit checks itself, on series the test makes from the model's
# own forward predictions (known truth):
# - due now: a series whose latest reading is past the criterion says
#   "due" with that reading's date, never a later one;
# - darkening: the healed dots of three clients of lighter to darker skin
#   fed in as one series (each darker than the last) are flagged, with no
#   touch-up date and exit 1, the row still printed;
# - lack of fit: a series whose middle reading is another area's (2.5
#   dE00 off) is flagged, no date, exit 1;
# - regions and classes: a series with two regions is refused (exit 2,
#   the message says how to group) unless --region picks one or
#   --any-region takes both; dots and whole-area rows are refused;
# - singular and plural in the messages.
. "$SMP_SRCDIR/tests/cli/common.sh"
S="--start 2026-03-01"
P="--pigment smp-neutral-black --skin 62,11,16"
"$FADE" $P $S --step 12 --years 6 --no-touchups -H >"$tmp/fw" ||
    fail "forward run"
truth=$("$FADE" $P $S --summary -H --draws 0 | cut -f9)
# the healed row and yearly readings as a series
series() {	# years... -> date L a b rows
	printf 'date\tL\ta\tb\n'
	awk -F'\t' '$14 == "healed" { printf "%s\t%s\t%s\t%s\n", $4, $5, $6, $7 }' \
	    "$tmp/fw"
	for y in "$@"; do
		awk -F'\t' -v d="$y-03-01" '$4 == d && $14 == "step" {
		    printf "%s\t%s\t%s\t%s\n", $4, $5, $6, $7 }' "$tmp/fw"
	done
}

# Due now: readings to 2031, past the true touch-up ($truth).
series 2028 2029 2030 2031 >"$tmp/due.tsv"
"$FADE" $P $S --fit "$tmp/due.tsv" >"$tmp/o" 2>"$tmp/e" ||
    fail "due series: exit $?"
[ "$(col flags <"$tmp/o")" = due ] || fail "flag due: $(cat "$tmp/o")"
[ "$(col touchup_date <"$tmp/o")" = 2031-03-01 ] ||
    fail "due at the latest reading: $(col touchup_date <"$tmp/o")"
[ "$(col touchup_late <"$tmp/o")" = 2031-03-01 ] || fail "no later date"
grep -q "flagged due: the reading of 2031-03-01 is already past" "$tmp/e" ||
    fail "due message: $(cat "$tmp/e")"
echo "ok: due at 2031-03-01 (the model's own touch-up $truth)"
# Not yet due: readings to 2029 give a date after the last reading.
series 2028 2029 >"$tmp/early.tsv"
"$FADE" $P $S --fit "$tmp/early.tsv" >"$tmp/o" || fail "early series"
[ -z "$(col flags <"$tmp/o")" ] || fail "flags: $(col flags <"$tmp/o")"
d=$(col touchup_date <"$tmp/o")
[ "$d" \> 2029-03-01 ] || fail "touch-up $d after the last reading"
echo "ok: not yet due: touch-up $d"

# Darkening: three clients' healed dots, lighter skin first.
i=0
for sk in 70,8,15 60,11,17 45,13,19; do
	i=$((i + 1))
	"$FADE" --pigment smp-neutral-black --skin "$sk" $S --summary -H \
	    --draws 0 | awk -F'\t' -v y=$((2026 + i)) '{
	    printf "%d-06-01\t%s\t%s\t%s\n", y, $14, $15, $16 }'
done >"$tmp/rows"
{ printf 'date\tL\ta\tb\n'; cat "$tmp/rows"; } >"$tmp/three.tsv"
"$FADE" $P --fit "$tmp/three.tsv" >"$tmp/o" 2>"$tmp/e"
[ $? -eq 1 ] || fail "three clients should exit 1"
col flags <"$tmp/o" | grep -qE 'darkening|lack-of-fit' ||
    fail "three clients flagged: $(cat "$tmp/o")"
[ -z "$(col touchup_date <"$tmp/o")" ] || fail "no date from such a fit"
[ "$(col n_used <"$tmp/o")" -eq 3 ] || fail "the row is still printed"
grep -q "flagged darkening: .*the dots are not fading" "$tmp/e" ||
    fail "darkening message: $(cat "$tmp/e")"
echo "ok: three clients: $(col flags <"$tmp/o"), k $(col k_per_year <"$tmp/o")"
"$FADE" $P --fit "$tmp/three.tsv" --ics "$tmp/x.ics" >/dev/null 2>"$tmp/e"
[ $? -eq 1 ] && [ ! -e "$tmp/x.ics" ] || fail "no reminder from a flagged fit"
grep -q "no reminder written: the fit is flagged" "$tmp/e" || fail "$(cat "$tmp/e")"

# Lack of fit: one reading moved 2.5 dE00 (lighter, as another area).
series 2027 2028 2029 >"$tmp/base.tsv"
awk -F'\t' 'NR == 3 { $2 = $2 + 3.5 } { print }' OFS='\t' "$tmp/base.tsv" \
    >"$tmp/off.tsv"
"$FADE" $P $S --fit "$tmp/off.tsv" >"$tmp/o" 2>"$tmp/e"
[ $? -eq 1 ] || fail "off-curve series should exit 1"
col flags <"$tmp/o" | grep -q lack-of-fit || fail "lack-of-fit: $(cat "$tmp/o")"
assert_num "$(col rms_off_de00 <"$tmp/o")" ">" 1 "rms off the curve"
[ -z "$(col touchup_date <"$tmp/o")" ] || fail "no date from a poor fit"
grep -q "flagged lack-of-fit: the readings are" "$tmp/e" || fail "$(cat "$tmp/e")"
"$FADE" $P $S --fit "$tmp/base.tsv" >"$tmp/o" || fail "the same series unmoved"
assert_num "$(col rms_off_de00 <"$tmp/o")" "<" 0.05 "noise-free rms off"

# Regions: two treated areas in one file.
awk -F'\t' 'NR > 1 { for (r = 1; r <= 2; r++)
    printf "f\tr%d\tdot\t%s\t%s\t%s\tD50\t%s\n", r, $2 + r - 1, $3, $4, $1 }' \
    "$tmp/base.tsv" | { printf 'file\tregion\tclass\tL\ta\tb\twhite\tdate\n'; cat; } \
    >"$tmp/two.tsv"
"$FADE" $P $S --fit "$tmp/two.tsv" >"$tmp/o" 2>"$tmp/e"
[ $? -eq 2 ] || fail "two regions should exit 2"
grep -q "two.tsv:3: region r2 after region r1: one series is one treated area (--region picks one, --any-region takes them all)" "$tmp/e" ||
    fail "region message: $(cat "$tmp/e")"
"$FADE" $P $S --fit "$tmp/two.tsv" --region r1 >"$tmp/o" || fail "--region r1"
[ "$(col n_used <"$tmp/o")" -eq 4 ] || fail "--region r1 uses its 4 readings"
assert_num "$(col rms_off_de00 <"$tmp/o")" "<" 0.05 "--region r1 is the true series"
"$FADE" $P $S --fit "$tmp/two.tsv" --any-region >"$tmp/o" 2>/dev/null
[ "$(col n_used <"$tmp/o")" -eq 8 ] || fail "--any-region takes all 8"
"$FADE" $P $S --fit "$tmp/two.tsv" --region r3 >/dev/null 2>"$tmp/e"
[ $? -eq 2 ] && grep -q "no dots of region r3" "$tmp/e" || fail "unknown region"
"$FADE" $P $S --region r1 >/dev/null 2>"$tmp/e"
[ $? -eq 2 ] && grep -q "choose the dots of a --fit series" "$tmp/e" ||
    fail "--region without --fit"
# Classes: dots and whole-area rows.
awk -F'\t' 'NR == 1 { print; next } $2 == "r1" { if (++n == 2) $3 = "all"
    print }' OFS='\t' "$tmp/two.tsv" >"$tmp/cls.tsv"
"$FADE" $P $S --fit "$tmp/cls.tsv" >/dev/null 2>"$tmp/e"
[ $? -eq 2 ] && grep -q "the dots alone and the whole area are not one series" \
    "$tmp/e" || fail "classes: $(cat "$tmp/e")"

# Singular and plural.
series 2027 >"$tmp/one.tsv"
"$FADE" $P $S --fit "$tmp/one.tsv" >/dev/null 2>"$tmp/e"
grep -q "1 usable follow-up after the baseline; fitting a rate needs at least 2" \
    "$tmp/e" || fail "singular: $(cat "$tmp/e")"
"$FADE" $P $S --years 1 --ics "$tmp/y.ics" >/dev/null 2>"$tmp/e"
grep -q "no touch-up within 1 year$" "$tmp/e" || fail "1 year: $(cat "$tmp/e")"
"$FADE" $P $S --years 2 --ics "$tmp/y.ics" >/dev/null 2>"$tmp/e"
grep -q "no touch-up within 2 years$" "$tmp/e" || fail "2 years: $(cat "$tmp/e")"
