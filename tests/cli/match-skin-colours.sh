#!/bin/sh
# The skin model reaches real skin: every published in-vivo colour of
# data/skin-colours.tsv (NIST's 100 inner forearms, Cooksey et al. 2017;
# Xiao et al. 2017 and De Rigal et al. 2010 group means; the IADR 2009
# facial shade clusters), ITA from about +63 to -58, is fitted within
# 1.0 dE00 median and 2.0 worst, before any correction; a swatch lighter
# than any skin (Monk Skin Tone 1) is flagged, not stretched.
. "$SMP_SRCDIR/tests/cli/common.sh"
data="$SMP_SRCDIR/data/skin-colours.tsv"
awk -F'\t' '!/^#/ && $1 != "name" { print $1 "\tall\tskin\t" $4 "\t" $5 "\t" $6 "\tD65" }' \
    "$data" | sed '1i file\tregion\tclass\tL\ta\tb\twhite' >"$tmp/r.tsv"
n=$(($(wc -l <"$tmp/r.tsv") - 1))
assert_num "$n" ">=" 120 "published skins"
awk -F'\t' '!/^#/ && $1 != "name" { print $7 }' "$data" | sort -g >"$tmp/ita"
assert_num "$(head -1 "$tmp/ita")" "<=" -55 "darkest ITA"
assert_num "$(tail -1 "$tmp/ita")" ">=" 60 "lightest ITA"
"$MATCH" --draws 0 -k 1 "$tmp/r.tsv" >"$tmp/m" 2>"$tmp/e" ||
    fail "smp-match on the published skins (exit $?)"
[ "$(($(wc -l <"$tmp/m") - 1))" -eq "$n" ] || fail "a row per skin"
col skin_fit_de00 <"$tmp/m" | sort -g >"$tmp/fit"
med=$(awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] :
    (v[NR / 2] + v[NR / 2 + 1]) / 2 }' "$tmp/fit")
assert_num "$med" "<=" 1.0 "median skin fit"
assert_num "$(tail -1 "$tmp/fit")" "<=" 2.0 "worst skin fit"
grep -q 'skin-fit' "$tmp/m" && fail "a published skin is flagged skin-fit"
# Each fitted skin stays inside the published bounds (smp-model(7)).
awk -F'\t' 'NR == 1 { for (i = 1; i <= NF; i++) h[$i] = i; next }
    $h["f_mel"] < 0.01 || $h["f_mel"] > 0.45 || $h["f_pheo"] < 0.1 ||
    $h["f_pheo"] > 0.5 || $h["f_blood"] < 0.002 || $h["f_blood"] > 0.1 ||
    $h["d_epi_um"] < 40 || $h["d_epi_um"] > 150 { print; bad = 1 }
    END { exit bad }' "$tmp/m" || fail "a parameter outside its bounds"
echo "ok: $n published skins fitted inside the bounds"
# Monk 1 (sRGB f6ede4, L* 94) is lighter than any measured skin.
"$MATCH" --draws 0 -k 1 --white d65 --skin 94.21,1.50,5.43 >"$tmp/m1" \
    2>"$tmp/e1" || fail "Monk 1"
col flags <"$tmp/m1" | grep -q skin-fit || fail "Monk 1 not flagged skin-fit"
grep -q 'flagged skin-fit' "$tmp/e1" || fail "Monk 1: no warning"
assert_num "$(col skin_fit_de00 <"$tmp/m1")" ">" 2 "Monk 1's residual shown"
