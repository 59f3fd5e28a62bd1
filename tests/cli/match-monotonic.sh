#!/bin/sh
# Across the 10 Monk Skin Tone swatches and Xiao 2017 / De Rigal 2010
# measured skins (SCIENCE.md 1.4, 1.5; D65 Lab), for each hair colour,
# darker skin never gets a lighter dilution of the recommended pigment
# (5 % tolerance on parts of ink + water, see smp-match(1)).
. "$SMP_SRCDIR/tests/cli/common.sh"
{
	printf 'file\tregion\tclass\tL\ta\tb\twhite\n'
	while read -r name L a b; do
		printf '%s\tskin\tskin\t%s\t%s\t%s\tD65\n' "$name" "$L" "$a" "$b"
	done <<'SKINS'
MST1 94.2 1.5 5.4
MST3 93.1 0.2 14.2
MST2 92.3 2.1 7.3
MST4 87.6 0.5 17.8
MST5 77.9 3.5 23.1
cau-forearm 63.0 5.6 14.0
thai-forearm 61.9 7.1 17.4
chi-forearm 60.9 7.0 15.0
kur-forearm 60.6 6.5 16.4
cau-cheek 59.6 11.8 14.6
cau-forehead 59.2 11.6 15.1
mex-forehead 58.0 15.0 21.0
thai-forehead 56.8 11.6 17.7
chi-forehead 56.4 11.7 16.3
kur-forehead 56.1 11.3 16.4
MST6 55.1 7.8 26.7
aa-cheek 48.0 15.0 20.0
aa-forehead 44.0 14.0 19.0
MST7 42.5 12.3 20.5
MST8 30.7 11.7 13.3
MST9 21.1 2.7 6.0
MST10 14.6 1.5 3.5
SKINS
} >"$tmp/skins.tsv"
for hair in black dark-brown brown grey; do
	"$MATCH" -k 1 --hair "$hair" "$tmp/skins.tsv" >"$tmp/$hair" ||
	    fail "$hair run"
	awk -F'\t' -v hair="$hair" 'NR > 1 {
		p = $4; r = 1 + $5
		if (p in lightest && r > 1.05 * lightest[p]) {
			printf "%s: %s gets 1:%s of %s, lighter skin 1:%.2f\n", hair, $1, $5, p, lightest[p] - 1
			bad = 1
		}
		if (!(p in lightest) || r < lightest[p]) lightest[p] = r
		print hair, $1, p, $5
	} END { exit bad }' "$tmp/$hair" || fail "not monotonic"
done
exit 0
