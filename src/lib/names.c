/*
 * names.c: the one name table of each enumerated choice (white point,
 * colour-difference metric, statistic, camera model, hair colour, view,
 * chart edition, profile source, reading class, the flags of smp-match,
 * smp-fade and a calibration), and the one parser and namer that go
 * through them.  Names are matched in any case; a table
 * entry's label, when it has one, is how records write the value (the
 * white point is typed d50 and written D50).
 */
#include "config.h"

#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "smp.h"

#define TABLE(id, what, ...)						\
	static const struct smp_name id##_v[] = { __VA_ARGS__ };	\
	const struct smp_names smp_names_##id = { what, id##_v,		\
	    (int)(sizeof id##_v / sizeof id##_v[0]) }

TABLE(white, "white point",
    { "d50", SMP_WHITE_D50, "D50" }, { "d65", SMP_WHITE_D65, "D65" });
TABLE(metric, "metric",
    { "de00", SMP_DE00, NULL }, { "de94", SMP_DE94, NULL },
    { "cmc", SMP_CMC, NULL }, { "de76", SMP_DE76, NULL });
TABLE(stat, "statistic",
    { "robust", SMP_STAT_ROBUST, NULL }, { "mean", SMP_STAT_MEAN, NULL },
    { "median", SMP_STAT_MEDIAN, NULL });
TABLE(model, "model",
    { "auto", SMP_MODEL_AUTO, NULL },
    { "curve-matrix", SMP_MODEL_CURVES, NULL },
    { "curve-poly", SMP_MODEL_CURVEPOLY, NULL },
    { "shaper-matrix", SMP_MODEL_SHAPER, NULL },
    { "matrix", SMP_MODEL_MATRIX, NULL },
    { "root-poly", SMP_MODEL_ROOTPOLY, NULL });
TABLE(hair, "hair colour",
    { "black", SMP_HAIR_BLACK, NULL },
    { "dark-brown", SMP_HAIR_DARK_BROWN, NULL },
    { "brown", SMP_HAIR_BROWN, NULL }, { "grey", SMP_HAIR_GREY, NULL });
TABLE(view, "view",
    { "dot", SMP_VIEW_DOT, NULL }, { "blend", SMP_VIEW_BLEND, NULL });
TABLE(edition, "edition",
    { "2014", SMP_EDITION_2014, NULL },
    { "pre2014", SMP_EDITION_PRE2014, NULL });
TABLE(source, "profile source",
    { "embedded", SMP_PROF_EMBEDDED, NULL },
    { "srgb-chunk", SMP_PROF_SRGB_CHUNK, NULL },
    { "gama-chrm", SMP_PROF_GAMA_CHRM, NULL },
    { "assumed-srgb", SMP_PROF_ASSUMED_SRGB, NULL },
    { "given", SMP_PROF_GIVEN, NULL }, { "chart", SMP_PROF_CHART, NULL },
    { "unknown", SMP_PROF_UNKNOWN, NULL });
TABLE(format, "format",
    { "tsv", SMP_TABLE_TSV, NULL }, { "json", SMP_TABLE_JSON, NULL },
    { "table", SMP_TABLE_TEXT, NULL });
TABLE(flag, "flag",
    { "skin-fit", SMP_FLAG_SKIN_FIT, NULL },
    { "equivalent", SMP_FLAG_EQUIVALENT, NULL },
    { "patch-fit", SMP_FLAG_PATCH_FIT, NULL },
    { "max-dilution", SMP_FLAG_MAX_DILUTION, NULL },
    { "no-match", SMP_FLAG_NO_MATCH, NULL },
    { "faint", SMP_FLAG_FAINT, NULL },
    { "uncalibrated", SMP_FLAG_UNCALIBRATED, NULL },
    { "noisy", SMP_FLAG_NOISY, NULL },
    { "over-white", SMP_FLAG_OVER_WHITE, NULL },
    { "poor-calibration", SMP_FLAG_POOR_CALIBRATION, NULL });
TABLE(calib_flag, "calibration flag",
    { "poor-fit", SMP_CALIB_FLAG_POOR_FIT, NULL },
    { "poor-skin", SMP_CALIB_FLAG_POOR_SKIN, NULL },
    { "poor-grey", SMP_CALIB_FLAG_POOR_GREY, NULL },
    { "uneven-light", SMP_CALIB_FLAG_UNEVEN_LIGHT, NULL });
TABLE(fade_flag, "flag",
    { "due", SMP_FADE_FLAG_DUE, NULL },
    { "lack-of-fit", SMP_FADE_FLAG_LACK_OF_FIT, NULL },
    { "darkening", SMP_FADE_FLAG_DARKENING, NULL },
    { "beyond", SMP_FADE_FLAG_BEYOND, NULL },
    { "open", SMP_FADE_FLAG_OPEN, NULL });
TABLE(criterion, "criterion",
    { "contrast", SMP_FADE_CONTRAST, NULL },
    { "healed", SMP_FADE_HEALED, NULL });
TABLE(class, "class",
    { "all", SMP_CLASS_ALL, NULL }, { "skin", SMP_CLASS_SKIN, NULL },
    { "dot", SMP_CLASS_DOT, NULL }, { "hair", SMP_CLASS_HAIR, NULL });

int
smp_names_parse(const struct smp_names *t, const char *s, int *v,
    struct smp_err *e)
{
	char	list[256];
	size_t	n = 0;
	int	i;

	for (i = 0; i < t->n; i++)
		if (strcasecmp(s, t->v[i].name) == 0) {
			*v = t->v[i].value;
			return 0;
		}
	list[0] = '\0';
	for (i = 0; i < t->n && n < sizeof list; i++)
		n += (size_t)snprintf(list + n, sizeof list - n, "%s%s",
		    i == 0 ? "" : i == t->n - 1 ? " or " : ", ", t->v[i].name);
	return smp_errf(e, SMP_E_USAGE, "unknown %s '%.40s%s': expected %s",
	    t->what, s, strlen(s) > 40 ? "..." : "", list);
}

const char *
smp_names_name(const struct smp_names *t, int v)
{
	int	i;

	for (i = 0; i < t->n; i++)
		if (t->v[i].value == v)
			return t->v[i].label != NULL ? t->v[i].label :
			    t->v[i].name;
	return "?";
}

void
smp_names_join(const struct smp_names *t, unsigned mask, char *buf,
    size_t len)
{
	size_t	n = 0;
	int	i;

	if (len > 0)
		buf[0] = '\0';
	for (i = 0; i < t->n && n < len; i++)
		if (mask & (unsigned)t->v[i].value)
			n += (size_t)snprintf(buf + n, len - n, "%s%s",
			    n == 0 ? "" : ",", t->v[i].name);
}

int
smp_names_split(const struct smp_names *t, const char *s, unsigned *mask,
    struct smp_err *e)
{
	char		 word[64];
	const char	*p = s;
	size_t		 n;
	int		 v;

	*mask = 0;
	if (strcmp(s, "-") == 0 || s[0] == '\0')
		return 0;
	for (;;) {
		n = strcspn(p, ",");
		if (n >= sizeof word)
			return smp_errf(e, SMP_E_INPUT, "unknown %s '%.*s...'",
			    t->what, 20, p);
		memcpy(word, p, n);
		word[n] = '\0';
		if (smp_names_parse(t, word, &v, e) == -1)
			return -1;
		*mask |= (unsigned)v;
		if (p[n] == '\0')
			return 0;
		p += n + 1;
	}
}
