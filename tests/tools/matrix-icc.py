#!/usr/bin/env python3
"""matrix-icc.py OUT.icc GAMMA Xr Yr Zr Xg Yg Zg Xb Yb Zb: an ICC v2
matrix/TRC RGB display profile with the given colorants (any values,
negative ones too) and one gamma for the three curves, for tests of
profiles no real camera has.  Written from ICC.1:2001-04; shares no code
with libsmp."""
import struct
import sys


def s15(v):
    return struct.pack(">i", int(round(v * 65536)))


def xyz(x, y, z):
    return b"XYZ " + b"\0" * 4 + s15(x) + s15(y) + s15(z)


def curv(g):
    return b"curv" + b"\0" * 4 + struct.pack(">IH", 1, int(round(g * 256))) + b"\0\0"


def desc(text):
    t = text.encode() + b"\0"
    body = b"desc" + b"\0" * 4 + struct.pack(">I", len(t)) + t
    body += b"\0" * 8 + b"\0" * 3 + b"\0" * 67
    return body


out, gamma = sys.argv[1], float(sys.argv[2])
v = [float(a) for a in sys.argv[3:12]]
tags = [(b"desc", desc("smptools test profile")),
        (b"wtpt", xyz(0.9642, 1.0, 0.8249)),
        (b"rXYZ", xyz(*v[0:3])), (b"gXYZ", xyz(*v[3:6])), (b"bXYZ", xyz(*v[6:9])),
        (b"rTRC", curv(gamma)), (b"gTRC", curv(gamma)), (b"bTRC", curv(gamma))]
off = 128 + 4 + 12 * len(tags)
table, data = struct.pack(">I", len(tags)), b""
for sig, body in tags:
    while len(body) % 4:
        body += b"\0"
    table += sig + struct.pack(">II", off + len(data), len(body))
    data += body
size = off + len(data)
hdr = struct.pack(">I", size) + b"\0" * 4 + struct.pack(">I", 0x02100000)
hdr += b"mntrRGB XYZ " + b"\0" * 12 + b"acsp" + b"\0" * 24
hdr += struct.pack(">I", 0) + s15(0.9642) + s15(1.0) + s15(0.8249)
hdr += b"\0" * (128 - len(hdr))
with open(out, "wb") as f:
    f.write(hdr + table + data)
