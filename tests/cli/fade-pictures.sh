#!/bin/sh
# smp-fade --plot and --ics: the SVG parses as XML and rsvg-convert renders
# it (the criterion, touch-up label, axis labels inside; every kind of
# mark drawn has a legend entry drawn with the same mark, none a typed
# letter; the interval shaded); the calendar parses with python3-icalendar
# and its event falls on the early end of the summary's interval, says so,
# with a UID, a DTSTAMP from --start and the pigment in the description;
# both are deterministic given --start and written atomically (a failed
# write leaves no file and no temporary).
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
early=$(col touchup_early <"$tmp/s")
"$PY" - "$tmp/a.svg" "$tu" <<'EOF' || fail "SVG content"
import sys
import xml.etree.ElementTree as ET
NS = "{http://www.w3.org/2000/svg}"
root = ET.parse(sys.argv[1]).getroot()
texts = ["".join(t.itertext()) for t in root.iter(NS + "text")]
alltext = " | ".join(texts)
for want in ("years since the first session", "how much the dots have faded",
             "touch-up due", sys.argv[2], "smp-warm-black",
             "dots, close up", "the treated area, at a distance",
             "95 % interval of the touch-up"):
    assert want in alltext, (want, alltext)
assert not any(t.strip() == "o" or t.startswith("o ") for t in texts), texts
lines = list(root.iter(NS + "polyline"))
assert len(lines) == 2, "the dot and blended curves"
shade = [r for r in root.iter(NS + "rect") if r.get("fill") == "#f4d9a8"]
assert len(shade) == 2, "the interval and its legend swatch"
red = [c for c in root.iter(NS + "circle") if c.get("fill") == "#c0392b"]
assert len(red) == 2, "the touch-up and its legend mark"
later = [c for c in root.iter(NS + "circle") if c.get("fill") == "none"]
if later:
    assert "the touch-ups after it" in alltext or "the next touch-up" in alltext
print("ok: SVG has its labels, curves and a legend entry for each mark")
EOF
"$PY" - "$tmp/a.ics" "$early" <<'EOF' || fail "iCalendar content"
import sys
import icalendar
cal = icalendar.Calendar.from_ical(open(sys.argv[1], "rb").read())
ev = list(cal.walk("VEVENT"))
assert len(ev) == 1, ev
e = ev[0]
assert str(e["DTSTART"].dt) == sys.argv[2], (e["DTSTART"].dt, sys.argv[2])
assert e["UID"] and "@" in str(e["UID"])
assert str(e["DTSTAMP"].dt).startswith("2026-03-01"), e["DTSTAMP"].dt
d = str(e["DESCRIPTION"]).replace("\n", " ")
assert "smp-warm-black" in d and "early end" in d and sys.argv[2] in d, d
assert "smp-warm-black" in str(e["SUMMARY"])
assert list(e.walk("VALARM")), "alarm"
print("ok: iCalendar event on", e["DTSTART"].dt, "the early end")
EOF
grep -q "$(printf '\r')\$" "$tmp/a.ics" || fail "CRLF line ends"
awk '{ if (length($0) > 76) exit 1 }' "$tmp/a.ics" || fail "unfolded long line"

# Deterministic given --start.
"$FADE" $P $S --summary --plot "$tmp/b.svg" --ics "$tmp/b.ics" >/dev/null
cmp -s "$tmp/a.svg" "$tmp/b.svg" || fail "plot differs between runs"
cmp -s "$tmp/a.ics" "$tmp/b.ics" || fail "calendar differs between runs"

# A fit draws its measured points with a legend entry for them, a real
# marker; its reminder is at the early end of the rate's interval.
"$FADE" --pigment smp-neutral-black --skin 62,11,16 --start 2026-03-01 \
    --step 12 --years 4 --no-touchups -H | awk -F'\t' '$14 == "healed" ||
    $4 ~ /-03-01$/ && $3 > 1 { printf "%s\t%s\t%s\t%s\n", $4, $5, $6, $7 }' |
    { printf 'date\tL\ta\tb\n'; cat; } >"$tmp/ser.tsv"
"$FADE" --pigment smp-neutral-black --skin 62,11,16 --fit "$tmp/ser.tsv" \
    --plot "$tmp/f.svg" --ics "$tmp/f.ics" >"$tmp/fit" || fail "fit pictures"
rsvg-convert "$tmp/f.svg" -o "$tmp/f.png" || fail "rsvg-convert, fit"
"$PY" - "$tmp/f.svg" "$(($(wc -l <"$tmp/ser.tsv") - 1))" <<'EOF' || fail "fit SVG"
import sys
import xml.etree.ElementTree as ET
NS = "{http://www.w3.org/2000/svg}"
root = ET.parse(sys.argv[1]).getroot()
texts = ["".join(t.itertext()) for t in root.iter(NS + "text")]
assert "readings" in texts, texts
assert "fitted curve" in texts and "95 % interval of the touch-up" in texts
assert not any(t.strip() == "o" or t.startswith("o ") for t in texts), texts
pts = [c for c in root.iter(NS + "circle") if c.get("fill") == "#1f3a93"]
assert len(pts) == int(sys.argv[2]) + 1, (len(pts), "readings and legend")
print("ok: fit SVG: %d points and their legend marker" % (len(pts) - 1))
EOF
"$PY" - "$tmp/f.ics" "$(col touchup_early <"$tmp/fit")" <<'EOF' || fail "fit calendar"
import sys
import icalendar
e = list(icalendar.Calendar.from_ical(open(sys.argv[1], "rb").read()).walk("VEVENT"))[0]
assert str(e["DTSTART"].dt) == sys.argv[2], (e["DTSTART"].dt, sys.argv[2])
assert "early end" in str(e["DESCRIPTION"]).replace("\n", " ")
print("ok: fit reminder on", sys.argv[2])
EOF

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
grep -q "no touch-up within 1 year$" "$tmp/e" || fail "singular: $(cat "$tmp/e")"
