#!/usr/bin/env python3
"""tile.py IN.ppm NX NY OUT.ppm [OUT16.png]: tile djpeg's PPM NX by NY
(for scripts/bench-sample.sh); with OUT16.png also a 16-bit RGB PNG of
the same pixels (v * 257).  Standard library only."""
import struct
import sys
import zlib


def read_ppm(path):
    """djpeg's PPM: "P6\nW H\n255\n", no comments, then the pixels."""
    with open(path, 'rb') as f:
        magic, size, maxval, px = f.read().split(b'\n', 3)
    if magic != b'P6' or maxval != b'255':
        sys.exit('tile.py: %s: not djpeg\'s 8-bit P6 PPM' % path)
    w, h = (int(v) for v in size.split())
    return w, h, px[:w * h * 3]


def png_chunk(kind, body):
    c = kind + body
    return struct.pack('>I', len(body)) + c + struct.pack('>I', zlib.crc32(c))


def main():
    src, nx, ny, out = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), sys.argv[4]
    w, h, px = read_ppm(src)
    rows = [px[y * w * 3:(y + 1) * w * 3] * nx for y in range(h)]
    with open(out, 'wb') as f:
        f.write(b'P6\n%d %d\n255\n' % (w * nx, h * ny))
        for _ in range(ny):
            f.writelines(rows)
    if len(sys.argv) > 5:
        z = zlib.compressobj(1)
        parts = []
        for _ in range(ny):
            for r in rows:
                wide = bytearray(len(r) * 2)
                wide[0::2] = r
                wide[1::2] = r
                parts.append(z.compress(b'\0' + bytes(wide)))
        parts.append(z.flush())
        with open(sys.argv[5], 'wb') as f:
            f.write(b'\x89PNG\r\n\x1a\n')
            f.write(png_chunk(b'IHDR', struct.pack('>IIBBBBB', w * nx,
                                                   h * ny, 16, 2, 0, 0, 0)))
            f.write(png_chunk(b'sRGB', b'\0'))
            f.write(png_chunk(b'IDAT', b''.join(parts)))
            f.write(png_chunk(b'IEND', b''))


main()
