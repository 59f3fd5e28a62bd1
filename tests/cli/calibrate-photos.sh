#!/bin/sh
# Real photos from ../shared/data/photos: every 24-patch chart is found
# with the right orientation (PlantCV's chip mask gives the truth for two
# of them); the Digital-SG-only photo and the cut-off chart are refused.
. "$SMP_SRCDIR/tests/cli/common.sh"
need_shared
P="$SMP_SHARED/photos"
photos="plantcv_target_img.png plantcv_source1_img.png"
# Under valgrind (SMP_VALGRIND) the first two only.
[ -n "${SMP_VALGRIND:-}" ] || photos="$photos
    pedrodiamel_img-colorchecker.jpg pierrre1618_input.jpg plantcv_classic.png
    macduff_below_fishbox.jpg plantcv_calibrite-passport.png
    plantcv_colorchecker-classic-mini.jpg jarrelscy_IMG_20140613_203438.jpg
    jarrelscy_IMG_20140613_203500.jpg"
for f in $photos; do
	"$CAL" -o "$tmp/p.icc" "$P/$f" >"$tmp/$f.tsv" 2>"$tmp/err" ||
	    fail "$f: exit $?: $(cat "$tmp/err")"
	# Orientation: white (19) is the lightest patch in device values;
	# blue (13), green (14) and red (15) have their own channel highest.
	awk -F'\t' 'NR > 1 { s = $14 + $15 + $16; if (s > mx) { mx = s; kx = $1 }
	    r[$1] = $14; g[$1] = $15; b[$1] = $16 }
	    END { exit !(kx == 19 && b[13] > r[13] && b[13] > g[13] &&
		g[14] > r[14] && g[14] > b[14] && r[15] > g[15] && r[15] > b[15]) }' \
	    "$tmp/$f.tsv" || fail "$f: patches not where they belong"
	echo "ok: $f"
done
# PlantCV truth: the 22 labelled 10x10 chips (x0..x1, y0..y1 inclusive);
# every patch centre we sample must fall inside its chip.
for img in target source1; do
	awk -F',' 'NR > 1 { print $2, $4, $5, $6, $7 }' "$P/plantcv_colorcard_mask_chips.csv" |
	    sort -n >"$tmp/truth"
	awk -F'\t' 'NR > 1 { print $1, $12, $13 }' "$tmp/plantcv_${img}_img.png.tsv" |
	    sort -n >"$tmp/found"
	bad=$(join "$tmp/truth" "$tmp/found" | awk '{ n++; if ($6 < $2 || $6 > $4 + 1 ||
	    $7 < $3 || $7 > $5 + 1) { b++; print "patch " $1 " at " $6 "," $7 > "/dev/stderr" } }
	    END { print (n == 22 ? b + 0 : 99) }')
	[ "$bad" -eq 0 ] || fail "plantcv $img: $bad patch centres outside their chips"
	echo "ok: plantcv $img: all 22 centres inside the labelled chips"
done
# Refusals, with the overlay written all the same.
"$CAL" -o "$tmp/no.icc" --overlay "$tmp/ov.png" "$P/qiu_dsg_NOT_CLASSIC24.png" >/dev/null 2>"$tmp/err"
[ $? -eq 2 ] || fail "Digital SG accepted"
grep -q "no ColorChecker found" "$tmp/err" || fail "SG message: $(cat "$tmp/err")"
[ -e "$tmp/no.icc" ] && fail "profile written for the SG photo"
[ -s "$tmp/ov.png" ] || fail "no overlay on failure"
"$CAL" -o "$tmp/no.icc" "$P/plantcv_source2_img.png" >/dev/null 2>"$tmp/err"
[ $? -eq 2 ] || fail "cut-off chart accepted"
grep -q "patches 6 (bluish green), .* covered or out of view" "$tmp/err" || fail "cut-off message: $(cat "$tmp/err")"
[ -e "$tmp/no.icc" ] && fail "profile written for the cut-off chart"
exit 0
