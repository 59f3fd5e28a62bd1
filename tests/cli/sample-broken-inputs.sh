#!/bin/sh
# Corrupt, truncated and fuzzed files: exit 0 or 2, never a crash or hang,
# a message naming the file; a batch mixing good and bad files prints
# every good row and exits 2.
. "$SMP_SRCDIR/tests/cli/common.sh"
need_shared
D="$SMP_SHARED"
# Under valgrind one file in four (shared-files-every-tool decodes them
# all there, in one batch).
n=0
for f in "$D"/jpeg/fuzz_go-fuzz-corpus/* "$D"/pngsuite/fuzz_go-fuzz-corpus/* \
    "$D"/jpeg/*/*.jpg "$D"/pngsuite/pngsuite/iphone/*.png; do
	n=$((n + 1))
	[ -n "${SMP_VALGRIND:-}" ] && [ $((n % 4)) -ne 1 ] && continue
	timeout 60 "$SAMPLE" "$f" >/dev/null 2>"$tmp/e"
	rc=$?
	case $rc in
	0) ;;
	2) grep -qF "smp-sample: $f: " "$tmp/e" ||
	       fail "$f: message does not name the file: $(cat "$tmp/e")" ;;
	*) fail "$f: exit $rc" ;;
	esac
done
echo "ok: fuzz corpora and odd JPEGs"
for f in pillow/truncated_jpeg.jpg sharp/corrupt-header.jpg \
    pillow/junk_jpeg_header.jpg libjpeg-turbo/monkey12.jpg; do
	"$SAMPLE" "$D/jpeg/$f" >/dev/null 2>&1
	[ $? -eq 2 ] || fail "$f accepted"
done
# Our own truncations of a good file, at several lengths.
echo "bg 50 10 10" | "$RENDER" 64 64 "$tmp/g.jpg"
echo "bg 50 10 10" | "$RENDER" 64 64 "$tmp/g.png"
# Cut 1 byte (part of IEND or EOI), 13 (into the last CRC), half, or all
# but 20 bytes.
for g in "$tmp/g.jpg" "$tmp/g.png"; do
	size=$(wc -c <"$g")
	ext=${g##*.}
	for cut in 1 13 $((size / 2)) $((size - 20)); do
		f="$tmp/cut$cut.$ext"
		head -c $((size - cut)) "$g" >"$f"
		"$SAMPLE" "$f" >/dev/null 2>"$tmp/e"
		[ $? -eq 2 ] || fail "$f: file truncated by $cut bytes accepted"
		grep -qF "$f" "$tmp/e" || fail "$f: not named"
	done
done
head -c 100 "$tmp/g.png" >"$tmp/t200.png"
: >"$tmp/empty.png"
echo "not an image" >"$tmp/text.png"
"$SAMPLE" "$tmp/empty.png" 2>&1 | grep -q "empty file" || fail "empty file"
"$SAMPLE" "$tmp/text.png" 2>&1 | grep -q "not a PNG or JPEG" || fail "text file"
"$SAMPLE" "$tmp" 2>&1 | grep -q "is a directory" || fail "directory"
# Standard input, whole and truncated.
"$SAMPLE" -H - <"$tmp/g.png" | cut -f1 | grep -qx -- - || fail "stdin"
"$SAMPLE" - <"$tmp/t200.png" >/dev/null 2>"$tmp/e"
[ $? -eq 2 ] && grep -q "^smp-sample: -: " "$tmp/e" || fail "truncated stdin"
# Batch: good, bad, good, missing, good.
"$SAMPLE" -H "$tmp/g.png" "$tmp/t200.png" "$tmp/g.jpg" "$tmp/none.png" \
    "$tmp/g.png" >"$tmp/o" 2>"$tmp/e"
rc=$?
[ $rc -eq 2 ] || fail "batch exit $rc, want 2"
[ "$(wc -l <"$tmp/o")" -eq 3 ] || fail "batch printed $(wc -l <"$tmp/o") rows, want 3"
[ "$(wc -l <"$tmp/e")" -eq 2 ] || fail "batch: want 2 messages"
grep -q "none.png: No such file" "$tmp/e" || fail "missing file message"
exit 0
