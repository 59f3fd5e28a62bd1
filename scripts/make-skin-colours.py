#!/usr/bin/env python3
"""Generate data/skin-colours.tsv: published in-vivo skin colours, CIELAB D65.

usage: scripts/make-skin-colours.py M38597.csv > data/skin-colours.tsv

M38597.csv is the NIST skin reflectance data set (Cooksey, Allen, Tsai
2017, "Reference data set of human skin reflectance", J Res NIST 122:26,
doi:10.18434/M38597; a work of the US government, public domain): the
inner-forearm reflectance factor of 100 subjects, 250-2500 nm at 3 nm,
three spectra each and their average.  Each subject's average is taken
at 400..700 nm every 10 nm (linear interpolation between the 3-nm
samples) and turned into CIELAB with the CIE 1931 2-degree observer and
D65, both read from src/lib/spectrum.c so that the numbers are the ones
smptools itself computes.  The other rows are the published means typed
from their papers (sources in the rows).  The output is deterministic.
"""
import math
import os
import re
import sys

# name, source, site, L, a, b (D65): means as published
PUBLISHED = [
    ("xiao-caucasian-forearm", "Xiao et al. 2017 Skin Res Technol 23:21",
     "forearm", 63.0, 5.6, 14.0),
    ("xiao-chinese-forearm", "Xiao et al. 2017", "forearm", 60.9, 7.0, 15.0),
    ("xiao-kurdish-forearm", "Xiao et al. 2017", "forearm", 60.6, 6.5, 16.4),
    ("xiao-thai-forearm", "Xiao et al. 2017", "forearm", 61.9, 7.1, 17.4),
    ("xiao-caucasian-forehead", "Xiao et al. 2017", "forehead",
     59.2, 11.6, 15.1),
    ("xiao-chinese-forehead", "Xiao et al. 2017", "forehead",
     56.4, 11.7, 16.3),
    ("xiao-kurdish-forehead", "Xiao et al. 2017", "forehead",
     56.1, 11.3, 16.4),
    ("xiao-thai-forehead", "Xiao et al. 2017", "forehead", 56.8, 11.6, 17.7),
    ("xiao-caucasian-cheek", "Xiao et al. 2017", "cheek", 59.6, 11.8, 14.6),
    ("xiao-chinese-cheek", "Xiao et al. 2017", "cheek", 58.9, 11.4, 14.2),
    ("xiao-kurdish-cheek", "Xiao et al. 2017", "cheek", 58.0, 11.7, 15.8),
    ("xiao-thai-cheek", "Xiao et al. 2017", "cheek", 60.7, 10.5, 17.2),
    ("derigal-african-american-forehead",
     "De Rigal et al. 2010 Skin Res Technol 16:168 (read from graphs)",
     "forehead", 44.0, 14.0, 19.0),
    ("derigal-african-american-cheek", "De Rigal et al. 2010", "cheek",
     48.0, 15.0, 20.0),
    ("derigal-mexican-forehead", "De Rigal et al. 2010", "forehead",
     58.0, 15.0, 21.0),
    ("derigal-mexican-cheek", "De Rigal et al. 2010", "cheek",
     63.0, 16.0, 21.0),
    ("iadr-2009-cluster-1",
     "Proposed shade guide for human facial skin, IADR 2009 abstract "
     "120461 (120 subjects, 45/0)", "face", 52.5, 17.0, 18.9),
    ("iadr-2009-cluster-2", "IADR 2009 abstract 120461", "face",
     37.7, 17.2, 14.7),
    ("iadr-2009-cluster-3", "IADR 2009 abstract 120461", "face",
     49.4, 22.0, 12.3),
    ("iadr-2009-cluster-4", "IADR 2009 abstract 120461", "face",
     41.5, 25.5, 13.3),
    ("iadr-2009-cluster-5", "IADR 2009 abstract 120461", "face",
     26.7, 14.6, 14.7),
]


def tables():
    here = os.path.dirname(os.path.abspath(__file__))
    src = open(os.path.join(here, "..", "src", "lib", "spectrum.c")).read()
    src = re.sub(r"/\*.*?\*/", "", src, flags=re.S)

    def arr(name):
        m = re.search(r"\b" + name + r"\[[^\]]*\](?:\[3\])? = \{(.*?)\};",
                      src, re.S)
        return [float(x) for x in
                re.findall(r"-?\d+\.?\d*(?:e-?\d+)?", m.group(1))]
    cmf = arr("cmf")
    return [cmf[3 * i:3 * i + 3] for i in range(31)], arr("d65")


def lab(R, cmf, S):
    n = sum(S[i] * cmf[i][1] for i in range(31))
    X, Y, Z = (sum(S[i] * R[i] * cmf[i][k] for i in range(31)) / n
               for k in range(3))
    Xw = sum(S[i] * cmf[i][0] for i in range(31)) / n
    Zw = sum(S[i] * cmf[i][2] for i in range(31)) / n

    def f(t):
        return t ** (1 / 3) if t > 216 / 24389 else (24389 / 27 * t + 16) / 116
    fx, fy, fz = f(X / Xw), f(Y), f(Z / Zw)
    return 116 * fy - 16, 500 * (fx - fy), 200 * (fy - fz)


def nist(path, cmf, S):
    rows = [line.rstrip("\r\n").split(",")
            for line in open(path, encoding="latin-1")]
    data = [r for r in rows if r and re.match(r"^\d+$", r[0])]
    nm = [int(r[0]) for r in data]
    nsub = 0
    while 4 * nsub + 4 < len(data[0]) and data[0][4 * nsub + 4] != "":
        nsub += 1
    out = []
    for s in range(nsub):
        col = s * 4 + 4               # R1, R2, R3, Average
        R = []
        for i in range(31):
            w = 400 + 10 * i
            j = max(k for k in range(len(nm)) if nm[k] <= w)
            if nm[j] == w:
                R.append(float(data[j][col]))
            else:
                t = (w - nm[j]) / (nm[j + 1] - nm[j])
                R.append(float(data[j][col]) * (1 - t) +
                         float(data[j + 1][col]) * t)
        out.append(lab(R, cmf, S))
    return out


def ita(L, b):
    return math.degrees(math.atan2(L - 50, b))


def main():
    cmf, S = tables()
    print("# Published in-vivo skin colours, CIELAB D65 (2-degree), for "
          "the skin fit's test;")
    print("# generated by scripts/make-skin-colours.py; do not edit by "
          "hand.  Sources per row; NIST rows")
    print("# from the 400-700 nm average spectra of Cooksey et al. 2017 "
          "(doi:10.18434/M38597).")
    print("\t".join(["name", "source", "site", "L", "a", "b", "ita"]))
    for i, (L, a, b) in enumerate(nist(sys.argv[1], cmf, S)):
        print("nist-subject-%d\tCooksey et al. 2017 (NIST)\tinner "
              "forearm\t%.2f\t%.2f\t%.2f\t%.1f" % (i + 1, L, a, b,
                                                 ita(L, b)))
    for name, src, site, L, a, b in PUBLISHED:
        print("%s\t%s\t%s\t%.2f\t%.2f\t%.2f\t%.1f" % (name, src, site, L, a,
                                                    b, ita(L, b)))


if __name__ == "__main__":
    main()
