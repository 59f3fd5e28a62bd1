#!/bin/sh
# The robust statistic ignores specular highlights and stray dark pixels
# that pull the plain mean away.
. "$SMP_SRCDIR/tests/cli/common.sh"
{
	echo "bg 58 12 16"
	i=0
	while [ $i -lt 100 ]; do
		echo "rect $(( (i * 37) % 190 )) $(( (i * 53) % 190 )) 3 3 99 0 0"
		[ $((i % 4)) -eq 0 ] &&
		    echo "rect $(( (i * 71 + 5) % 190 )) $(( (i * 29 + 7) % 190 )) 3 3 10 1 1"
		i=$((i + 1))
	done
} | "$RENDER" -d 16 -n 1 200 200 "$tmp/s.png"
"$SAMPLE" "$tmp/s.png" >"$tmp/r" || fail "exit $?"
"$SAMPLE" --stat mean "$tmp/s.png" >"$tmp/m" || fail "exit $?"
"$SAMPLE" --stat median "$tmp/s.png" >"$tmp/d" || fail "exit $?"
assert_de00 "$(lab_of "$tmp/r" 1)" "58 12 16" 0.1 "robust"
assert_de00 "$(lab_of "$tmp/d" 1)" "58 12 16" 0.1 "median"
d=$(echo "$(lab_of "$tmp/m" 1) 58 12 16" | "$DE00")
assert_num "$d" ">" 0.5 "plain mean is pulled away"
ex=$(col n_excluded <"$tmp/r")
assert_num "$ex" ">=" 700 "outliers excluded"
[ "$(col stat <"$tmp/m")" = mean ] || fail "stat column"
# Fully transparent pixels are not counted.
"$RENDER" -a -d 8 20 10 "$tmp/t.png" <<'S'
bg 50 0 0
clear 0 0 10 10
S
[ "$("$SAMPLE" "$tmp/t.png" | col n)" = 100 ] || fail "transparent pixels counted"
exit 0
