#!/bin/sh
# Decompression bombs are refused before allocation, under bounded memory.
. "$SMP_SRCDIR/tests/cli/common.sh"
need_cmd python3
need_cmd cjpeg
# A PNG header claiming 65536 x 65536 RGB, with a tiny IDAT.
python3 - "$tmp/bomb.png" <<'PY'
import struct, sys, zlib
def chunk(k, d):
    return struct.pack('>I', len(d)) + k + d + struct.pack('>I', zlib.crc32(k + d))
png = b'\x89PNG\r\n\x1a\n' + chunk(b'IHDR', struct.pack('>IIBBBBB', 65536, 65536, 8, 2, 0, 0, 0))
png += chunk(b'IDAT', zlib.compress(b'\0' * 1000)) + chunk(b'IEND', b'')
open(sys.argv[1], 'wb').write(png)
PY
(limit_vm 262144; "$SAMPLE" "$tmp/bomb.png") >/dev/null 2>"$tmp/e"
[ $? -eq 2 ] || fail "PNG bomb not refused"
grep -q "65536x65536 (4295.0 Mpx), above the limit of 100.0 Mpx (--max-pixels)" "$tmp/e" ||
    fail "bomb message: $(cat "$tmp/e")"
# Raising --max-pixels moves the refusal to the region's size (a
# region's colours are counted in 32 bits).
(limit_vm 262144; "$SAMPLE" --max-pixels 5G "$tmp/bomb.png") >/dev/null 2>"$tmp/e"
[ $? -eq 2 ] || fail "PNG bomb with --max-pixels not refused"
grep -q "bomb.png: region all has more than 4294967295 pixels" "$tmp/e" ||
    fail "region size message: $(cat "$tmp/e")"
# A small region of the same header needs little memory, and then fails
# on the missing data, not on allocation.
(limit_vm 262144; "$SAMPLE" --max-pixels 5G -r rect:0,0,16,16 "$tmp/bomb.png") >/dev/null 2>"$tmp/e"
[ $? -eq 2 ] || fail "short IDAT accepted"
grep -q "above the limit" "$tmp/e" && fail "region read refused by a limit"
# The shared 280-megapixel JPEG.
if [ -n "${SMP_SHARED:-}" ] && [ -f "$SMP_SHARED/jpeg/sharp/giant-image.jpg" ]; then
	(limit_vm 262144; "$SAMPLE" "$SMP_SHARED/jpeg/sharp/giant-image.jpg") >/dev/null 2>"$tmp/e"
	[ $? -eq 2 ] || fail "giant JPEG accepted"
	grep -q "20000x14000 (280.0 Mpx)" "$tmp/e" || fail "giant message"
	# With the pixel limit raised, a 64x64 region decodes in bounded memory.
	(limit_vm 262144; "$SAMPLE" --max-pixels 300M -r rect:10000,7000,64,64 \
	    "$SMP_SHARED/jpeg/sharp/giant-image.jpg") >"$tmp/o" 2>"$tmp/e" ||
	    fail "giant JPEG region: $(cat "$tmp/e")"
fi
# --max-memory applies to the region store: up front for the tables the
# regions start with (32 bytes for a tile of one pixel: 2.7 MiB for
# 90000 of them), and as a
# region's table grows (a 256x256 PNG of 65536 colours holds 2 MiB).
python3 - "$tmp/c.png" <<'PY'
import struct, sys, zlib
def chunk(k, d):
    return struct.pack('>I', len(d)) + k + d + struct.pack('>I', zlib.crc32(k + d))
rows = b''.join(b'\0' + bytes(v for x in range(256) for v in (x, y, 77))
    for y in range(256))
png = b'\x89PNG\r\n\x1a\n' + chunk(b'IHDR', struct.pack('>IIBBBBB', 256, 256, 8, 2, 0, 0, 0))
png += chunk(b'IDAT', zlib.compress(rows)) + chunk(b'IEND', b'')
open(sys.argv[1], 'wb').write(png)
PY
"$SAMPLE" --max-memory 1M "$tmp/c.png" >/dev/null 2>"$tmp/e"
[ $? -eq 2 ] || fail "--max-memory ignored by the colours"
grep -q "c.png: its regions' colours need more than the limit of 1 MiB (--max-memory)" \
    "$tmp/e" || fail "colour memory message: $(cat "$tmp/e")"
"$SAMPLE" --max-memory 4M "$tmp/c.png" >/dev/null || fail "4M should do"
echo "bg 50 0 0" | "$RENDER" 300 300 "$tmp/m.png"
"$SAMPLE" --max-memory 2M "$tmp/m.png" >/dev/null || fail "2M should do"
"$SAMPLE" --max-memory 2M -r grid:300x300 "$tmp/m.png" >/dev/null 2>"$tmp/e"
[ $? -eq 2 ] || fail "--max-memory ignored by 90000 tiles"
grep -q "m.png: the regions need 3 MiB, above the limit of 2 MiB" "$tmp/e" || fail "region memory message: $(cat "$tmp/e")"
# Regions of 1 Mpx and more count in 32 MiB arrays, in at most half the
# budget and for the largest first; the others use tables.  Whichever
# counts a region, its line is the same: three such regions of a
# textured 8-bit photo, under budgets that allow three arrays (the
# default), one (80M) and none (40M), and each region on its own.
python3 - "$tmp/t.png" <<'PY'
import struct, sys, zlib
def chunk(k, d):
    return struct.pack('>I', len(d)) + k + d + struct.pack('>I', zlib.crc32(k + d))
W, H = 1100, 1000
rows = b''.join(b'\0' + bytes(v for x in range(W) for v in
    ((x // 4 + y // 5) % 256, (x * y // 997) % 64 + 100,
    ((x // 8) ^ (y // 8)) % 32 + 60))
    for y in range(H))
png = b'\x89PNG\r\n\x1a\n' + chunk(b'IHDR', struct.pack('>IIBBBBB', W, H, 8, 2, 0, 0, 0))
png += chunk(b'IDAT', zlib.compress(rows, 1)) + chunk(b'IEND', b'')
open(sys.argv[1], 'wb').write(png)
PY
# The same photo as a JPEG (cjpeg), whose rows an array counts as 8-bit
# samples and a table as widened ones.
python3 - "$tmp/t.png" "$tmp/t.ppm" <<'PY'
import struct, sys, zlib
d = open(sys.argv[1], 'rb').read()
W, H = struct.unpack('>II', d[16:24])
idat = zlib.decompress(d[d.index(b'IDAT') + 4:d.index(b'IEND') - 8])
rows = b''.join(idat[y * (3 * W + 1) + 1:(y + 1) * (3 * W + 1)] for y in range(H))
open(sys.argv[2], 'wb').write(b'P6 %d %d 255\n' % (W, H) + rows)
PY
cjpeg -quality 90 "$tmp/t.ppm" >"$tmp/t.jpg" || fail "cjpeg"
regions="-r all -r rect:0,0,1050,1000 -r rect:50,0,1050,1000"
for f in t.png t.jpg; do
	"$SAMPLE" -S $regions "$tmp/$f" >"$tmp/t3" || fail "$f: three arrays"
	"$SAMPLE" -S --max-memory 80M $regions "$tmp/$f" >"$tmp/t1" ||
	    fail "$f: one array"
	"$SAMPLE" -S --max-memory 40M $regions "$tmp/$f" >"$tmp/t0" ||
	    fail "$f: no array"
	cmp -s "$tmp/t3" "$tmp/t1" ||
	    fail "$f: one array: $(diff "$tmp/t3" "$tmp/t1")"
	cmp -s "$tmp/t3" "$tmp/t0" ||
	    fail "$f: no array: $(diff "$tmp/t3" "$tmp/t0")"
	: >"$tmp/each"
	for r in all rect:0,0,1050,1000 rect:50,0,1050,1000; do
		"$SAMPLE" -S -r $r "$tmp/$f" | sed -n '2,$p' >>"$tmp/each" ||
		    fail "$f: region $r alone"
	done
	sed -n '2,$p' "$tmp/t3" | cmp -s - "$tmp/each" ||
	    fail "$f: regions together and alone differ: $(sed -n '2,$p' "$tmp/t3" | diff - "$tmp/each")"
	[ "$(wc -l <"$tmp/t3")" -ge 4 ] || fail "$f: too few lines: $(cat "$tmp/t3")"
done
exit 0
