#!/bin/sh
# Numbers from users, in every tool: NaN, infinities, out of range,
# trailing junk, empty fields, overlong lines and wrong column counts, in
# options, readings, series, catalogues and CGATS references, are exit 2
# with "file:line: what is wrong" (or the option's name), never a result.
. "$SMP_SRCDIR/tests/cli/common.sh"
CATALOGUE="$SMP_SRCDIR/data/pigments.tsv"
P="--pigment smp-neutral-black --start 2026-01-01"

# bad PATTERN COMMAND...: exit 2, stderr matches PATTERN, no data rows.
bad() {
	pat=$1
	shift
	"$@" >"$tmp/o" 2>"$tmp/e"
	rc=$?
	[ $rc -eq 2 ] || fail "exit $rc, not 2: $*"
	grep -q -- "$pat" "$tmp/e" || fail "message '$(head -1 "$tmp/e")' lacks '$pat': $*"
	[ "$(wc -l <"$tmp/o")" -le 1 ] || fail "rows printed: $*"
	echo "ok: $(head -1 "$tmp/e")"
}

# Options.
echo "bg 50 0 0" | "$RENDER" 16 16 "$tmp/p.png"
# Under valgrind three of the values (the parsers are the same code for
# each; ASan and fuzz-options see them all).
for v in nan inf -inf 1e999 5x '' ' 5' 0x10; do
	if [ -n "${SMP_VALGRIND:-}" ]; then
		case "$v" in nan | 5x | 0x10) ;; *) continue ;; esac
	fi
	bad "max-pixels" "$SAMPLE" --max-pixels "$v" "$tmp/p.png"
	bad "max-de" "$CAL" --max-de "$v" -o "$tmp/x.icc" "$tmp/p.png"
	bad "max-de" "$MATCH" --skin 60,10,15 --max-de "$v"
	bad "dot-size" "$MATCH" --skin 60,10,15 --dot-size "$v"
	bad "uv" "$FADE" $P --skin 60,10,15 --uv "$v"
	bad "dilution" "$FADE" $P --skin 60,10,15 --dilution "$v"
	bad "skin" "$MATCH" --skin "60,$v,15"
	bad "skin" "$FADE" $P --skin "$v,10,15"
	bad "region\|rect" "$SAMPLE" -r "rect:1,2,$v,4" "$tmp/p.png"
done
bad "out of range" "$MATCH" --skin 60,10,15 --pitch 50
bad "out of range" "$FADE" $P --skin 60,10,15 --protection 1.01
bad "whole number" "$FADE" $P --skin 60,10,15 --sessions 2.5
bad "start" "$FADE" --pigment smp-neutral-black --skin 60,10,15 --start 2026-02-29
bad "date" "$SAMPLE" --date 2026-13-01 "$tmp/p.png"

# Readings for smp-match and smp-fade.
rd() { printf 'L\ta\tb\n%s\n' "$1" >"$tmp/r.tsv"; }
for row in "nan	10	15" "inf	10	15" "60	1e999	15" "60	10	15x" \
    "	10	15" "200	10	15" "60	10" "60	10	15	extra"; do
	rd "$row"
	bad "r.tsv:2:" "$MATCH" "$tmp/r.tsv"
	bad "r.tsv:2:" "$FADE" $P "$tmp/r.tsv"
done
python3 -c "print('L\ta\tb'); print('60\t10\t' + '1' * 1100000)" >"$tmp/r.tsv" 2>/dev/null &&
    bad "r.tsv:2: line 2 longer than" "$MATCH" "$tmp/r.tsv"
# Series for smp-fade --fit.
printf 'date\tL\ta\tb\n2026-01-01\t44\t-3\tnan\n' >"$tmp/s.tsv"
bad "s.tsv:2:" "$FADE" $P --skin 60,10,15 --fit "$tmp/s.tsv"
printf 'date\tL\ta\tb\n2026-01-32\t44\t-3\t-3\n' >"$tmp/s.tsv"
bad "s.tsv:2: date '2026-01-32': no such day" "$FADE" $P --skin 60,10,15 --fit "$tmp/s.tsv"

# Catalogues: a copy of the bundled one with one value spoiled on line N.
line=$(grep -n '^component	carbon-black' "$CATALOGUE" | cut -d: -f1)
spoil() {	# AWK-FIELD VALUE: the carbon-black record with that field set
	awk -F'\t' -v OFS='\t' -v n="$line" -v f="$1" -v v="$2" \
	    'NR == n { $f = v } { print }' "$CATALOGUE" >"$tmp/c.tsv"
}
for v in nan inf -1 1e999 3x ''; do
	spoil 5 "$v"		# mua at 400 nm
	bad "c.tsv:$line:" "$MATCH" -c "$tmp/c.tsv" --skin 60,10,15
	bad "c.tsv:$line:" "$FADE" -c "$tmp/c.tsv" $P --skin 60,10,15
done
spoil 3 2			# photolability out of [0, 1]
bad "c.tsv:$line:" "$MATCH" -c "$tmp/c.tsv" --skin 60,10,15
awk -F'\t' -v OFS='\t' -v n="$line" 'NR == n { NF = 40 } { print }' \
    "$CATALOGUE" >"$tmp/c.tsv"
bad "c.tsv:$line: a component record has" "$MATCH" -c "$tmp/c.tsv" --skin 60,10,15

# CGATS references for smp-calibrate, on a photo where the chart is found.
ref="$SMP_SRCDIR/tests/fuzz/corpus/cgats/colorchecker.cie"
chart_photo "$tmp/c.png"
"$CAL" --reference "$ref" -o "$tmp/x.icc" "$tmp/c.png" >/dev/null 2>&1 ||
    fail "the unspoilt reference"
for v in nan inf 1e999 -5 120 12x; do
	sed "s/^A1 \([^ ]*\) /A1 $v /" "$ref" >"$tmp/r.cie"
	bad "r.cie" "$CAL" --reference "$tmp/r.cie" -o "$tmp/x.icc" "$tmp/c.png"
done
exit 0
