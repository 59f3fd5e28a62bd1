/*
 * chart.c: the ColorChecker Classic 24: its layout, its geometry in a photo
 * (a homography from the patch lattice; from --corners), and its reference
 * values:
 * X-Rite's post-November-2014 and pre-2014 (GretagMacbeth 2005) CIELAB
 * D50/2 degree values, or any CGATS .cie file read with lcms2's IT8 parser.
 *
 * Sources: post-2014 values as published by X-Rite and transcribed in
 * colour-science (chromaticity_coordinates.py, DATA_COLORCHECKER24_AFTER_
 * NOV2014), identical to JTvD/arcu_colorchecker; pre-2014 values from
 * Imatest's spectro data as in OpenCV mcc (ColorChecker2005_LAB_D50_2).
 */
#include "config.h"

#include <ctype.h>
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <lcms2.h>

#include "smp.h"
#include "smp-internal.h"

static const struct {
	const char	*name;
	double		 post2014[3], pre2014[3];
} chart_ref[SMP_CHART_PATCHES] = {
	{ "dark skin", { 37.54, 14.37, 14.92 }, { 37.986, 13.555, 14.059 } },
	{ "light skin", { 64.66, 19.27, 17.5 }, { 65.711, 18.13, 17.81 } },
	{ "blue sky", { 49.32, -3.82, -22.54 }, { 49.927, -4.88, -21.925 } },
	{ "foliage", { 43.46, -12.74, 22.72 }, { 43.139, -13.095, 21.905 } },
	{ "blue flower", { 54.94, 9.61, -24.79 }, { 55.112, 8.844, -25.399 } },
	{ "bluish green", { 70.48, -32.26, -0.37 }, { 70.719, -33.397, -0.199 } },
	{ "orange", { 62.73, 35.83, 56.5 }, { 62.661, 36.067, 57.096 } },
	{ "purplish blue", { 39.43, 10.75, -45.17 }, { 40.02, 10.41, -45.964 } },
	{ "moderate red", { 50.57, 48.64, 16.67 }, { 51.124, 48.239, 16.248 } },
	{ "purple", { 30.1, 22.54, -20.87 }, { 30.325, 22.976, -21.587 } },
	{ "yellow green", { 71.77, -24.13, 58.19 }, { 72.532, -23.709, 57.255 } },
	{ "orange yellow", { 71.51, 18.24, 67.37 }, { 71.941, 19.363, 67.857 } },
	{ "blue", { 28.37, 15.42, -49.8 }, { 28.778, 14.179, -50.297 } },
	{ "green", { 54.38, -39.72, 32.27 }, { 55.261, -38.342, 31.37 } },
	{ "red", { 42.43, 51.05, 28.62 }, { 42.101, 53.378, 28.19 } },
	{ "yellow", { 81.8, 2.67, 80.41 }, { 81.733, 4.039, 79.819 } },
	{ "magenta", { 50.63, 51.28, -14.12 }, { 51.935, 49.986, -14.574 } },
	{ "cyan", { 49.57, -29.71, -28.32 }, { 51.038, -28.631, -28.638 } },
	{ "white", { 95.19, -1.03, 2.93 }, { 96.539, -0.425, 1.186 } },
	{ "neutral 8", { 81.29, -0.57, 0.44 }, { 81.257, -0.638, -0.335 } },
	{ "neutral 6.5", { 66.89, -0.75, -0.06 }, { 66.766, -0.734, -0.504 } },
	{ "neutral 5", { 50.76, -0.13, 0.14 }, { 50.867, -0.153, -0.27 } },
	{ "neutral 3.5", { 35.63, -0.46, -0.48 }, { 35.656, -0.421, -1.231 } },
	{ "black", { 20.64, 0.07, -0.46 }, { 20.461, -0.079, -0.973 } },
};

const char *
smp_chart_patch_name(int i)
{
	return i >= 0 && i < SMP_CHART_PATCHES ? chart_ref[i].name : "?";
}

void
smp_chart_builtin(enum smp_chart_edition ed, struct smp_chart_ref *ref)
{
	int	i;

	for (i = 0; i < SMP_CHART_PATCHES; i++) {
		const double	*v = ed == SMP_EDITION_PRE2014 ?
		    chart_ref[i].pre2014 : chart_ref[i].post2014;

		ref->lab[i] = (struct smp_lab){ v[0], v[1], v[2] };
	}
	snprintf(ref->name, sizeof ref->name, "%s",
	    ed == SMP_EDITION_PRE2014 ? "ColorChecker Classic, pre-2014" :
	    "ColorChecker Classic, post-2014");
}

/*
 * The patch index (0..23) of a CGATS sample id: Argyll's A01..D06 (row
 * letter, column number) or a plain 1..24.  -1 if neither.
 */
static int
chart_id_index(const char *id)
{
	char	*end;
	long	 n;

	if (id == NULL)
		return -1;
	if (toupper((unsigned char)id[0]) >= 'A' &&
	    toupper((unsigned char)id[0]) <= 'D' &&
	    isdigit((unsigned char)id[1])) {
		n = strtol(id + 1, &end, 10);
		if (*end == '\0' && n >= 1 && n <= 6)
			return (toupper((unsigned char)id[0]) - 'A') * 6 +
			    (int)n - 1;
		return -1;
	}
	n = strtol(id, &end, 10);
	if (end != id && *end == '\0' && n >= 1 && n <= 24)
		return (int)n - 1;
	return -1;
}

/* A field of a row as a strict number (lcms2 reads "nan" or "12x" as a
 * number); NAN when absent or not a number. */
static double
chart_field(cmsHANDLE it8, int row, const char *field)
{
	struct smp_err	 e = SMP_ERR_INIT;
	int		 col = cmsIT8FindDataFormat(it8, field);
	const char	*s = col >= 0 ? cmsIT8GetDataRowCol(it8, row, col) : NULL;
	double		 v;

	if (s == NULL || smp_parse_double(s, -HUGE_VAL, HUGE_VAL, &v,
	    &e) == -1)
		return NAN;
	return v;
}

/* A property written as a plain decimal whole number (lcms2 also takes
 * hex, 0x18, and 24.5), as every other reader of the tools wants. */
static int
cie_whole(cmsHANDLE it8, const char *key)
{
	const char	*s = cmsIT8GetProperty(it8, key);
	size_t		 i;

	if (s == NULL)
		return 1;		/* absent: lcms2 says so itself */
	for (i = 0; s[i] != '\0'; i++)
		if (!isdigit((unsigned char)s[i]))
			return 0;
	return i > 0;
}

/* A token of the line that lcms2 would read as a hexadecimal number
 * (0x.., signed or not), or NULL: lcms2 turns it into a number itself,
 * so the pre-scan is the only place that sees it. */
static const char *
hex_token(const char *p)
{
	for (;;) {
		while (*p == ' ' || *p == '\t')
			p++;
		if (*p == '\0' || *p == '#' || *p == '"')
			return NULL;
		if (*p == '+' || *p == '-')
			p++;
		if (p[0] == '0' && (p[1] == 'x' || p[1] == 'X'))
			return p;
		while (*p != '\0' && *p != ' ' && *p != '\t')
			p++;
	}
}

/*
 * lcms2's IT8 parser is quadratic in keyword lines (25,000 of them took
 * 9 s), so a reference is read whole, within bounds, and pre-scanned
 * before lcms2 sees it: at most CIE_MAX_BYTES, lines of CIE_MAX_LINE
 * bytes, and CIE_MAX_KEYWORDS lines outside the data and its format.
 */
#define CIE_MAX_BYTES		(1 << 20)
#define CIE_MAX_LINE		4096
#define CIE_MAX_KEYWORDS	1000

/* Where each data row of the file is, for messages: rowline[i] is the
 * line of row i (0 when unknown). */
struct cie_lines {
	unsigned long	rowline[SMP_CHART_MAX_SETS + 1];
	int		nrows;
};

static int
cie_read(const char *path, char **out, size_t *outlen, struct cie_lines *cl,
    struct smp_err *e)
{
	struct smp_strbuf o = { NULL, 0, 0, 0 };
	FILE		*fp;
	char		*line = NULL;
	size_t		 lcap = 0;
	unsigned long	 lineno = 0, keywords = 0;
	ssize_t		 len;
	int		 in_data = 0, r = -1;

	if ((fp = fopen(path, "r")) == NULL)
		return smp_errf(e, SMP_E_IO, "%s: %s", path, strerror(errno));
	while ((len = smp_tsv_read_line(fp, '\n', CIE_MAX_LINE, &line,
	    &lcap)) != SMP_LINE_END) {
		const char	*p = line, *hex;

		lineno++;
		if (len == SMP_LINE_LONG || len == SMP_LINE_NUL) {
			smp_errf(e, SMP_E_INPUT, "%s:%lu: %s", path, lineno,
			    len == SMP_LINE_NUL ? "NUL byte in a text line" :
			    "line longer than 4096 bytes");
			goto out;
		}
		if (len == SMP_LINE_NOMEM || o.n + (size_t)len + 2 >
		    CIE_MAX_BYTES) {
			smp_errf(e, len == SMP_LINE_NOMEM ? SMP_E_NOMEM :
			    SMP_E_LIMIT, "%s: %s", path, len == SMP_LINE_NOMEM ?
			    "out of memory" : "larger than 1 MiB: not a chart "
			    "reference");
			goto out;
		}
		while (*p == ' ' || *p == '\t')
			p++;
		if (strncmp(p, "BEGIN_DATA", 10) == 0 && p[10] != '_')
			in_data = 1;
		else if (strncmp(p, "END_DATA", 8) == 0 && p[8] != '_')
			in_data = 0;
		else if (*p != '\0' && *p != '#') {
			if (in_data && cl->nrows <= SMP_CHART_MAX_SETS)
				cl->rowline[cl->nrows++] = lineno;
			if (!in_data && ++keywords > CIE_MAX_KEYWORDS) {
				smp_errf(e, SMP_E_LIMIT, "%s:%lu: more than %d "
				    "keyword lines: not a chart reference", path,
				    lineno, CIE_MAX_KEYWORDS);
				goto out;
			}
			if ((in_data || strncmp(p, "NUMBER_OF_", 10) == 0) &&
			    (hex = hex_token(p)) != NULL) {
				smp_errf(e, SMP_E_INPUT, "%s:%lu: '%.*s': decimal "
				    "numbers only, not hexadecimal", path, lineno,
				    (int)strcspn(hex, " \t") > 20 ? 20 :
				    (int)strcspn(hex, " \t"), hex);
				goto out;
			}
		}
		smp_strbuf_printf(&o, "%s\n", line);
	}
	if (ferror(fp)) {
		smp_errf(e, SMP_E_IO, "%s: %s", path, strerror(EIO));
		goto out;
	}
	if (o.fail) {
		smp_errf(e, SMP_E_NOMEM, "out of memory");
		goto out;
	}
	*out = o.b, *outlen = o.n;
	o.b = NULL;
	r = 0;
out:
	smp_strbuf_free(&o);
	free(line);
	fclose(fp);
	return r;
}

int
smp_chart_load_cie(const char *path, struct smp_chart_ref *ref,
    struct smp_err *e)
{
	struct smp_err	 sub = SMP_ERR_INIT;
	cmsContext	 ctx;
	cmsHANDLE	 it8;
	int		 n, i, k, seen[SMP_CHART_PATCHES] = { 0 }, lab, r = -1;
	int		 idf_col;
	double		 sets;
	struct cie_lines cl;
	char		*text = NULL;
	size_t		 len = 0;

	memset(&cl, 0, sizeof cl);
	if (cie_read(path, &text, &len, &cl, e) == -1)
		return -1;
	if (len == 0) {			/* lcms2 asserts on an empty buffer */
		free(text);
		return smp_errf(e, SMP_E_INPUT, "%s: empty file: not a CGATS "
		    "file", path);
	}
	if ((ctx = smp__lcms_context(&sub)) == NULL) {
		free(text);
		return smp_errf(e, SMP_E_NOMEM, "out of memory");
	}
	it8 = cmsIT8LoadFromMem(ctx, text, (cmsUInt32Number)len);
	free(text);
	if (it8 == NULL) {
		smp_errf(e, SMP_E_INPUT, "%s: not a CGATS file (%s)", path,
		    sub.msg[0] ? sub.msg : "unreadable");
		goto out;
	}
	/* Bounded before the conversion: 3e37 sets is no int. */
	sets = cmsIT8GetPropertyDbl(it8, "NUMBER_OF_SETS");
	if (sets != floor(sets) || !cie_whole(it8, "NUMBER_OF_SETS") ||
	    !cie_whole(it8, "NUMBER_OF_FIELDS")) {
		smp_errf(e, SMP_E_INPUT, "%s: NUMBER_OF_SETS and "
		    "NUMBER_OF_FIELDS must be whole decimal numbers", path);
		goto out;
	}
	n = !(sets > 0) ? 0 : sets > SMP_CHART_MAX_SETS ?
	    SMP_CHART_MAX_SETS + 1 : (int)sets;
	lab = cmsIT8FindDataFormat(it8, "LAB_L") >= 0 &&
	    cmsIT8FindDataFormat(it8, "LAB_A") >= 0 &&
	    cmsIT8FindDataFormat(it8, "LAB_B") >= 0;
	if (!lab && (cmsIT8FindDataFormat(it8, "XYZ_X") < 0 ||
	    cmsIT8FindDataFormat(it8, "XYZ_Y") < 0 ||
	    cmsIT8FindDataFormat(it8, "XYZ_Z") < 0)) {
		smp_errf(e, SMP_E_INPUT, "%s: no LAB_L/LAB_A/LAB_B or "
		    "XYZ_X/XYZ_Y/XYZ_Z fields", path);
		goto out;
	}
	if (n > SMP_CHART_MAX_SETS) {
		smp_errf(e, SMP_E_INPUT, "%s: %g sets; a chart reference has "
		    "at most %d", path, sets, SMP_CHART_MAX_SETS);
		goto out;
	}
	/* lcms2 does not check a negative field index: look it up once. */
	if ((idf_col = cmsIT8FindDataFormat(it8, "SAMPLE_ID")) < 0)
		idf_col = cmsIT8FindDataFormat(it8, "SAMPLE_LOC");
	for (i = 0; i < n; i++) {
		/* NULL buffer: lcms2 returns its own storage (1024-byte trap). */
		const char	*id = idf_col >= 0 ?
				    cmsIT8GetDataRowCol(it8, i, idf_col) : NULL;
		double		 v[3];

		k = n == SMP_CHART_PATCHES && chart_id_index(id) < 0 ? i :
		    chart_id_index(id);
		if (k < 0)
			continue;
		if (lab) {
			v[0] = chart_field(it8, i, "LAB_L");
			v[1] = chart_field(it8, i, "LAB_A");
			v[2] = chart_field(it8, i, "LAB_B");
		} else {
			cmsCIEXYZ	xyz;
			cmsCIELab	l;

			xyz.X = chart_field(it8, i, "XYZ_X") / 100;
			xyz.Y = chart_field(it8, i, "XYZ_Y") / 100;
			xyz.Z = chart_field(it8, i, "XYZ_Z") / 100;
			cmsXYZ2Lab(NULL, &l, &xyz);
			v[0] = l.L, v[1] = l.a, v[2] = l.b;
		}
		if (!isfinite(v[0]) || !isfinite(v[1]) || !isfinite(v[2]) ||
		    v[0] < 0 || v[0] > 110) {
			if (i < cl.nrows && cl.rowline[i] > 0)
				smp_errf(e, SMP_E_INPUT, "%s:%lu: sample %s: not "
				    "a colour (decimal numbers, L* 0..110)", path,
				    cl.rowline[i], id ? id : "?");
			else
				smp_errf(e, SMP_E_INPUT, "%s: sample %s: not a "
				    "colour (decimal numbers, L* 0..110)", path,
				    id ? id : "?");
			goto out;
		}
		ref->lab[k] = (struct smp_lab){ v[0], v[1], v[2] };
		seen[k] = 1;
	}
	for (k = 0; k < SMP_CHART_PATCHES; k++)
		if (!seen[k]) {
			smp_errf(e, SMP_E_INPUT, "%s: no value for patch %d (%s; "
			    "expected ids A01..D06 or 24 sets)", path, k + 1,
			    chart_ref[k].name);
			goto out;
		}
	snprintf(ref->name, sizeof ref->name, "reference %s", path);
	r = 0;
out:
	if (it8 != NULL)
		cmsIT8Free(it8);
	smp__lcms_context_free(ctx);
	return r;
}

/* Gaps between patches, as a fraction of the pitch (assumption: about
 * 0.1 on the Classic and the Passport; the sampled centre is unaffected). */
#define CHART_GAP	0.1

void
smp_chart_point(const struct smp_chart_found *f, int k, double u, double v,
    double *x, double *y)
{
	smp_homography_apply(f->H, f->lattice[k][0] + u, f->lattice[k][1] + v,
	    x, y);
}

int
smp_chart_from_corners(const double *c8, struct smp_chart_found *out,
    struct smp_err *e)
{
	const double	h = 0.5 - CHART_GAP / 2;
	double		uv[8] = { -h, -h, 5 + h, -h, 5 + h, 3 + h, -h, 3 + h };
	int		k;

	memset(out, 0, sizeof *out);
	if (smp_homography_fit(uv, c8, 4, out->H) == -1)
		return smp_errf(e, SMP_E_USAGE,
		    "--corners: the four points do not span a quadrilateral");
	for (k = 0; k < SMP_CHART_PATCHES; k++) {
		out->lattice[k][0] = k % 6;
		out->lattice[k][1] = k / 6;
	}
	out->found = SMP_CHART_PATCHES;
	memset(out->seen, 1, sizeof out->seen);
	return 0;
}

void
smp_chart_bbox(const struct smp_chart_found *f, uint32_t W, uint32_t H,
    uint32_t *box)
{
	double	x0 = W, y0 = H, x1 = 0, y1 = 0, x, y;
	int	k, u, v;

	for (k = 0; k < SMP_CHART_PATCHES; k++)
		for (u = -1; u <= 1; u += 2)
			for (v = -1; v <= 1; v += 2) {
				smp_chart_point(f, k, 1.5 * u, 1.5 * v, &x, &y);
				x0 = fmin(x0, x), x1 = fmax(x1, x);
				y0 = fmin(y0, y), y1 = fmax(y1, y);
			}
	box[0] = (uint32_t)fmax(0, floor(x0));
	box[1] = (uint32_t)fmax(0, floor(y0));
	box[2] = (uint32_t)fmin(W, ceil(x1));
	box[3] = (uint32_t)fmin(H, ceil(y1));
}
