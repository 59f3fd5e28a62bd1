#!/bin/sh
# --json: JSON Lines with the TSV header's keys; missing values are null.
. "$SMP_SRCDIR/tests/cli/common.sh"
need_cmd python3
"$RENDER" -d 16 64 64 "$tmp/p.png" <<'S'
bg 66 9 12
dots 8 2 45 -1 -5
S
"$SAMPLE" -S -r rect:0,0,32,32 -r all "$tmp/p.png" >"$tmp/t" || fail "tsv"
"$SAMPLE" -S --json -r rect:0,0,32,32 -r all "$tmp/p.png" >"$tmp/j" || fail "json"
"$SAMPLE" -S --no-header -r rect:0,0,32,32 "$tmp/p.png" >"$tmp/n" || fail "no-header"
[ "$(wc -l <"$tmp/n")" -eq 2 ] || fail "--no-header rows"
python3 - "$tmp/t" "$tmp/j" <<'PY' || fail "JSON does not match TSV"
import json, sys
rows = [l.rstrip('\n').split('\t') for l in open(sys.argv[1])]
head, data = rows[0], rows[1:]
objs = [json.loads(l) for l in open(sys.argv[2])]
assert len(objs) == len(data) == 4, (len(objs), len(data))
for o, r in zip(objs, data):
    assert list(o.keys()) == head, list(o.keys())
    for k, v in zip(head, r):
        if v == '':
            assert o[k] is None, (k, o[k])
        elif isinstance(o[k], str):
            assert o[k] == v, (k, o[k], v)
        else:
            assert abs(o[k] - float(v)) < 1e-9, (k, o[k], v)
print("ok: JSON keys and values match TSV")
PY
# A region without dots is one skin row of all its pixels, no dot row:
# no row ever has a null where a number belongs.
echo "bg 60 10 15" | "$RENDER" -d 16 32 32 "$tmp/plain.png"
"$SAMPLE" -S --json "$tmp/plain.png" >"$tmp/pj"
[ "$(wc -l <"$tmp/pj")" -eq 1 ] || fail "a plain region: $(wc -l <"$tmp/pj") rows"
grep -q '"class":"skin","n":1024,"frac":1.0000,"L":' "$tmp/pj" ||
    fail "the skin row: $(cat "$tmp/pj")"
exit 0
