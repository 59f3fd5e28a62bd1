#!/bin/sh
# Every long option in each tool's --help is documented in its man page,
# the usage line names the tool, every output column is in the OUTPUT
# section; mandoc -Tlint when available.
. "$SMP_SRCDIR/tests/cli/common.sh"
for tool in smp-sample smp-calibrate smp-match smp-fade; do
	man="$SMP_SRCDIR/man/$tool.1"
	"$SMP_BUILDDIR/src/$tool" --help >"$tmp/help" || fail "$tool --help"
	head -1 "$tmp/help" | grep -q "^usage: $tool " || fail "$tool: usage line"
	for opt in $(grep -o -- '--[a-z][a-z0-9-]*' "$tmp/help" | sort -u); do
		grep -qF -- "Fl \\-${opt#--}" "$man" || fail "$opt not in $man"
	done
done
echo "bg 50 0 0" | "$RENDER" 8 8 "$tmp/p.png"
for c in $("$SAMPLE" "$tmp/p.png" | head -1); do
	grep -q "^\.It Cm $c\$" "$SMP_SRCDIR/man/smp-sample.1" ||
	    fail "column $c not in smp-sample.1 OUTPUT"
done
for c in patch name ref_L ref_a ref_b fit_L fit_a fit_b de00 loo_de00 sd x y \
    dev_r dev_g dev_b white; do
	grep -q "^\.It Cm $c\$" "$SMP_SRCDIR/man/smp-calibrate.1" ||
	    fail "column $c not in smp-calibrate.1 OUTPUT"
done
for c in $("$MATCH" --skin 50,10,15 | head -1); do
	grep -q "^\.It Cm $c\$" "$SMP_SRCDIR/man/smp-match.1" ||
	    fail "column $c not in smp-match.1 OUTPUT"
done
for c in $("$FADE" --pigment smp-neutral-black --skin 50,10,15 --years 1 |
    head -1) $("$FADE" --pigment smp-neutral-black --skin 50,10,15 --summary |
    head -1); do
	grep -q "^\.It Cm $c\$" "$SMP_SRCDIR/man/smp-fade.1" ||
	    fail "column $c not in smp-fade.1 OUTPUT"
done
printf 'date\tL\ta\tb\n2020-01-01\t40\t0\t0\n2021-01-01\t41\t0\t0\n2022-01-01\t42\t0\t0\n' >"$tmp/s.tsv"
for c in $("$FADE" --pigment smp-neutral-black --skin 60,10,15 --fit "$tmp/s.tsv" |
    head -1); do
	grep -q "^\.It Cm $c\$" "$SMP_SRCDIR/man/smp-fade.1" ||
	    fail "column $c not in smp-fade.1 OUTPUT"
done
if command -v mandoc >/dev/null 2>&1; then
	for m in "$SMP_SRCDIR"/man/*.[1-9]; do
		mandoc -Tlint -W warning "$m" || fail "mandoc lint: $m"
	done
fi
exit 0
