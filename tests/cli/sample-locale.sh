#!/bin/sh
# Numbers are C-locale whatever the environment says.
. "$SMP_SRCDIR/tests/cli/common.sh"
loc=
for l in de_DE.UTF-8 de_DE.utf8 fr_FR.UTF-8 fr_FR.utf8; do
	if locale -a 2>/dev/null | grep -qix "$(echo $l | sed 's/UTF-8/utf8/')"; then
		loc=$l
		break
	fi
done
[ -n "$loc" ] || skip "no comma-decimal locale installed"
echo "bg 55.5 18.25 22.75" | "$RENDER" -d 16 32 32 "$tmp/p.png"
"$SAMPLE" -r circle:16.5,16.5,10.5 "$tmp/p.png" >"$tmp/c" || fail "C exit"
LC_ALL=$loc "$SAMPLE" -r circle:16.5,16.5,10.5 "$tmp/p.png" >"$tmp/l" || fail "$loc exit"
cmp "$tmp/c" "$tmp/l" || fail "output differs under $loc"
cut -f4- "$tmp/l" | grep -q ',' && fail "comma in a number"
echo "ok: identical under $loc"
exit 0
