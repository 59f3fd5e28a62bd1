#!/bin/sh
# smp-match for people: on a terminal (a pseudo-terminal from script(1))
# the aligned table with a heading, the mix as 1:N, and a verdict; into a
# pipe TSV; --format chooses; --list-pigments prints the catalogue; and
# --report writes one self-contained page that tidy accepts and headless
# Chromium renders with every section and picture.
. "$SMP_SRCDIR/tests/cli/common.sh"
need_cmd script
cat="$SMP_SRCDIR/data/pigments.tsv"
ex="$SMP_SRCDIR/data/example-scalp.png"
script -qec "$MATCH -c $cat -k 3 --skin 60,10,15 --hair black" /dev/null \
    >"$tmp/tty" 2>&1 || fail "smp-match on a pseudo-terminal"
tr -d '\r' <"$tmp/tty" >"$tmp/t"
grep -q '^-, region skin: skin 60.0 10.0 15.0 (D50, ITA' "$tmp/t" ||
    fail "no heading: $(cat "$tmp/t")"
grep -qE '^rank +pigment +ink:water +dE00 +p_best +flags$' "$tmp/t" ||
    fail "no table header: $(cat "$tmp/t")"
grep -qE '^ +1  smp-[a-z-]+ +1:[0-9.]+ +[0-9]+\.[0-9][0-9] +[01]\.[0-9][0-9]' \
    "$tmp/t" || fail "no rank 1 row: $(cat "$tmp/t")"
grep -q '^verdict: smp-' "$tmp/t" || fail "no verdict: $(cat "$tmp/t")"
# the columns line up: every row's p_best ends where the header's does
awk '/^rank/ { e = index($0, "p_best") + 5 } /^ +[0-9]+  smp-/ {
    n++; s = substr($0, 1, e); if (s !~ /[0-9]$/) { print; bad = 1 } }
    END { exit bad || n != 3 }' "$tmp/t" || fail "columns not aligned"
echo "ok: a table with heading and verdict on a terminal"
"$MATCH" -c "$cat" -k 1 --skin 60,10,15 2>/dev/null | head -1 | grep -q '	' ||
    fail "TSV into a pipe"
"$MATCH" -c "$cat" -k 1 --skin 60,10,15 --format table 2>/dev/null |
    grep -q '^verdict: ' || fail "--format table into a pipe"
script -qec "$MATCH -c $cat -k 1 --skin 60,10,15 --format tsv" /dev/null |
    tr -d '\r' | grep -q '^file	region	rank' || fail "--format tsv on a terminal"
"$MATCH" --format xml 2>"$tmp/e" && fail "--format xml accepted"
grep -q "unknown format 'xml': expected tsv, json or table" "$tmp/e" ||
    fail "$(cat "$tmp/e")"
echo "ok: TSV into a pipe, --format chooses"

# --list-pigments: every pigment of the file, its components as written.
"$MATCH" -c "$cat" --list-pigments >"$tmp/l" || fail "--list-pigments"
[ "$(head -1 "$tmp/l")" = "name	maker	components	description" ] ||
    fail "header $(head -1 "$tmp/l")"
[ "$(($(wc -l <"$tmp/l") - 1))" -eq "$(grep -c '^pigment	' "$cat")" ] ||
    fail "a row per pigment"
awk -F'\t' '$1 == "pigment" { print $2 "\t" $3 "\t" $4 "\t" $5 }' "$cat" |
    diff - "$(sed 1d "$tmp/l" >"$tmp/l2"; echo "$tmp/l2")" >/dev/null ||
    fail "the rows are not the catalogue's"
echo "ok: --list-pigments"

# --report: the example with its test patch.
need_cmd tidy
need_cmd chromium
"$MATCH" -c "$cat" --chart -r rect:625,10,90,460 \
    --test-patch smp-neutral-black:2 --patch-region rect:452,160,161,161 \
    --report "$tmp/r.html" "$ex" >/dev/null 2>&1 || fail "--report"
tidy -q -e "$tmp/r.html" || fail "tidy: the page is not valid HTML"
for s in measured candidates mix flags fade; do
	grep -q "<section class=\"$s\">" "$tmp/r.html" || fail "no section $s"
done
grep -q '<img class="inset"[^>]*src="data:image/png;base64,' "$tmp/r.html" ||
    fail "no inset from the photo"
[ "$(grep -o '<svg' "$tmp/r.html" | wc -l)" -ge 9 ] ||
    fail "dot fields, swatches and the plot"
grep -E '(src|href)="https?:' "$tmp/r.html" && fail "the page needs the network"
grep -q 'smp-medium-brown 1:1.5' "$tmp/r.html" || fail "no mix to prepare"
"$MATCH" --skin 60,10,15 --report "$tmp/r.txt" 2>"$tmp/e" && fail ".txt accepted"
grep -q -- "--report: the name must end in .html" "$tmp/e" || fail "$(cat "$tmp/e")"
HOME="$tmp" timeout 120 chromium --headless --no-sandbox --disable-gpu \
    --hide-scrollbars --window-size=1000,2400 \
    --screenshot="$tmp/r.png" "file://$tmp/r.html" >/dev/null 2>&1 ||
    fail "chromium"
[ -s "$tmp/r.png" ] || fail "no screenshot"
python3 "$SMP_SRCDIR/tests/tools/pixels.py" "$tmp/r.png" 30 180 400 1600 |
    sort -u | wc -l >"$tmp/nc"
assert_num "$(cat "$tmp/nc")" ">" 50 "the rendered page shows pictures"
echo "ok: --report: valid, self-contained, rendered by Chromium"
