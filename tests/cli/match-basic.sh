#!/bin/sh
# smp-match: columns, ranks, targets (hair model, given, a dot reading from
# the same photo), exit statuses, JSON, bad input, and the swatch pictures
# checked against lcms2's transicc and an XML parser.
. "$SMP_SRCDIR/tests/cli/common.sh"

"$MATCH" --skin 62,11,16 >"$tmp/out" || fail "--skin run"
[ "$(wc -l <"$tmp/out")" -eq 4 ] || fail "three candidates and a header"
for c in file region rank pigment dilution dot_L dot_a dot_b blend_L \
    blend_a blend_b target_L target_a target_b de00 skin_fit_de00 ita_class; do
	head -1 "$tmp/out" | tr '\t' '\n' | grep -qx "$c" || fail "column $c"
done
[ "$(col rank <"$tmp/out" | tr '\n' ' ')" = "1 2 3 " ] || fail "ranks"
col target_source <"$tmp/out" | grep -qvx 'hair:dark-brown' && fail "target"
col dilution <"$tmp/out" | awk '$1 < 0 || $1 > 30 { exit 1 }' ||
    fail "dilution outside 0..30"
col de00 <"$tmp/out" | sort -c -g || fail "not ranked by de00"
assert_num "$(col skin_fit_de00 <"$tmp/out" | head -1)" "<" 1 "skin fit"

# --max-de: 1 when the best is further, 0 when within.
"$MATCH" --skin 62,11,16 --max-de 0.001 >/dev/null
[ $? -eq 1 ] || fail "--max-de 0.001 should exit 1"
"$MATCH" --skin 62,11,16 --max-de 50 >/dev/null || fail "--max-de 50"

# A given target is reported as given and is what de00 is measured to.
"$MATCH" -k 1 --skin 62,11,16 --target 40,2,3 >"$tmp/g" || fail "--target"
"$MATCH" -H -k 100 --skin 62,11,16 >"$tmp/all" 2>/dev/null || fail "-k 100"
[ "$(wc -l <"$tmp/all")" -eq "$(grep -c '^pigment	' "$SMP_CATALOGUE")" ] ||
    fail "-k above the candidates does not print them all"
printf '\357\273\277L\ta\tb\tclass\n62\t11\t16\tskin\n' >"$tmp/bom.tsv"
"$MATCH" -k 1 "$tmp/bom.tsv" >/dev/null 2>"$tmp/e" || fail "a BOM: $(cat "$tmp/e")"
echo "ok: -k 100 prints every candidate; a UTF-8 BOM is skipped"
[ "$(col target_source <"$tmp/g")" = given ] || fail "target_source given"
tgt=$(awk -F'\t' 'NR == 2 { print $12, $13, $14 }' "$tmp/g")
dotlab=$(awk -F"\t" "NR == 2 { print \$6, \$7, \$8 }" "$tmp/g")
assert_de00 "$tgt" "40 2 3" 0.01 "given target echoed"
de=$(echo "$dotlab 40 2 3" | "$DE00")
assert_num "$(col de00 <"$tmp/g" | awk -v d="$de" '{ print $1 - d }')" \
    "<" 0.01 "de00 is dot vs target within the rounding of dot Lab (lcms2 says $de)"
assert_num "$(col de00 <"$tmp/g" | awk -v d="$de" '{ print d - $1 }')" \
    "<" 0.01 "de00 is dot vs target within the rounding of dot Lab (lcms2 says $de)"

# A photo with dots: the dot reading of the same region is the target.
{
	echo "bg 62 11 16"
	echo "dots 8 2 40 1 2"
} | "$RENDER" -t srgb 96 96 "$tmp/p.png"
"$SAMPLE" -S "$tmp/p.png" >"$tmp/r" || fail "smp-sample"
"$MATCH" -k 2 <"$tmp/r" >"$tmp/m" || fail "readings on stdin"
[ "$(col target_source <"$tmp/m" | sort -u)" = reading ] || fail "reading"
dot=$(awk -F'\t' '$3 == "dot" { print $6, $7, $8 }' "$tmp/r")
assert_de00 "$(awk -F'\t' 'NR == 2 { print $12, $13, $14 }' "$tmp/m")" \
    "$dot" 0.02 "target is the dot reading"
"$MATCH" -k 2 "$tmp/p.png" >"$tmp/m2" || fail "image input"
# (readings pass through TSV at 3 decimals: compare rank, pigment, dilution)
[ "$(cut -f3-5 "$tmp/m")" = "$(cut -f3-5 "$tmp/m2")" ] ||
    fail "image input and smp-sample -S | smp-match differ"

# JSON Lines parse.
"$MATCH" --json --skin 50,12,18 | python3 -c '
import json, sys
rows = [json.loads(l) for l in sys.stdin]
assert len(rows) == 3 and rows[0]["rank"] == 1, rows
assert rows[0]["white"] == "D50"' || fail "JSON"

# Bad input: exit 2 with a message naming the file and line; a batch goes on.
printf 'smp-catalogue\t1\npigment\tx\tgeneric\tnone=1\td\n' >"$tmp/bad.tsv"
"$MATCH" -c "$tmp/bad.tsv" --skin 60,10,15 >/dev/null 2>"$tmp/err"
[ $? -eq 2 ] || fail "bad catalogue exit"
grep -q "bad.tsv:2: unknown component 'none'" "$tmp/err" || fail "catalogue msg"
printf 'L\ta\tb\n60\t10\t15\nnan\t1\t1\n' >"$tmp/nan.tsv"
"$MATCH" "$tmp/nan.tsv" >/dev/null 2>"$tmp/err"
[ $? -eq 2 ] || fail "NaN reading exit"
grep -q "nan.tsv:3: L: not a finite number" "$tmp/err" || fail "NaN msg"
printf 'L\ta\tb\n60\t10\n' >"$tmp/short.tsv"
"$MATCH" "$tmp/short.tsv" "$tmp/missing.tsv" "$tmp/r" >"$tmp/o" 2>"$tmp/err"
[ $? -eq 2 ] || fail "batch exit"
grep -q "short.tsv:2: 2 fields, the header has 3" "$tmp/err" || fail "fields"
grep -q "missing.tsv" "$tmp/err" || fail "missing file named"
[ "$(sed 1d "$tmp/o" | wc -l)" -eq 3 ] || fail "batch did not go on"
for bad in "--skin 120,0,0" "--skin 1,2" "--hair purple" "--view far" \
    "--metric de2000" "-k 0" "--max-de -1" "--swatch x.gif --skin 1,2,3" \
    "--target 1,2,3 --hair black --skin 50,1,1"; do
	# shellcheck disable=SC2086
	"$MATCH" $bad >/dev/null 2>"$tmp/err"
	[ $? -eq 2 ] || fail "'$bad' should exit 2"
	[ -s "$tmp/err" ] || fail "'$bad': no message"
done

# Swatch PNG: the skin behind the target panel is the skin's sRGB, as
# lcms2's transicc computes it (Lab D50 -> sRGB, relative colorimetric).
"$MATCH" --skin 62,11,16 --swatch "$tmp/s.png" >/dev/null || fail "PNG swatch"
if command -v transicc >/dev/null 2>&1; then
	want=$(printf '62 11 16\n' | transicc -t1 -i '*Lab' -o '*sRGB' -n 2>/dev/null |
	    tr -c '0-9.\n' ' ' | awk 'NF >= 3 { printf "%.0f %.0f %.0f\n", $(NF-2), $(NF-1), $NF; exit }')
	got=$(python3 "$SMP_SRCDIR/tests/tools/pixels.py" "$tmp/s.png" 22 22 1 1 |
	    awk '{ printf "%.0f %.0f %.0f\n", $1, $2, $3 }')
	echo "skin pixel $got, transicc $want"
	echo "$got $want" | awk '{ for (i = 1; i <= 3; i++) if ($i - $(i+3) > 1 || $(i+3) - $i > 1) exit 1 }' ||
	    fail "swatch skin $got, transicc says $want"
fi
"$MATCH" --skin 62,11,16 --swatch "$tmp/s.svg" >/dev/null || fail "SVG swatch"
python3 -c '
import sys, xml.dom.minidom as m
d = m.parse(sys.argv[1])
assert d.documentElement.tagName == "svg"
assert len(d.getElementsByTagName("circle")) > 100' "$tmp/s.svg" ||
    fail "SVG does not parse"
ls "$tmp" | grep -q '^\.s\.\|\.tmp' && fail "temporary file left behind"
exit 0
