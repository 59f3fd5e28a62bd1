#!/bin/sh
# Every file of the shared PngSuite, JPEG and ICC collections goes through
# every tool that reads images or profiles (smp-sample, smp-match,
# smp-calibrate; -p for the profiles), plus decompression bombs and an
# oversized profile made here: a valid file gives readings, an invalid one
# exits 2 with a message naming it, the tools agree on which is which, and
# (natively, where GNU time is installed) no run peaks above 256 MB.
# Under ASan and valgrind (.ci/run) the same calls are checked by the
# sanitizer or memcheck; their own memory makes the peak meaningless there.
# Under valgrind the one-call-per-file parts (2 and 3) take every eighth
# file: the batches of part 1 already decode every image under memcheck,
# and a memcheck start per call would otherwise cost half an hour.
. "$SMP_SRCDIR/tests/cli/common.sh"
need_shared
need_cmd python3
LIMIT_KB=262144
measure=
[ -z "${SMP_NO_ULIMIT:-}" ] && [ -x /usr/bin/time ] &&
    /usr/bin/time -f %M true >/dev/null 2>&1 && measure=1
[ -n "$measure" ] || echo "note: peak memory not measured here"

# run TOOL-VAR-VALUE OUT ERR ARGS...: run one tool, exit status in $rc,
# the peak (KiB) checked when measuring; its stdin is /dev/null, so that
# a loop reading a list on stdin keeps it.
run() {
	tool=$1 out=$2 err=$3
	shift 3
	if [ -n "$measure" ]; then
		/usr/bin/time -f %M -o "$tmp/peak" "$tool" "$@" </dev/null \
		    >"$out" 2>"$err"
		rc=$?
		kb=$(tail -1 "$tmp/peak")
		[ "$kb" -lt "$LIMIT_KB" ] ||
		    fail "$(basename "$tool") $*: peak $kb KiB, limit $LIMIT_KB"
		eval "last=\${$#}"
		[ $# -le 8 ] || last="(the batch)"
		[ "$kb" -gt "${maxkb:-0}" ] && maxkb=$kb maxwhat="$(basename "$tool") $last"
	else
		"$tool" "$@" </dev/null >"$out" 2>"$err"
		rc=$?
	fi
}

# Bombs and an oversized profile, beside the shared files.
mkdir "$tmp/made"
python3 - "$tmp/made" <<'PY'
import struct, sys, zlib
def chunk(k, d):
    return struct.pack('>I', len(d)) + k + d + struct.pack('>I', zlib.crc32(k + d))
def png(extra):
    raw = b''.join(b'\0' + b'\x80\x40\x20' * 16 for _ in range(16))
    return (b'\x89PNG\r\n\x1a\n'
            + chunk(b'IHDR', struct.pack('>IIBBBBB', 16, 16, 8, 2, 0, 0, 0))
            + extra + chunk(b'IDAT', zlib.compress(raw)) + chunk(b'IEND', b''))
big = zlib.compress(b'\0' * (300 << 20), 9)       # 300 MB in 300 KB
d = sys.argv[1]
open(d + '/iccp-bomb.png', 'wb').write(png(chunk(b'iCCP', b'x\0\0' + big)))
open(d + '/ztxt-bomb.png', 'wb').write(png(chunk(b'zTXt', b'Comment\0\0' + big)))
open(d + '/itxt-bomb.png', 'wb').write(png(chunk(b'iTXt', b'XML\0\1\0\0\0' + big)))
# A 1 Gpx IHDR over a tiny IDAT.
open(d + '/pixel-bomb.png', 'wb').write(b'\x89PNG\r\n\x1a\n'
    + chunk(b'IHDR', struct.pack('>IIBBBBB', 32768, 32768, 16, 6, 0, 0, 0))
    + chunk(b'IDAT', zlib.compress(b'\0' * 100)) + chunk(b'IEND', b''))
PY
truncate -s 40M "$tmp/made/huge.icc" || fail "truncate"
# A JPEG whose frame header claims 65500 x 65500 over 16 x 16 of data.
echo "bg 50 10 10" | "$RENDER" 16 16 "$tmp/small.jpg" || fail "render-img"
python3 - "$tmp/small.jpg" "$tmp/made/pixel-bomb.jpg" <<'PY'
import sys
j = bytearray(open(sys.argv[1], 'rb').read())
k = j.index(b'\xff\xc0')
j[k + 5:k + 9] = bytes.fromhex('ffdcffdc')
open(sys.argv[2], 'wb').write(j)
PY

find "$SMP_SHARED/pngsuite" "$SMP_SHARED/jpeg" "$tmp/made" -type f \
    ! -name '*.icc' ! -name PROVENANCE.md | sort >"$tmp/images"
find "$SMP_SHARED/icc" "$tmp/made" -type f -name '*.ic[cm]' -o -type f \
    -path "$SMP_SHARED/icc/*" ! -name PROVENANCE.md | sort -u >"$tmp/profiles"
grep -q ' ' "$tmp/images" "$tmp/profiles" && fail "a shared file name has a space"
nimg=$(wc -l <"$tmp/images")
# One file in eight of each list under valgrind, all of them otherwise.
for l in images profiles; do
	if [ -n "${SMP_VALGRIND:-}" ]; then
		awk 'NR % 8 == 1' "$tmp/$l" >"$tmp/$l.each"
	else
		cp "$tmp/$l" "$tmp/$l.each"
	fi
done
nicc=$(wc -l <"$tmp/profiles")
[ "$nimg" -gt 300 ] && [ "$nicc" -gt 30 ] || fail "only $nimg images, $nicc profiles"

# valid_of TOOL-NAME OUT ERR: check every image either has rows in OUT or
# an error naming it in ERR, never both; print the valid ones (those read:
# smp-match refusing a picture whose colour is not skin has read it).  A
# note or the flags of a reading (smp-match) are not errors.
valid_of() {
	cut -f1 "$2" | sort -u >"$tmp/rows"
	sed -n 's/^smp-match: \(.*\): region [^:]*: Lab .* is not a skin colour.*/\1/p' \
	    "$3" >>"$tmp/rows"
	sort -u -o "$tmp/rows" "$tmp/rows"
	grep -vE ': region [^:]*: (note|flagged)[: ]|is not a skin colour' "$3" \
	    >"$tmp/errors"
	while read -r f; do
		if grep -qxF "$f" "$tmp/rows"; then
			grep -qF "$1: $f:" "$tmp/errors" &&
			    fail "$1: $f has rows and an error"
			echo "$f"
		else
			grep -qF "$1: $f:" "$tmp/errors" ||
			    fail "$1: $f: no rows and no message"
		fi
	done <"$tmp/images"
}

# 1. The batch: smp-sample and smp-match over every image in one call
#    each, going on after each bad file; they agree on what is valid.
# shellcheck disable=SC2046
run "$SAMPLE" "$tmp/s.tsv" "$tmp/s.err" -H $(cat "$tmp/images")
[ "$rc" -eq 2 ] || fail "smp-sample batch: exit $rc, want 2"
valid_of smp-sample "$tmp/s.tsv" "$tmp/s.err" >"$tmp/valid"
# shellcheck disable=SC2046
run "$MATCH" "$tmp/m.tsv" "$tmp/m.err" -H -k 1 $(cat "$tmp/images")
[ "$rc" -eq 2 ] || fail "smp-match batch: exit $rc, want 2"
valid_of smp-match "$tmp/m.tsv" "$tmp/m.err" >"$tmp/mvalid"
cmp -s "$tmp/valid" "$tmp/mvalid" ||
    fail "smp-sample and smp-match disagree: $(diff "$tmp/valid" "$tmp/mvalid" | head -4)"
nvalid=$(wc -l <"$tmp/valid")
echo "ok: $nimg images: $nvalid read by both smp-sample and smp-match, $((nimg - nvalid)) refused by both, each naming the file"
for f in ztxt-bomb itxt-bomb; do
	grep -qxF "$tmp/made/$f.png" "$tmp/valid" || fail "$f.png: text not skipped"
done
grep -qF "iccp-bomb.png: embedded ICC profile is larger than" "$tmp/s.err" ||
    fail "iCCP bomb: $(grep iccp-bomb "$tmp/s.err")"
grep -qF "pixel-bomb.png: image is 32768x32768" "$tmp/s.err" || fail "PNG pixel bomb"
grep -qF "pixel-bomb.jpg: image is 65500x65500" "$tmp/s.err" || fail "JPEG pixel bomb"
echo "ok: text bombs skipped undecompressed, iCCP and pixel bombs refused"

# 2. One call per image: smp-calibrate (no shared image holds a chart:
#    exit 2, the file named, nothing written), and natively the peak
#    memory of each tool on each image alone.
while read -r f; do
	run "$CAL" "$tmp/o" "$tmp/e" -o "$tmp/p.icc" "$f"
	[ "$rc" -eq 2 ] || fail "smp-calibrate $f: exit $rc, want 2"
	grep -qF "smp-calibrate: $f: " "$tmp/e" || fail "smp-calibrate $f: $(cat "$tmp/e")"
	if grep -qxF "$f" "$tmp/valid"; then
		grep -qE ': (no ColorChecker found|a CMYK image cannot be a camera capture)$' \
		    "$tmp/e" || fail "smp-calibrate $f: $(cat "$tmp/e")"
	fi
	[ -e "$tmp/p.icc" ] && fail "smp-calibrate $f: wrote a profile"
	if [ -n "$measure" ]; then
		run "$SAMPLE" "$tmp/o" "$tmp/e" "$f"
		run "$MATCH" "$tmp/o" "$tmp/e" -k 1 "$f"
	fi
done <"$tmp/images.each"
[ -z "$(ls -A "$tmp" | grep '^\.\?p\.icc')" ] || fail "a temporary profile is left"
echo "ok: smp-calibrate refuses all $(wc -l <"$tmp/images.each") tried of $nimg, naming each, writing nothing"

# 3. Every profile through -p of smp-sample and smp-match on an RGB
#    image: both accept it or both refuse it naming the profile.
echo "bg 50 10 10" | "$RENDER" 24 24 "$tmp/rgb.png" || fail "render-img"
ok=0
while read -r p; do
	run "$SAMPLE" "$tmp/o" "$tmp/e" -H -p "$p" "$tmp/rgb.png"
	src=$rc
	[ $src -eq 0 ] || [ $src -eq 2 ] || fail "smp-sample -p $p: exit $src"
	if [ $src -eq 0 ]; then
		[ "$(wc -l <"$tmp/o")" -eq 1 ] || fail "smp-sample -p $p: no row"
		ok=$((ok + 1))
	else
		grep -qF "profile $p: " "$tmp/e" || fail "smp-sample -p $p: $(cat "$tmp/e")"
	fi
	run "$MATCH" "$tmp/o" "$tmp/e" -H -k 1 -p "$p" "$tmp/rgb.png"
	[ $rc -eq $src ] || fail "smp-match -p $p: exit $rc, smp-sample $src"
	[ $rc -eq 0 ] || grep -qF "profile $p: " "$tmp/e" ||
	    fail "smp-match -p $p: $(cat "$tmp/e")"
done <"$tmp/profiles.each"
run "$SAMPLE" "$tmp/o" "$tmp/e" -p "$tmp/made/huge.icc" "$tmp/rgb.png"
grep -qF "huge.icc: 41943040 bytes, above the 16 MiB limit" "$tmp/e" ||
    fail "huge profile: $(cat "$tmp/e")"
echo "ok: $(wc -l <"$tmp/profiles.each") tried of $nicc profiles: $ok usable with an RGB image, the rest refused by both tools naming the profile"
[ -z "$measure" ] || echo "ok: peak memory at most $maxkb KiB ($maxwhat), limit $LIMIT_KB"
exit 0
