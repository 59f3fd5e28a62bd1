/*
 * catalogue.c: read a pigment catalogue (smp-catalogue(5)).  The whole
 * file is checked before anything is returned: the first bad record fails
 * the load with file:line, so no tool runs on a half-read catalogue.
 */
#include "config.h"

#include <ctype.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "smp.h"

#define COMPONENT_FIELDS	(4 + 2 * SMP_BANDS)

static int
name_ok(const char *s)
{
	size_t	n = strlen(s);

	if (n == 0 || n >= SMP_NAME_MAX)
		return 0;
	for (; *s != '\0'; s++)
		if (!isalnum((unsigned char)*s) && strchr("._-+", *s) == NULL)
			return 0;
	return 1;
}

static int
field_num(const struct smp_tsv *t, int i, const char *what, double min,
    double max, double *out, struct smp_err *e)
{
	struct smp_err	sub = SMP_ERR_INIT;

	if (smp_parse_double(t->f[i], min, max, out, &sub) == -1)
		return smp_tsv_errf(t, e, "field %d (%s): %s", i + 1, what,
		    sub.msg);
	return 0;
}

static int
cat_component(struct smp_catalogue *c, const struct smp_tsv *t,
    struct smp_err *e)
{
	struct smp_component	*k;
	char			 what[32];
	int			 i;

	if (t->nf != COMPONENT_FIELDS)
		return smp_tsv_errf(t, e, "a component record has %d fields, "
		    "not %d", t->nf, COMPONENT_FIELDS);
	if (c->ncomp == SMP_MAX_COMPONENTS)
		return smp_tsv_errf(t, e, "more than %d components",
		    SMP_MAX_COMPONENTS);
	if (!name_ok(t->f[1]))
		return smp_tsv_errf(t, e, "bad component name '%.64s' "
		    "(letters, digits, . _ - +; under %d bytes)", t->f[1],
		    SMP_NAME_MAX);
	for (i = 0; i < c->ncomp; i++)
		if (strcmp(c->comp[i].name, t->f[1]) == 0)
			return smp_tsv_errf(t, e, "component '%s' defined twice",
			    t->f[1]);
	k = &c->comp[c->ncomp];
	memset(k, 0, sizeof *k);
	strcpy(k->name, t->f[1]);
	if (field_num(t, 2, "photolability", 0, 1, &k->photolability, e) == -1 ||
	    field_num(t, 3, "heal", 0.01, 1, &k->heal, e) == -1)
		return -1;
	for (i = 0; i < SMP_BANDS; i++) {
		snprintf(what, sizeof what, "mua %d nm", SMP_BAND_NM(i));
		if (field_num(t, 4 + i, what, 0, 1e6, &k->mua[i], e) == -1)
			return -1;
		snprintf(what, sizeof what, "mus %d nm", SMP_BAND_NM(i));
		if (field_num(t, 4 + SMP_BANDS + i, what, 0, 1e6, &k->mus[i],
		    e) == -1)
			return -1;
	}
	c->ncomp++;
	return 0;
}

/* "name=conc,name=conc"; components must already be defined. */
static int
cat_mix(struct smp_catalogue *c, struct smp_pigment *p,
    const struct smp_tsv *t, const char *spec, struct smp_err *e)
{
	char		 buf[1024], *tok, *save = NULL, *eq;
	struct smp_err	 sub = SMP_ERR_INIT;
	double		 sum = 0;
	int		 i, j;

	if (strlen(spec) >= sizeof buf)
		return smp_tsv_errf(t, e, "component list too long");
	strcpy(buf, spec);
	for (tok = strtok_r(buf, ",", &save); tok != NULL;
	    tok = strtok_r(NULL, ",", &save)) {
		if ((eq = strchr(tok, '=')) == NULL)
			return smp_tsv_errf(t, e, "component '%.64s' has no "
			    "=concentration", tok);
		*eq = '\0';
		for (i = 0; i < c->ncomp; i++)
			if (strcmp(c->comp[i].name, tok) == 0)
				break;
		if (i == c->ncomp)
			return smp_tsv_errf(t, e, "unknown component '%.64s' "
			    "(define it on an earlier line)", tok);
		for (j = 0; j < p->nmix; j++)
			if (p->mix[j].comp == i)
				return smp_tsv_errf(t, e, "component '%s' "
				    "listed twice", tok);
		if (p->nmix == SMP_MAX_MIX)
			return smp_tsv_errf(t, e, "more than %d components in "
			    "one pigment", SMP_MAX_MIX);
		if (smp_parse_double(eq + 1, 1e-6, 1, &p->mix[p->nmix].conc,
		    &sub) == -1)
			return smp_tsv_errf(t, e, "concentration of '%s': %s",
			    tok, sub.msg);
		p->mix[p->nmix].comp = i;
		sum += p->mix[p->nmix].conc;
		p->nmix++;
	}
	if (p->nmix == 0)
		return smp_tsv_errf(t, e, "pigment '%s' has no components",
		    p->name);
	if (sum > 1 + 1e-9)
		return smp_tsv_errf(t, e, "concentrations of '%s' add up to "
		    "%g, more than 1", p->name, sum);
	return 0;
}

static int
cat_pigment(struct smp_catalogue *c, const struct smp_tsv *t,
    struct smp_err *e)
{
	struct smp_pigment	*p, *q;
	size_t			 i;
	int			 k;

	if (t->nf != 5)
		return smp_tsv_errf(t, e, "a pigment record has %d fields, "
		    "not 5", t->nf);
	if (!name_ok(t->f[1]))
		return smp_tsv_errf(t, e, "bad pigment name '%.64s' "
		    "(letters, digits, . _ - +; under %d bytes)", t->f[1],
		    SMP_NAME_MAX);
	if (!name_ok(t->f[2]))
		return smp_tsv_errf(t, e, "bad maker '%.64s'", t->f[2]);
	for (i = 0; i < c->npig; i++)
		if (strcmp(c->pig[i].name, t->f[1]) == 0)
			return smp_tsv_errf(t, e, "pigment '%s' defined twice",
			    t->f[1]);
	if (c->npig == SMP_MAX_PIGMENTS)
		return smp_tsv_errf(t, e, "more than %d pigments",
		    SMP_MAX_PIGMENTS);
	if ((q = smp_grow_array(c->pig, &c->cap, c->npig, sizeof *q, e)) == NULL)
		return -1;
	c->pig = q;
	p = &c->pig[c->npig];
	memset(p, 0, sizeof *p);
	strcpy(p->name, t->f[1]);
	strcpy(p->maker, t->f[2]);
	if (strlen(t->f[4]) >= sizeof p->desc)
		return smp_tsv_errf(t, e, "description longer than %zu bytes",
		    sizeof p->desc - 1);
	strcpy(p->desc, t->f[4]);
	if (cat_mix(c, p, t, t->f[3], e) == -1)
		return -1;
	for (k = 0; k < p->nmix; k++)
		for (i = 0; i < SMP_BANDS; i++) {
			const struct smp_component *cp = &c->comp[p->mix[k].comp];

			p->mua[i] += p->mix[k].conc * cp->mua[i];
			p->mus[i] += p->mix[k].conc * cp->mus[i];
		}
	c->npig++;
	return 0;
}

int
smp_catalogue_load(const char *path, struct smp_catalogue **out,
    struct smp_err *e)
{
	struct smp_catalogue	*c;
	struct smp_tsv		 t;
	int			 r, seen_magic = 0;

	*out = NULL;
	if ((c = calloc(1, sizeof *c)) == NULL)
		return smp_errf(e, SMP_E_NOMEM, "out of memory");
	if (smp_tsv_open(&t, path, e) == -1) {
		free(c);
		return -1;
	}
	while ((r = smp_tsv_next(&t, e)) == 1) {
		if (!seen_magic) {
			if (t.nf != 2 || strcmp(t.f[0], "smp-catalogue") != 0 ||
			    strcmp(t.f[1], "1") != 0) {
				r = smp_tsv_errf(&t, e, "not a pigment catalogue "
				    "(the first record must be "
				    "'smp-catalogue<TAB>1')");
				break;
			}
			seen_magic = 1;
			continue;
		}
		if (strcmp(t.f[0], "component") == 0)
			r = cat_component(c, &t, e);
		else if (strcmp(t.f[0], "pigment") == 0)
			r = cat_pigment(c, &t, e);
		else
			r = smp_tsv_errf(&t, e, "unknown record type '%.32s' "
			    "(component or pigment)", t.f[0]);
		if (r == -1)
			break;
	}
	if (r == 0 && c->npig == 0)
		r = smp_errf(e, SMP_E_INPUT, "%s: no pigments in the catalogue",
		    t.path);
	smp_tsv_close(&t);
	if (r == -1) {
		smp_catalogue_free(c);
		return -1;
	}
	*out = c;
	return 0;
}

void
smp_catalogue_free(struct smp_catalogue *c)
{
	if (c == NULL)
		return;
	free(c->pig);
	free(c);
}

const struct smp_pigment *
smp_catalogue_find(const struct smp_catalogue *c, const char *name)
{
	size_t	i;

	for (i = 0; i < c->npig; i++)
		if (strcmp(c->pig[i].name, name) == 0)
			return &c->pig[i];
	return NULL;
}

/* --list-pigments: one row per pigment, its components as in the file. */
enum { P_NAME, P_MAKER, P_COMPONENTS, P_DESCRIPTION };
static const struct smp_column list_columns[] = {
	[P_NAME] = { "name", SMP_COL_STR, 0 },
	[P_MAKER] = { "maker", SMP_COL_STR, 0 },
	[P_COMPONENTS] = { "components", SMP_COL_STR, 0 },
	[P_DESCRIPTION] = { "description", SMP_COL_STR, 0 },
};

int
smp_catalogue_list(const struct smp_catalogue *c, FILE *fp,
    enum smp_table_format fmt, int header, struct smp_err *e)
{
	struct smp_table	*t;
	size_t			 i;
	int			 k, r = 0;

	if ((t = smp_table_new(fp, fmt, header, list_columns,
	    SMP_NCOLS(list_columns), e)) == NULL)
		return -1;
	for (i = 0; i < c->npig && r == 0; i++) {
		const struct smp_pigment *p = &c->pig[i];
		char	comp[SMP_MAX_MIX * (SMP_NAME_MAX + 16)];
		size_t	n = 0;

		comp[0] = '\0';
		for (k = 0; k < p->nmix && n < sizeof comp; k++)
			n += (size_t)snprintf(comp + n, sizeof comp - n, "%s%s=%g",
			    k ? "," : "", c->comp[p->mix[k].comp].name,
			    p->mix[k].conc);
		smp_table_set_str(t, P_NAME, p->name);
		smp_table_set_str(t, P_MAKER, p->maker);
		smp_table_set_str(t, P_COMPONENTS, comp);
		smp_table_set_str(t, P_DESCRIPTION, p->desc);
		r = smp_table_end_row(t, e);
	}
	smp_table_free(t);
	return r;
}
