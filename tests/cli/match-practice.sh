#!/bin/sh
# What practitioners do, as a consequence of the model (nothing in src/
# encodes it).  SMP ink is carbon black diluted with distilled water into
# greys; little or no water for dark skin and dark hair, much more (20
# parts and up) for light hair; the lighter the hair, the more water
# (skulltec-southwest.co.uk "Scalp micropigmentation"; karen-nicolaou.com
# 2021 "Scalp micropigmentation pigment"; pro-micro.com.au "Blending scalp
# micro pigmentation ink"; medsnews.com "How experts match your hair
# color").  Over the 10 Monk Skin Tone swatches (sRGB, skintone.google,
# turned into CIELAB D65 here) and every --hair colour, smp-neutral-black's
# best dilution:
#  - lighter hair never gets less water than darker hair on the same skin;
#  - black hair on dark skin (Monk 8-10) is undiluted or nearly (<= 1 part);
#  - grey hair on fair skin (Monk 1-3) is strongly diluted (>= 10 parts).
# The rules the model does not reproduce are in match-practice-open.sh.
. "$SMP_SRCDIR/tests/cli/common.sh"
monk_tsv "$tmp/monk.tsv"
for h in black dark-brown brown grey; do
	"$MATCH" --draws 0 -k 14 --hair "$h" "$tmp/monk.tsv" 2>/dev/null |
	    awk -F'\t' -v h="$h" '$4 == "smp-neutral-black" { print h, $1, $5 }'
done >"$tmp/dil"
[ "$(wc -l <"$tmp/dil")" -eq 40 ] || fail "40 dilutions: $(cat "$tmp/dil")"
dil() { awk -v h="$1" -v s="$2" '$1 == h && $2 == s { print $3 }' "$tmp/dil"; }
i=1
while [ $i -le 10 ]; do
	prev=
	for h in black dark-brown brown grey; do
		d=$(dil $h monk$i)
		[ -z "$prev" ] || assert_num "$d" ">=" "$prev" \
		    "Monk $i: $h hair gets no less water than darker hair"
		prev=$d
	done
	i=$((i + 1))
done
for i in 8 9 10; do
	assert_num "$(dil black monk$i)" "<=" 1 "black hair on Monk $i"
done
for i in 1 2 3; do
	assert_num "$(dil grey monk$i)" ">=" 10 "grey hair on Monk $i"
done
