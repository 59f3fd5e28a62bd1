#!/bin/sh
# smp-match's uncertainty and what it does with it: the Monte Carlo is
# reproducible (same rows twice and for every -j); p_best are shares that
# add up to 1; the candidates within 1 dE00 of the best are marked
# equivalent, flagged, and ordered by p_best; a wider reading widens the
# interval; --draws 0 leaves the columns out.  The target's precedence
# (--target, then --hair, then the photo's follicles, then the default
# hair with a note) and the test-patch options.
. "$SMP_SRCDIR/tests/cli/common.sh"
printf 'file\tregion\tclass\tL\ta\tb\tci95\twhite\n' >"$tmp/r.tsv"
for s in 62,11,16,0.3 48,14,19,0.3 66,6,14,0.3 37.7,17.2,14.7,0.3 \
    62,11,16,3; do
	echo "$s" | awk -F, '{ printf "f%d\tall\tskin\t%s\t%s\t%s\t%s\tD65\n", NR, $1, $2, $3, $4 }'
done | awk -F'\t' '{ $1 = "f" NR; print }' OFS='\t' >>"$tmp/r.tsv"
"$MATCH" -k 14 -j 1 --hair black "$tmp/r.tsv" >"$tmp/a" 2>/dev/null || fail "run 1"
"$MATCH" -k 14 -j 1 --hair black "$tmp/r.tsv" >"$tmp/b" 2>/dev/null || fail "run 2"
"$MATCH" -k 14 -j 3 --hair black "$tmp/r.tsv" >"$tmp/c" 2>/dev/null || fail "-j 3"
cmp -s "$tmp/a" "$tmp/b" || fail "two runs differ"
cmp -s "$tmp/a" "$tmp/c" || fail "-j 3 differs from -j 1"
echo "ok: the same rows twice and with -j 3"
# p_best: shares of the draws, one best per draw: they add up to 1.
awk -F'\t' 'NR == 1 { for (i = 1; i <= NF; i++) h[$i] = i; next }
    { p = $h["p_best"]; if (p < 0 || p > 1) { print "p_best " p; bad = 1 }
      s[$1] += p; if ($h["de00_lo"] > $h["de00_hi"]) { print "interval"; bad = 1 } }
    END { for (f in s) if (s[f] < 0.999 || s[f] > 1.001) { print f, s[f]; bad = 1 }
      exit bad }' "$tmp/a" || fail "p_best or the interval"
echo "ok: p_best add up to 1 per reading; de00_lo <= de00_hi"
# Equivalence: exactly the candidates within 1 dE00 of the best, first,
# ordered by p_best; the reading's flags say so when there are two.
awk -F'\t' 'NR == 1 { for (i = 1; i <= NF; i++) h[$i] = i; next }
    { f = $1; de = $h["de00"]; n[f]++; if (n[f] == 1) { best[f] = 1e9; pp[f] = 2 }
      d[f, n[f]] = de; e[f, n[f]] = $h["equivalent"]; p[f, n[f]] = $h["p_best"]
      fl[f] = $h["flags"]; if (de < best[f]) best[f] = de }
    END { for (f in n) { k = 0
        for (i = 1; i <= n[f]; i++) if (d[f, i] <= best[f] + 1 + 1e-9) k++
        for (i = 1; i <= n[f]; i++) {
            want = (k > 1 && i <= k)
            if (e[f, i] != want) { print f, i, "equivalent", e[f, i]; bad = 1 }
            if (want && i > 1 && p[f, i] > p[f, i - 1]) { print f, i, "order"; bad = 1 } }
        if ((k > 1) != (fl[f] ~ /equivalent/)) { print f, "flag"; bad = 1 } }
      exit bad }' "$tmp/a" || fail "equivalence"
echo "ok: equivalent candidates marked, flagged and ordered by p_best"
# The same skin with a ten times wider reading (ci95 3 against 0.3).
w() { awk -F'\t' -v f="$1" 'NR == 1 { for (i = 1; i <= NF; i++) h[$i] = i; next }
    $1 == f && $h["rank"] == 1 { print $h["de00_hi"] - $h["de00_lo"] }' "$tmp/a"; }
assert_num "$(w f5)" ">" "$(w f1)" "a wider reading widens the interval"
"$MATCH" --draws 0 -k 1 --skin 62,11,16 >"$tmp/d" || fail "--draws 0"
head -1 "$tmp/d" | grep -qw p_best && fail "--draws 0 prints p_best"
head -1 "$tmp/a" | grep -qw de00_lo || fail "no de00_lo column"
"$MATCH" --draws -1 --skin 62,11,16 2>"$tmp/e" && fail "--draws -1 accepted"
grep -q -- "--draws" "$tmp/e" || fail "--draws -1: $(cat "$tmp/e")"

# Target precedence.
printf 'file\tregion\tclass\tL\ta\tb\n' >"$tmp/t.tsv"
printf 'p\tall\tskin\t60\t10\t15\np\tall\tdot\t40\t3\t5\nq\tall\tskin\t60\t10\t15\n' >>"$tmp/t.tsv"
src() { col target_source <"$1" | sort -u | tr '\n' ' '; }
"$MATCH" -k 1 --draws 0 "$tmp/t.tsv" >"$tmp/o" 2>"$tmp/e" || fail "precedence"
[ "$(src "$tmp/o")" = "hair:dark-brown reading " ] || fail "photo: $(src "$tmp/o")"
grep -q 'q: region all: note: no follicles in the photo; the target is dark-brown hair' \
    "$tmp/e" || fail "no note for the default hair: $(cat "$tmp/e")"
grep -q 'p: region all: note' "$tmp/e" && fail "a note for a reading with follicles"
"$MATCH" -k 1 --draws 0 --hair black "$tmp/t.tsv" >"$tmp/o" 2>"$tmp/e" || fail "--hair"
[ "$(src "$tmp/o")" = "hair:black " ] || fail "--hair: $(src "$tmp/o")"
grep -q 'note' "$tmp/e" && fail "a note despite --hair"
"$MATCH" -k 1 --draws 0 --target 40,2,3 "$tmp/t.tsv" >"$tmp/o" 2>/dev/null ||
    fail "--target"
[ "$(src "$tmp/o")" = "given " ] || fail "--target: $(src "$tmp/o")"
echo "ok: --target, then --hair, then the photo, then the default hair with a note"

# Test-patch options.
"$MATCH" --skin 60,10,15 --test-patch smp-neutral-black 2>"$tmp/e" &&
    fail "--test-patch without a reading"
grep -q -- "--test-patch needs one of --patch-lab and --patch-region" "$tmp/e" ||
    fail "$(cat "$tmp/e")"
"$MATCH" --skin 60,10,15 --test-patch nosuch:2 --patch-lab 40,0,0 2>"$tmp/e" &&
    fail "an unknown test-patch pigment"
grep -q -- "--test-patch: no pigment 'nosuch' in the catalogue" "$tmp/e" ||
    fail "$(cat "$tmp/e")"
"$MATCH" --skin 60,10,15 --test-patch smp-neutral-black:2 --patch-lab 40,0,0 \
    --patch-region x 2>/dev/null && fail "--patch-lab with --patch-region"
# A patch lighter than the skin cannot be a deposit: flagged.
"$MATCH" --draws 0 -k 1 --skin 60,10,15 --test-patch smp-neutral-black:2 \
    --patch-lab 70,5,10 >"$tmp/o" 2>"$tmp/e" || fail "a patch lighter than the skin"
col flags <"$tmp/o" | grep -q patch-fit || fail "no patch-fit flag"
assert_num "$(col patch_fit_de00 <"$tmp/o")" ">" 2 "its patch_fit_de00"
# A patch region missing from the readings: the input is refused.
"$MATCH" --draws 0 --test-patch smp-neutral-black:2 --patch-region nosuch \
    "$tmp/t.tsv" >"$tmp/o" 2>"$tmp/e"
[ $? -eq 2 ] || fail "a missing patch region: exit $?"
grep -q 'region nosuch: no skin and dots to read the test patch from' "$tmp/e" ||
    fail "$(cat "$tmp/e")"
echo "ok: test-patch options refused when incomplete, a bad patch flagged"
