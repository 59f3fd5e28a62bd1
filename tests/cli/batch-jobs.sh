#!/bin/sh
# Batches: -j N gives byte-identical output and messages for every N, in
# input order, going on after bad files; --files-from (newline or NUL
# lists, from a file or standard input) is the same as the operands; the
# progress line appears only when asked (or on a terminal) and ends with
# a count; bad -j and lists are usage errors.
. "$SMP_SRCDIR/tests/cli/common.sh"
mkdir "$tmp/photos"
i=0
for lab in "62 14 17" "45 12 20" "75 8 14" "30 10 12" "55 0 0" "68 11 15"; do
	i=$((i + 1))
	echo "bg $lab" | "$RENDER" -n 2 40 30 "$tmp/photos/p$i.png" || fail "render"
	echo "bg $lab" | "$RENDER" -n 2 40 30 "$tmp/photos/q$i.jpg" || fail "render"
done
printf 'not an image' >"$tmp/photos/bad.png"
# A name with a space and one with a newline (only a NUL list carries it).
cp "$tmp/photos/p1.png" "$tmp/photos/with space.png"
nl='
'
cp "$tmp/photos/p2.png" "$tmp/photos/new${nl}line.png"
(cd "$tmp/photos" && ls -1 p*.png q*.jpg bad.png) | sed "s|^|$tmp/photos/|" >"$tmp/list"
printf '%s\n' "$tmp/photos/with space.png" >>"$tmp/list"

# -j: the same bytes for 1, 2 and 5 workers, bad file reported in place.
set -- $(cat "$tmp/list" | grep -v ' ')
for j in 1 2 5; do
	"$SAMPLE" -j $j -r grid:2x2 "$@" "$tmp/photos/with space.png" \
	    >"$tmp/o$j" 2>"$tmp/e$j"
	[ $? -eq 2 ] || fail "-j $j: exit status, want 2 for the bad file"
done
cmp -s "$tmp/o1" "$tmp/o2" && cmp -s "$tmp/o1" "$tmp/o5" || fail "-j changes the rows"
cmp -s "$tmp/e1" "$tmp/e2" && cmp -s "$tmp/e1" "$tmp/e5" || fail "-j changes the messages"
[ "$(grep -c . "$tmp/e1")" -eq 1 ] && grep -q "bad.png: not a PNG or JPEG image" "$tmp/e1" ||
    fail "messages: $(cat "$tmp/e1")"
cut -f1 "$tmp/o1" | sed 1d | uniq >"$tmp/order"
grep -vF bad.png "$tmp/list" | cmp -s - "$tmp/order" || fail "rows not in input order"
echo "ok: -j 1, 2, 5 give identical rows and messages, in input order"

# --files-from: newline list from a file, NUL list from stdin, with the
# operands first.
"$SAMPLE" -j 2 -r grid:2x2 --files-from "$tmp/list" >"$tmp/f1" 2>/dev/null
cmp -s "$tmp/o1" "$tmp/f1" || fail "--files-from FILE differs from the operands"
tr '\n' '\0' <"$tmp/list" | "$SAMPLE" -j 2 -r grid:2x2 -0 --files-from - \
    >"$tmp/f2" 2>/dev/null
cmp -s "$tmp/o1" "$tmp/f2" || fail "-0 --files-from - differs"
head -1 "$tmp/list" >"$tmp/one"
sed 1d "$tmp/list" | "$SAMPLE" -j 3 -r grid:2x2 --files-from - "$(cat "$tmp/one")" \
    >"$tmp/f3" 2>/dev/null
cmp -s "$tmp/o1" "$tmp/f3" || fail "operands then --files-from differ"
printf '%s\0' "$tmp/photos/new${nl}line.png" | "$SAMPLE" -H -0 --files-from - \
    >"$tmp/f4" || fail "a NUL list with a newline in a name"
[ "$(wc -l <"$tmp/f4")" -eq 1 ] || fail "newline name: $(cat "$tmp/f4")"
echo "ok: --files-from (newline and NUL lists, file and stdin) equals the operands"

# Usage errors.
for a in "-j 0" "-j 257" "-j x" "-j 1.5"; do
	# shellcheck disable=SC2086
	"$SAMPLE" $a "$tmp/photos/p1.png" >/dev/null 2>"$tmp/e"
	[ $? -eq 2 ] && grep -q "^smp-sample: -j: " "$tmp/e" || fail "$a: $(cat "$tmp/e")"
done
"$SAMPLE" --files-from "$tmp/nonexistent" >/dev/null 2>"$tmp/e"
[ $? -eq 2 ] && grep -q "nonexistent: No such file" "$tmp/e" || fail "missing list"
: | "$SAMPLE" --files-from - >/dev/null 2>"$tmp/e"
[ $? -eq 2 ] && grep -q "no image given" "$tmp/e" || fail "empty list: $(cat "$tmp/e")"
"$SAMPLE" --files-from "$tmp/photos" >/dev/null 2>"$tmp/e"
[ $? -eq 2 ] && grep -q "photos: cannot read the file list: Is a directory" "$tmp/e" ||
    fail "directory as list: $(cat "$tmp/e")"
echo "ok: bad -j values and unreadable lists exit 2"

# Progress: off when stderr is not a terminal, on with --progress.
"$SAMPLE" -j 2 "$tmp/photos/p1.png" "$tmp/photos/p2.png" >/dev/null 2>"$tmp/e" ||
    fail "two images"
[ ! -s "$tmp/e" ] || fail "progress without a terminal: $(cat "$tmp/e")"
"$SAMPLE" -j 2 --progress "$tmp/photos/p1.png" "$tmp/photos/p2.png" \
    >/dev/null 2>"$tmp/e" || fail "--progress"
grep -Eq '^smp-sample: 2 images in [0-9.]+ s \([0-9.]+/s\)$' "$tmp/e" ||
    fail "--progress: $(cat "$tmp/e")"
printf 'not an image' >"$tmp/broken.png"
"$SAMPLE" -j 2 --progress "$tmp/photos/p1.png" "$tmp/broken.png" \
    "$tmp/photos/p2.png" >/dev/null 2>"$tmp/e" && fail "a broken image passed"
grep -Eq '^smp-sample: 3 images in [0-9.]+ s \([0-9.]+/s\), 1 failed$' "$tmp/e" ||
    fail "--progress does not count the failure: $(cat "$tmp/e")"
"$SAMPLE" --progress --no-progress "$tmp/photos/p1.png" >/dev/null 2>"$tmp/e"
[ ! -s "$tmp/e" ] || fail "--no-progress"
if command -v script >/dev/null 2>&1; then
	script -qec "'$SAMPLE' -j 1 '$tmp/photos/p1.png' '$tmp/photos/bad.png' >/dev/null" \
	    /dev/null >"$tmp/tty" 2>&1
	grep -q '1 images in\|2 images in' "$tmp/tty" || fail "no progress on a terminal: $(cat "$tmp/tty")"
	grep -q 'bad.png: not a PNG' "$tmp/tty" || fail "message lost on a terminal"
	echo "ok: progress on a terminal by default"
fi
echo "ok: progress only when asked or on a terminal"

# smp-match: readings ranked on several threads, same bytes; a reading
# file given twice and a dot row after its skin stay grouped as before.
awk 'BEGIN { srand(3); print "file\tregion\tclass\tL\ta\tb\twhite"
	for (i = 0; i < 60; i++) {
		printf "r%d\tall\tskin\t%.2f\t%.2f\t%.2f\tD50\n", i, 30 + 50 * rand(), 5 + 10 * rand(), 10 + 10 * rand()
		if (i % 3 == 0) printf "r%d\tall\tdot\t%.2f\t2\t3\tD50\n", i, 20 + 10 * rand()
	} }' >"$tmp/r.tsv"
for j in 1 3; do
	"$MATCH" -j $j -k 2 "$tmp/r.tsv" "$tmp/r.tsv" >"$tmp/m$j" || fail "smp-match -j $j"
done
cmp -s "$tmp/m1" "$tmp/m3" || fail "smp-match -j changes the rows"
[ "$(sed 1d "$tmp/m1" | wc -l)" -eq 240 ] || fail "smp-match rows: $(wc -l <"$tmp/m1")"
[ "$(col target_source <"$tmp/m1" | grep -c reading)" -eq 80 ] ||
    fail "dot rows not grouped with their skins"
printf '%s\n' "$tmp/r.tsv" "$tmp/r.tsv" | "$MATCH" -j 2 -k 2 --files-from - >"$tmp/m4" ||
    fail "smp-match --files-from"
cmp -s "$tmp/m1" "$tmp/m4" || fail "smp-match --files-from differs"
"$MATCH" -j 2 --progress -k 1 "$tmp/r.tsv" >/dev/null 2>"$tmp/e" || fail "match --progress"
grep -Eq '^smp-match: 60 readings in ' "$tmp/e" || fail "match progress: $(cat "$tmp/e")"
echo "ok: smp-match -j 1 and 3 identical over 120 readings, --files-from, progress"
exit 0
