#!/bin/sh
# Hardening II, one rule each: the readers take the tools' own --json
# (JSON Lines) where they take TSV, and give the same answer; a CSV file
# is told what is expected; CGATS refuses hexadecimal and a fractional
# NUMBER_OF_SETS, naming the line; a date is YYYY-MM-DD from 1900, with a
# reason when it is not; counts and sizes take fractions of their unit.
. "$SMP_SRCDIR/tests/cli/common.sh"
need_cmd python3
C="-c $SMP_SRCDIR/data/pigments.tsv"
printf 'bg 60 10 15\ndots 8 2 30 2 1\n' | "$RENDER" 64 48 "$tmp/p.png" ||
    fail "render-img"

# JSON Lines in, the same ranking out as from TSV; summary objects skipped.
"$SAMPLE" -S -r grid:2x1 "$tmp/p.png" >"$tmp/r.tsv" || fail "smp-sample"
"$SAMPLE" -S -r grid:2x1 --json "$tmp/p.png" >"$tmp/r.jsonl" || fail "smp-sample --json"
python3 - "$tmp/r.jsonl" <<'PY' || fail "--json is not JSON Lines"
import json, sys
rows = [json.loads(l) for l in open(sys.argv[1])]
assert rows and all('L' in r for r in rows)
PY
"$MATCH" $C -k 3 "$tmp/r.tsv" >"$tmp/m1" 2>/dev/null || fail "smp-match on TSV"
"$MATCH" $C -k 3 "$tmp/r.jsonl" >"$tmp/m2" 2>/dev/null || fail "smp-match on JSON Lines"
cmp -s "$tmp/m1" "$tmp/m2" || fail "JSON Lines ranks differently: $(diff "$tmp/m1" "$tmp/m2" | head -3)"
"$SAMPLE" --json "$tmp/p.png" | "$MATCH" $C -k 1 >/dev/null 2>"$tmp/e" ||
    fail "smp-sample --json | smp-match: $(cat "$tmp/e")"
{ cat "$tmp/r.jsonl"; echo '{"summary":"calibration","model":"x"}'; } >"$tmp/s.jsonl"
"$MATCH" $C -k 3 "$tmp/s.jsonl" >"$tmp/m3" 2>/dev/null || fail "a summary object"
cmp -s "$tmp/m1" "$tmp/m3" || fail "a summary object changed the answer"
"$FADE" $C --pigment smp-neutral-black --start 2026-01-01 "$tmp/r.jsonl" \
    >/dev/null 2>"$tmp/e" || fail "smp-fade on JSON Lines: $(cat "$tmp/e")"
printf '{"file":"x","L":60,"a":10}\n{"file":"x","L":60 "a":1}\n' >"$tmp/bad.jsonl"
"$MATCH" $C "$tmp/bad.jsonl" >/dev/null 2>"$tmp/e" && fail "broken JSON accepted"
grep -q "bad.jsonl:1: no L, a and b columns" "$tmp/e" || fail "$(cat "$tmp/e")"
printf '{"file":"x","L":60,"a":10,"b":15}\n{"file":"x","L":60 "a":1}\n' >"$tmp/bad.jsonl"
"$MATCH" $C "$tmp/bad.jsonl" >/dev/null 2>"$tmp/e" && fail "broken JSON accepted"
grep -q "bad.jsonl:2: bad JSON object: ',' or '}' expected after 'L'" "$tmp/e" ||
    fail "$(cat "$tmp/e")"
printf 'L,a,b\n60,10,15\n' >"$tmp/x.csv"
"$MATCH" $C "$tmp/x.csv" >/dev/null 2>"$tmp/e" && fail "CSV accepted"
grep -q "x.csv:1: no L, a and b columns in the header (this looks like CSV; readings are tab-separated or JSON Lines" \
    "$tmp/e" || fail "CSV: $(cat "$tmp/e")"
echo "ok: readers take JSON Lines (same ranking as TSV), refuse CSV saying why"

# CGATS: what lcms2 would read as hexadecimal or a fraction is refused.
chart_photo "$tmp/c.png"
R="$SMP_SRCDIR/tests/fuzz/corpus/cgats/colorchecker.cie"
cgats() {	# name sed-expression want
	sed "$2" "$R" >"$tmp/$1.cie"
	"$CAL" $CHEAP_MODEL --reference "$tmp/$1.cie" -o "$tmp/x.icc" "$tmp/c.png" \
	    >/dev/null 2>"$tmp/e" && fail "$1: accepted"
	grep -qF "$3" "$tmp/e" || fail "$1: $(cat "$tmp/e")"
	echo "ok: CGATS $1: $3"
}
cgats hex-sets 's/^NUMBER_OF_SETS.*/NUMBER_OF_SETS 0x18/' \
    "hex-sets.cie:7: '0x18': decimal numbers only, not hexadecimal"
cgats hex-value 's/^A1 37.54/A1 0x25/' \
    "hex-value.cie:9: '0x25': decimal numbers only, not hexadecimal"
cgats half-sets 's/^NUMBER_OF_SETS.*/NUMBER_OF_SETS 24.5/' \
    "half-sets.cie: NUMBER_OF_SETS and NUMBER_OF_FIELDS must be whole decimal numbers"
cgats word-value 's/^A2 64.66/A2 abc/' \
    "word-value.cie:10: sample A2: not a colour"
[ ! -e "$tmp/x.icc" ] || fail "a profile was written"

# Dates: one rule everywhere, with the reason.
date_bad() {	# text reason
	"$SAMPLE" --date "$1" "$tmp/p.png" >/dev/null 2>"$tmp/e" && fail "--date $1 accepted"
	grep -qF -- "--date: '$1': $2" "$tmp/e" || fail "--date $1: $(cat "$tmp/e")"
	"$FADE" $C --pigment smp-neutral-black --skin 60,10,15 --start "$1" \
	    >/dev/null 2>"$tmp/e" && fail "--start $1 accepted"
	grep -qF -- "--start: '$1': $2" "$tmp/e" || fail "--start $1: $(cat "$tmp/e")"
}
date_bad 0001-01-01 "a year before 1900"
date_bad 2026-01-01T00:00 "not a date YYYY-MM-DD (no time after it)"
date_bad 2026-02-29 "no such day"
date_bad 2026/01/01 "not a date YYYY-MM-DD"
"$SAMPLE" --date 1900-01-01 "$tmp/p.png" >/dev/null || fail "1900-01-01 refused"
echo "ok: dates are YYYY-MM-DD from 1900, each refusal with its reason"

# Counts and sizes: the range is the quantity's, not the number's.
"$SAMPLE" --max-pixels 0.5M --max-memory 0.5G "$tmp/p.png" >/dev/null 2>"$tmp/e" ||
    fail "--max-pixels 0.5M: $(cat "$tmp/e")"
printf 'bg 60 10 15\n' | "$RENDER" 1000 600 "$tmp/big.png" || fail "render-img"
"$SAMPLE" --max-pixels 0.5M "$tmp/big.png" >/dev/null 2>"$tmp/e" && fail "0.5M let 0.6 Mpx in"
grep -q "above the limit of 0.5 Mpx (--max-pixels)" "$tmp/e" || fail "$(cat "$tmp/e")"
"$SAMPLE" --max-pixels 0.1 "$tmp/p.png" >/dev/null 2>"$tmp/e" && fail "0.1 pixel accepted"
grep -qF -- "--max-pixels: '0.1' is less than 1" "$tmp/e" || fail "$(cat "$tmp/e")"
echo "ok: --max-pixels 0.5M and --max-memory 0.5G mean what they say"
exit 0
