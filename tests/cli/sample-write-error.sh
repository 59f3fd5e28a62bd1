#!/bin/sh
# A failed write of standard output is exit 2; a closed pipe ends quietly.
. "$SMP_SRCDIR/tests/cli/common.sh"
[ -w /dev/full ] || skip "/dev/full missing"
echo "bg 50 0 0" | "$RENDER" 16 16 "$tmp/p.png"
"$SAMPLE" "$tmp/p.png" >/dev/full 2>"$tmp/e"
[ $? -eq 2 ] || fail "write to /dev/full: exit not 2"
grep -q "write error" "$tmp/e" || fail "no write error message"
set -- "$tmp/p.png"
i=0
while [ $i -lt 200 ]; do set -- "$@" "$tmp/p.png"; i=$((i + 1)); done
"$SAMPLE" -r grid:16x16 "$@" 2>"$tmp/e" | head -1 >/dev/null
[ -s "$tmp/e" ] && fail "noise on stderr after head: $(cat "$tmp/e")"
# The batch stops when the reader is gone: the progress line's count
# shows that not all 201 images were measured (-j 2: at most a few more
# than the first were in flight or finished).
"$SAMPLE" -j 2 --progress -r grid:16x16 "$@" 2>"$tmp/e" | head -1 >/dev/null
done=$(sed -n 's/^smp-sample: \([0-9]*\) images in .*/\1/p' "$tmp/e")
[ -n "$done" ] && [ "$done" -lt 201 ] ||
    fail "the batch went on after the reader left: $(cat "$tmp/e")"
echo "ok: the batch stopped after $done of 201 images"
exit 0
