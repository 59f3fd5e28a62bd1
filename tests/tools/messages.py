#!/usr/bin/env python3
"""List the fixed text of every diagnostic the sources can print.

usage: messages.py SRCDIR
Prints "file<TAB>fragment" for each run of literal text (between printf
conversions) of at least two words in a format given to smp_errf,
smp_tsv_errf, smp_cli_usage_error, smp_cli_warnx or fprintf(stderr, ...), in
src/lib/*.c, src/cli/*.c and src/*.c.  Whitespace is collapsed.
"""
import glob
import os
import re
import sys

CALL = re.compile(r'\b(smp_errf\s*\([^,;]*,[^,;]*,|smp_tsv_errf\s*\([^,;]*,[^,;]*,'
                  r'|smp_cli_usage_error\s*\(|smp_cli_warnx\s*\(|fprintf\s*\(\s*stderr\s*,)'
                  r'\s*((?:"(?:[^"\\]|\\.)*"\s*)+)', re.S)
LIT = re.compile(r'"((?:[^"\\]|\\.)*)"')
CONV = re.compile(r'%[-#0 +]*(?:\*|\d+)?(?:\.(?:\*|\d+))?(?:hh|h|ll|l|j|z|t|L)?[diouxXeEfgGcsp%]')


def fragments(fmt):
    text = bytes(fmt, 'ascii').decode('unicode_escape')
    for part in CONV.split(text):
        part = ' '.join(part.split()).strip(' :;,.()\'')
        if len(part.split()) >= 2:
            yield part


def main():
    src = sys.argv[1]
    files = sorted(glob.glob(os.path.join(src, 'src/lib/*.c')) +
                   glob.glob(os.path.join(src, 'src/cli/*.c')) +
                   glob.glob(os.path.join(src, 'src/*.c')))
    for f in files:
        s = open(f, encoding='utf-8').read()
        for m in CALL.finditer(s):
            fmt = ''.join(LIT.findall(m.group(2)))
            for frag in fragments(fmt):
                print(f'{os.path.relpath(f, src)}\t{frag}')


main()
