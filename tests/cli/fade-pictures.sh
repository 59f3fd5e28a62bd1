#!/bin/sh
# smp-fade --plot and --ics: the SVG parses as XML and rsvg-convert renders
# it (threshold, touch-up label, axis labels and units inside); the
# calendar parses with python3-icalendar and its event falls on the
# summary's touch-up date with a UID, a DTSTAMP from --start and the
# pigment in the description; both are deterministic given --start and
# written atomically (a failed write leaves no file and no temporary).
. "$SMP_SRCDIR/tests/cli/common.sh"
PY=
for p in python3 /usr/bin/python3; do
	command -v "$p" >/dev/null 2>&1 && "$p" -c 'import icalendar' \
	    2>/dev/null && PY=$p && break
done
[ -n "$PY" ] || skip "python3-icalendar not installed"
need_cmd rsvg-convert
S="--start 2026-03-01"
P="--pigment smp-warm-black --skin 58,12,16"

"$FADE" $P $S --summary --plot "$tmp/a.svg" --ics "$tmp/a.ics" >"$tmp/s" ||
    fail "prediction with --plot and --ics"
tu=$(col touchup_date <"$tmp/s")
rsvg-convert "$tmp/a.svg" -o "$tmp/a.png" || fail "rsvg-convert"
[ -s "$tmp/a.png" ] || fail "rsvg-convert wrote nothing"
"$PY" - "$tmp/a.svg" "$tu" <<'EOF' || fail "SVG content"
import sys
import xml.etree.ElementTree as ET
root = ET.parse(sys.argv[1]).getroot()
texts = " | ".join("".join(t.itertext()) for t in root.iter("{http://www.w3.org/2000/svg}text"))
for want in ("years since the first session", "dE00 of the dot", "touch-up threshold", sys.argv[2], "smp-warm-black"):
    assert want in texts, (want, texts)
assert any(True for _ in root.iter("{http://www.w3.org/2000/svg}polyline"))
print("ok: SVG has its labels and curves")
EOF
"$PY" - "$tmp/a.ics" "$tu" <<'EOF' || fail "iCalendar content"
import sys
import icalendar
cal = icalendar.Calendar.from_ical(open(sys.argv[1], "rb").read())
ev = list(cal.walk("VEVENT"))
assert len(ev) == 1, ev
e = ev[0]
assert str(e["DTSTART"].dt) == sys.argv[2], (e["DTSTART"].dt, sys.argv[2])
assert e["UID"] and "@" in str(e["UID"])
assert str(e["DTSTAMP"].dt).startswith("2026-03-01"), e["DTSTAMP"].dt
assert "smp-warm-black" in str(e["DESCRIPTION"])
assert "smp-warm-black" in str(e["SUMMARY"])
assert list(e.walk("VALARM")), "alarm"
print("ok: iCalendar event on", e["DTSTART"].dt)
EOF
grep -q "$(printf '\r')\$" "$tmp/a.ics" || fail "CRLF line ends"
awk '{ if (length($0) > 76) exit 1 }' "$tmp/a.ics" || fail "unfolded long line"

# Deterministic given --start.
"$FADE" $P $S --summary --plot "$tmp/b.svg" --ics "$tmp/b.ics" >/dev/null
cmp -s "$tmp/a.svg" "$tmp/b.svg" || fail "plot differs between runs"
cmp -s "$tmp/a.ics" "$tmp/b.ics" || fail "calendar differs between runs"

# A fit draws its measured points.
printf 'date\tL\ta\tb\n2026-06-01\t44.3\t-2.8\t-3.0\n2027-06-01\t44.9\t-2.6\t-2.5\n2028-06-01\t45.6\t-2.2\t-1.8\n' >"$tmp/ser.tsv"
"$FADE" --pigment smp-neutral-black --skin 62,11,16 --fit "$tmp/ser.tsv" \
    --plot "$tmp/f.svg" --ics "$tmp/f.ics" >/dev/null || fail "fit pictures"
rsvg-convert "$tmp/f.svg" -o "$tmp/f.png" || fail "rsvg-convert, fit"
[ "$(grep -c '<circle' "$tmp/f.svg")" -ge 4 ] || fail "three points and a mark"
"$PY" -c 'import icalendar,sys; icalendar.Calendar.from_ical(open(sys.argv[1],"rb").read())' \
    "$tmp/f.ics" || fail "fit calendar"

# Failed writes: no file, no temporary, exit 2; the old file survives.
mkdir "$tmp/ro"
echo old >"$tmp/ro/keep.svg"
chmod 555 "$tmp/ro"
if [ ! -w "$tmp/ro" ]; then
	"$FADE" $P $S --plot "$tmp/ro/keep.svg" >/dev/null 2>"$tmp/e"
	[ $? -eq 2 ] || fail "unwritable plot should exit 2"
	[ "$(cat "$tmp/ro/keep.svg")" = old ] || fail "old plot replaced"
	[ "$(ls "$tmp/ro")" = keep.svg ] || fail "temporary left: $(ls "$tmp/ro")"
fi
chmod 755 "$tmp/ro"
"$FADE" $P $S --ics "$tmp/nodir/x.ics" >/dev/null 2>"$tmp/e"
[ $? -eq 2 ] || fail "calendar in a missing directory should exit 2"
grep -q "nodir/x.ics" "$tmp/e" || fail "message names the file"
# No touch-up within the horizon: no calendar, exit 1.
"$FADE" $P $S --years 1 --ics "$tmp/none.ics" >/dev/null 2>"$tmp/e"
[ $? -eq 1 ] || fail "no touch-up within --years should exit 1"
[ ! -e "$tmp/none.ics" ] || fail "calendar written without a date"
