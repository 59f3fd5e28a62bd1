#!/bin/sh
# Every long option in --help is documented in the man page, and every
# output column in the OUTPUT section; mandoc -Tlint when available.
. "$SMP_SRCDIR/tests/cli/common.sh"
man="$SMP_SRCDIR/man/smp-sample.1"
for opt in $("$SAMPLE" --help | grep -o -- '--[a-z][a-z-]*' | sort -u); do
	grep -qF -- "Fl \\-${opt#--}" "$man" || fail "$opt not in $man"
done
echo "bg 50 0 0" | "$RENDER" 8 8 "$tmp/p.png"
for c in $("$SAMPLE" "$tmp/p.png" | head -1); do
	grep -q "^\.It Cm $c\$" "$man" || fail "column $c not in $man OUTPUT"
done
if command -v mandoc >/dev/null 2>&1; then
	for m in "$SMP_SRCDIR"/man/*.[1-9]; do
		mandoc -Tlint -W warning "$m" || fail "mandoc lint: $m"
	done
fi
exit 0
