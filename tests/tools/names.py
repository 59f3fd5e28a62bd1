#!/usr/bin/env python3
"""Exported names carry their file's name.

usage: names.py NM LIBSMP.a [--list]
Every function or object that an object file of libsmp defines globally
is named smp_<stem> or smp_<stem>_..., or smp__<stem>... for what only
library files share (smp-internal.h), where <stem> is the file's name
without .c and with '-' as '_' (chart-detect.c: smp_chart_detect_...).
The one exception is smp_errf, the printf-like filler of err.c.  Names
that begin with two underscores are the implementation's (a sanitizer's
__odr_asan.* markers) and are not counted.
Prints the count and the names that break the rule; exit 1 if any does.
"""
import subprocess
import sys

EXCEPTIONS = {'smp_errf'}


def main():
    nm, lib = sys.argv[1], sys.argv[2]
    out = subprocess.run([nm, '-A', '--defined-only', '-g', lib],
                         capture_output=True, text=True, check=True).stdout
    total = bad = 0
    for line in out.splitlines():
        parts = line.split()
        if len(parts) < 3:
            continue
        obj = [f for f in parts[0].split(':') if f.endswith('.o')][-1]
        stem = obj[:-2].replace('-', '_')
        name = parts[-1]
        if name.startswith('__'):
            continue
        total += 1
        ok = (name in EXCEPTIONS or name == f'smp_{stem}' or
              name.startswith(f'smp_{stem}_') or
              name.startswith(f'smp__{stem}_'))
        if not ok:
            bad += 1
            print(f'{obj}: {name}')
    print(f'{total - bad} of {total} exported names carry their file\'s name')
    sys.exit(1 if bad else 0)


main()
