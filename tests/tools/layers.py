#!/usr/bin/env python3
"""Check the layering of the built libraries from their symbol tables.

usage: layers.py NM LIBSMP.a LIBSMPCLI.a TOOL.o...
1. No object of libsmp writes to standard output or standard error, or
   ends the process: no reference to stdout, stderr, the printf family
   that writes to them, perror, exit, abort or assert.
2. libsmp calls nothing of the CLI layer (libsmpcli).
3. No cycle among the objects of the libraries and the tools: module A
   uses B and B uses A is a design error, whatever the path length.
Prints what it found and exits 1 on any violation.
"""
import subprocess
import sys

FORBIDDEN = {
    'stdout', 'stderr', '_IO_2_1_stdout_', '_IO_2_1_stderr_',
    'printf', 'vprintf', 'puts', 'putchar', 'perror', '__printf_chk',
    '__vprintf_chk', 'exit', '_exit', '_Exit', 'abort', 'quick_exit',
    '__assert_fail', 'err', 'errx', 'warn', 'warnx', 'verr', 'verrx',
    'vwarn', 'vwarnx', 'error', 'error_at_line',
}


def symbols(nm, path):
    """{object: (defined, undefined)} of an archive or object file."""
    out = subprocess.run([nm, '-A', path], capture_output=True, text=True,
                         check=True).stdout
    objs = {}
    for line in out.splitlines():
        # "archive:member.o:address type name", "object.o:address ..."
        parts = line.split()
        if len(parts) < 2:
            continue
        name = parts[-1]
        kind = parts[-2]
        obj = [f for f in parts[0].split(':') if f.endswith('.o')][-1]
        d, u = objs.setdefault(obj, (set(), set()))
        if kind == 'U':
            u.add(name)
        elif kind.upper() in 'TDBRCGSVW' and kind != 'U':
            d.add(name)
    return objs


def main():
    nm, lib, cli, tools = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4:]
    bad = 0
    libs = symbols(nm, lib)
    clis = symbols(nm, cli)
    for obj, (d, u) in sorted(libs.items()):
        hit = sorted(u & FORBIDDEN)
        if hit:
            print(f'libsmp {obj} prints or exits: {", ".join(hit)}')
            bad += 1
    cli_defs = set().union(*(d for d, _ in clis.values()))
    for obj, (d, u) in sorted(libs.items()):
        hit = sorted(u & cli_defs)
        if hit:
            print(f'libsmp {obj} calls the CLI layer: {", ".join(hit)}')
            bad += 1
    mods = {}
    for name, objs in (('lib', libs), ('cli', clis)):
        for obj, du in objs.items():
            mods[f'{name}/{obj}'] = du
    for t in tools:
        for obj, du in symbols(nm, t).items():
            mods[f'tool/{obj}'] = du
    owner = {}
    for m, (d, _) in mods.items():
        for s in d:
            owner.setdefault(s, m)
    edges = {m: {owner[s] for s in u if s in owner and owner[s] != m}
             for m, (_, u) in mods.items()}
    # Tarjan's strongly connected components: any of size > 1 is a cycle.
    index, low, stack, on, sccs, n = {}, {}, [], set(), [], [0]

    def visit(v):
        index[v] = low[v] = n[0]
        n[0] += 1
        stack.append(v)
        on.add(v)
        for w in edges[v]:
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            comp = []
            while True:
                w = stack.pop()
                on.discard(w)
                comp.append(w)
                if w == v:
                    break
            sccs.append(comp)

    sys.setrecursionlimit(10000)
    for v in sorted(edges):
        if v not in index:
            visit(v)
    for comp in sccs:
        if len(comp) > 1:
            print('cycle: ' + ' <-> '.join(sorted(comp)))
            bad += 1
    print(f'{len(libs)} library objects, {len(clis)} CLI objects, '
          f'{len(tools)} tools: {bad} problem(s)')
    sys.exit(1 if bad else 0)


main()
