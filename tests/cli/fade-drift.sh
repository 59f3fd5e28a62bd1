#!/bin/sh
# The catalogue's words about fading against the model: every pigment's
# hue and chroma drift over 10 years at 300 SED/yr, without touch-ups, on
# a light and a dark measured skin (data/skin-colours.tsv: NIST subject 35,
# ITA 52, and IADR 2009 cluster 2, ITA -40), is what its description says
# (smp-fade --summary drift_de00, drift_dh, drift_dC: the dot against the
# dot of the same load in its healed proportions, the largest over the
# horizon):
#   "holds its hue as it fades"      drift_de00 < 0.5 on both skins
#   "turns greyer"                   drift_de00 >= 1 and drift_dC <= -0.5
#                                    on the light skin, dC < 0 on the dark
#   "... and less red" / "redder"    drift_dh >= 3 / <= -3 on the light skin
# Every description makes one of those claims and no other about blue or
# green, except the healed look of carbon ("blue-grey when shallow on
# light skin": healed b* < 0 on the light skin, not on the dark).  The
# seeds' "good SMP pigment does not fade to blue or green", for the carbon
# blacks: along the way the dot never moves towards -a* or -b* by 1 dE00
# or more from its healed colour, and at 10 years it is warmer than healed
# (a* and b* higher: it fades towards the skin).
. "$SMP_SRCDIR/tests/cli/common.sh"
skin() { awk -F'\t' -v n="$1" '$1 == n { print $4 "," $5 "," $6 }' \
    "$SMP_SRCDIR/data/skin-colours.tsv"; }
light=$(skin nist-subject-35)
dark=$(skin iadr-2009-cluster-2)
[ -n "$light" ] && [ -n "$dark" ] || fail "skins not in data/skin-colours.tsv"
S="--white d65 --uv 300 --years 10 --no-touchups --draws 0 --start 2027-01-01"
CAT="$SMP_SRCDIR/data/pigments.tsv"

awk -F'\t' '$1 == "pigment" { print $2 "\t" $5 }' "$CAT" >"$tmp/pigs"
[ "$(wc -l <"$tmp/pigs")" -ge 12 ] || fail "pigments in the catalogue"
while IFS='	' read -r pig desc; do
	for sk in "$light" "$dark"; do
		"$FADE" --pigment "$pig" --skin "$sk" $S --summary >"$tmp/s" ||
		    fail "$pig on $sk"
		printf '%s\t%s\t%s\t%s\t%s\n' "$(col drift_de00 <"$tmp/s")" \
		    "$(col drift_dh <"$tmp/s")" "$(col drift_dC <"$tmp/s")" \
		    "$(col healed_b <"$tmp/s")" "$(col drift_years <"$tmp/s")"
	done >"$tmp/d"
	set -- $(tr '\n' '\t' <"$tmp/d")
	l_de=$1 l_dh=$2 l_dc=$3 l_b=$4 l_t=$5 d_de=$6 d_dc=$8 d_b=$9
	echo "$pig: light drift $l_de (dh $l_dh, dC $l_dc at $l_t yr), dark $d_de (dC $d_dc): $desc"
	claims=0
	case $desc in
	*"holds its hue as it fades"*)
		claims=$((claims + 1))
		assert_num "$l_de" "<" 0.5 "$pig holds its hue on light skin"
		assert_num "$d_de" "<" 0.5 "$pig holds its hue on dark skin" ;;
	esac
	case $desc in
	*"turns greyer"*)
		claims=$((claims + 1))
		assert_num "$l_de" ">=" 1 "$pig: a drift one can see on light skin"
		assert_num "$l_dc" "<=" -0.5 "$pig greyer on light skin"
		assert_num "$d_dc" "<" 0 "$pig greyer on dark skin"
		case $desc in
		*"less red"*) assert_num "$l_dh" ">=" 3 "$pig less red" ;;
		*redder*) assert_num "$l_dh" "<=" -3 "$pig redder" ;;
		esac ;;
	esac
	[ "$claims" -eq 1 ] || fail "$pig: the description makes $claims drift claims"
	rest=$(echo "$desc" | sed 's/blue-grey when shallow on light skin//')
	case $rest in
	*blue*|*green*)
		case $rest in
		*"phthalocyanine blue"*) ;;
		*) fail "$pig: a blue or green claim the test does not check: $desc" ;;
		esac ;;
	esac
	case $desc in
	*"blue-grey when shallow on light skin"*)
		assert_num "$l_b" "<" 0 "$pig healed blue on light skin"
		assert_num "$d_b" ">=" 0 "$pig not blue on dark skin" ;;
	esac
done <"$tmp/pigs"

for pig in smp-neutral-black smp-soft-black smp-cool-black smp-warm-black; do
	for sk in "$light" "$dark"; do
		"$FADE" --pigment "$pig" --skin "$sk" $S --step 1 -H >"$tmp/t" ||
		    fail "$pig steps"
		# healed Lab, then for every later row the healed colour moved
		# only by the row's falls in a* and b*, the last row's a* b*
		awk -F'\t' '$14 == "healed" { L = $5; a = $6; b = $7; h = 1; next }
		    h { da = $6 - a; db = $7 - b
		        print L, a, b, L, a + (da < 0 ? da : 0), b + (db < 0 ? db : 0)
		        la = $6; lb = $7 }
		    END { print "last", la - a, lb - b }' "$tmp/t" >"$tmp/w"
		grep -v '^last' "$tmp/w" | "$DE00" | sort -g | tail -1 >"$tmp/m"
		assert_num "$(cat "$tmp/m")" "<" 1 \
		    "$pig on $sk: towards blue or green from healed, dE00"
		set -- $(grep '^last' "$tmp/w")
		assert_num "$2" ">" 0 "$pig on $sk: a* at 10 years above healed"
		assert_num "$3" ">" 0 "$pig on $sk: b* at 10 years above healed"
	done
done
