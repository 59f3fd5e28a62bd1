/*
 * tsv.c: the one reader of tab-separated input (readings, catalogues,
 * series).  Lines are split at tabs in place; '#' comments and blank lines
 * are skipped; a line longer than SMP_TSV_MAX_LINE, a NUL byte or a
 * read error is an error naming file:line.  A UTF-8 byte-order mark
 * before the first line is skipped.  Lines are read with a bound:
 * nothing past the limit is read or allocated.  Where the caller allows
 * it, a file whose first record is a JSON object is read as JSON Lines
 * of flat objects, decoded in place in the line's buffer.
 */
#include "config.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "smp.h"

int
smp_tsv_open(struct smp_tsv *t, const char *path, struct smp_err *e)
{
	memset(t, 0, sizeof *t);
	t->path = path;
	if (strcmp(path, "-") == 0) {
		t->fp = stdin;
		t->path = "(stdin)";
		return 0;
	}
	if ((t->fp = fopen(path, "r")) == NULL)
		return smp_errf(e, SMP_E_IO, "%s: %s", path, strerror(errno));
	t->owned = 1;
	return 0;
}

void
smp_tsv_close(struct smp_tsv *t)
{
	if (t->owned && t->fp != NULL)
		fclose(t->fp);
	free(t->buf);
	free(t->f);
	free(t->keys);
	free(t->key);
	memset(t, 0, sizeof *t);
}

ssize_t
smp_tsv_read_line(FILE *fp, int delim, size_t max, char **buf, size_t *cap)
{
	size_t	n = 0;
	int	c;

	for (;;) {
		if (n + 2 > *cap) {
			size_t	 nc = *cap ? 2 * *cap : 256;
			char	*b;

			nc = nc > max + 2 ? max + 2 : nc;
			if ((b = realloc(*buf, nc)) == NULL)
				return SMP_LINE_NOMEM;
			*buf = b, *cap = nc;
		}
		if ((c = getc(fp)) == EOF)
			break;
		if (c == '\0' && delim != '\0') {
			(*buf)[n] = '\0';
			return SMP_LINE_NUL;
		}
		if (c == delim)
			break;
		if (n == max) {
			(*buf)[n] = '\0';
			return SMP_LINE_LONG;
		}
		(*buf)[n++] = (char)c;
	}
	(*buf)[n] = '\0';
	if (c == EOF && (n == 0 || ferror(fp)))
		return SMP_LINE_END;
	return (ssize_t)n;
}

int
smp_tsv_errf(const struct smp_tsv *t, struct smp_err *e, const char *fmt, ...)
{
	char	msg[400];
	va_list	ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	return smp_errf(e, SMP_E_INPUT, "%s:%lu: %s", t->path, t->line, msg);
}

void
smp_tsv_allow_json(struct smp_tsv *t)
{
	t->json_ok = 1;
}

/* Room for n field pointers in t->f. */
static int
fields_room(struct smp_tsv *t, int n, struct smp_err *e)
{
	char	**f;
	int	  c;

	if (n <= t->fcap)
		return 0;
	for (c = t->fcap ? t->fcap : 16; c < n; c *= 2)
		;
	if ((f = realloc(t->f, (size_t)c * sizeof *f)) == NULL)
		return smp_errf(e, SMP_E_NOMEM, "out of memory");
	t->f = f, t->fcap = c;
	return 0;
}

static char *
skip_space(char *p)
{
	while (*p == ' ' || *p == '\t')
		p++;
	return p;
}

static int
hex4(const char *p, unsigned *v)
{
	int	i;

	*v = 0;
	for (i = 0; i < 4; i++) {
		int	c = p[i];

		*v <<= 4;
		if (c >= '0' && c <= '9')
			*v |= (unsigned)(c - '0');
		else if (c >= 'a' && c <= 'f')
			*v |= (unsigned)(c - 'a' + 10);
		else if (c >= 'A' && c <= 'F')
			*v |= (unsigned)(c - 'A' + 10);
		else
			return -1;
	}
	return 0;
}

/* Code point u as UTF-8 at w; the bytes written. */
static int
put_utf8(char *w, unsigned u)
{
	if (u < 0x80)
		return w[0] = (char)u, 1;
	if (u < 0x800)
		return w[0] = (char)(0xC0 | u >> 6), w[1] = (char)(0x80 |
		    (u & 0x3F)), 2;
	if (u < 0x10000)
		return w[0] = (char)(0xE0 | u >> 12), w[1] = (char)(0x80 |
		    (u >> 6 & 0x3F)), w[2] = (char)(0x80 | (u & 0x3F)), 3;
	w[0] = (char)(0xF0 | u >> 18);
	w[1] = (char)(0x80 | (u >> 12 & 0x3F));
	w[2] = (char)(0x80 | (u >> 6 & 0x3F));
	w[3] = (char)(0x80 | (u & 0x3F));
	return 4;
}

/* The JSON string at *pp (its opening quote), decoded in place (never
 * longer than its text; U+DC80..U+DCFF, the writer's escape for a byte
 * that is not UTF-8, gives that byte back); *pp moves past it. */
static char *
json_string(char **pp)
{
	char		*p = *pp + 1, *out = *pp, *w = out;
	unsigned	 u, lo;

	for (;;) {
		if (*p == '\0' || (unsigned char)*p < 0x20)
			return NULL;
		if (*p == '"')
			break;
		if (*p != '\\') {
			*w++ = *p++;
			continue;
		}
		switch (*++p) {
		case '"': case '\\': case '/':
			*w++ = *p;
			break;
		case 'b': *w++ = '\b'; break;
		case 'f': *w++ = '\f'; break;
		case 'n': *w++ = '\n'; break;
		case 'r': *w++ = '\r'; break;
		case 't': *w++ = '\t'; break;
		case 'u':
			if (hex4(p + 1, &u) == -1)
				return NULL;
			p += 4;
			if (u >= 0xDC80 && u <= 0xDCFF)
				*w++ = (char)(u - 0xDC00);
			else if (u >= 0xD800 && u <= 0xDBFF) {
				if (p[1] != '\\' || p[2] != 'u' ||
				    hex4(p + 3, &lo) == -1 || lo < 0xDC00 ||
				    lo > 0xDFFF)
					return NULL;
				p += 6;
				w += put_utf8(w, 0x10000 + ((u - 0xD800) << 10) +
				    (lo - 0xDC00));
			} else if (u >= 0xDC00 && u <= 0xDFFF)
				return NULL;
			else if (u == 0)
				return NULL;	/* a NUL would cut the field */
			else
				w += put_utf8(w, u);
			break;
		default:
			return NULL;
		}
		p++;
	}
	*w = '\0';
	*pp = p + 1;
	return out;
}

/* A scalar that is not a string (a number, null, true, false): its text
 * ended in place, "" for null; *delim receives the character after it,
 * which the end overwrote, and *pp points there. */
static char *
json_bare(char **pp, char *delim)
{
	char	*p = *pp, *v = p;

	while (*p != '\0' && strchr(",} \t", *p) == NULL) {
		if (*p == '{' || *p == '[' || *p == '"')
			return NULL;
		p++;
	}
	if (p == v)
		return NULL;
	*delim = *p;
	*p = '\0';
	*pp = p;
	if (strcmp(v, "null") == 0)
		*v = '\0';
	return v;
}

/* Parse the flat object in t->buf into key/value pairs at t->f[0..2n);
 * the pair count, or -1 with e filled. */
static int
json_pairs(struct smp_tsv *t, struct smp_err *e)
{
	char	*p = skip_space(t->buf), *k, *v, d;
	int	 n = 0;

	if (*p++ != '{')
		return smp_tsv_errf(t, e, "not a JSON object (the file's first "
		    "record is one: JSON Lines)");
	p = skip_space(p);
	if (*p == '}')
		return smp_tsv_errf(t, e, "an empty JSON object");
	for (;;) {
		if (*p != '"' || (k = json_string(&p)) == NULL)
			return smp_tsv_errf(t, e, "bad JSON key");
		p = skip_space(p);
		if (*p++ != ':')
			return smp_tsv_errf(t, e, "no ':' after the JSON key "
			    "'%.32s'", k);
		p = skip_space(p);
		if (*p == '"') {
			if ((v = json_string(&p)) == NULL)
				return smp_tsv_errf(t, e, "bad JSON string for "
				    "'%.32s'", k);
			d = *p;
		} else if ((v = json_bare(&p, &d)) == NULL)
			return smp_tsv_errf(t, e, "bad JSON value for '%.32s' "
			    "(a string, a number or null)", k);
		if (fields_room(t, 2 * n + 2, e) == -1)
			return -1;
		t->f[2 * n] = k;
		t->f[2 * n + 1] = v;
		n++;
		if (d != '\0')
			p++;	/* past the character after the value, in d */
		if (d == ' ' || d == '\t') {
			p = skip_space(p);
			d = *p != '\0' ? *p++ : '\0';
		}
		if (d == '}')
			break;
		if (d != ',')
			return smp_tsv_errf(t, e, "bad JSON object: ',' or '}' "
			    "expected after '%.32s'", k);
		p = skip_space(p);
	}
	if (*skip_space(p) != '\0')
		return smp_tsv_errf(t, e, "text after the JSON object");
	return n;
}

/* The first object's keys become the header, kept in their own copy. */
static int
json_header(struct smp_tsv *t, int n, struct smp_err *e)
{
	size_t	len = 0, at = 0;
	int	i;

	for (i = 0; i < n; i++)
		len += strlen(t->f[2 * i]) + 1;
	if ((t->keys = malloc(len)) == NULL ||
	    (t->key = malloc((size_t)n * sizeof *t->key)) == NULL)
		return smp_errf(e, SMP_E_NOMEM, "out of memory");
	for (i = 0; i < n; i++) {
		size_t	kl = strlen(t->f[2 * i]) + 1;

		memcpy(t->keys + at, t->f[2 * i], kl);
		t->key[i] = t->keys + at;
		at += kl;
	}
	t->nkeys = n;
	return 0;
}

/* The values of the pairs at t->f in header order ("" for a key the
 * object lacks), as the line's fields. */
static int
json_fields(struct smp_tsv *t, int n, struct smp_err *e)
{
	int	i, k;

	if (fields_room(t, 2 * n + t->nkeys, e) == -1)
		return -1;
	for (i = 0; i < t->nkeys; i++) {
		t->f[2 * n + i] = t->buf + strlen(t->buf);	/* "" */
		for (k = 0; k < n; k++)
			if (strcmp(t->f[2 * k], t->key[i]) == 0) {
				t->f[2 * n + i] = t->f[2 * k + 1];
				break;
			}
	}
	memmove(t->f, t->f + 2 * n, (size_t)t->nkeys * sizeof *t->f);
	t->nf = t->nkeys;
	return 1;
}

/* A JSON line: the header first (from the first object), then values. */
static int
json_next(struct smp_tsv *t, struct smp_err *e)
{
	int	n, i;

	if ((n = json_pairs(t, e)) == -1)
		return -1;
	for (i = 0; i < n; i++)
		if (strcmp(t->f[2 * i], "summary") == 0)
			return 0;			/* skip it */
	if (t->key == NULL) {
		if (json_header(t, n, e) == -1 || fields_room(t, n, e) == -1)
			return -1;
		t->pending = n;
		t->nf = n;
		/* The pairs move up; the header takes the front. */
		if (fields_room(t, 3 * n, e) == -1)
			return -1;
		memmove(t->f + n, t->f, 2 * (size_t)n * sizeof *t->f);
		memcpy(t->f, t->key, (size_t)n * sizeof *t->f);
		return 1;
	}
	return json_fields(t, n, e);
}

int
smp_tsv_next(struct smp_tsv *t, struct smp_err *e)
{
	ssize_t	n;
	char	*p;

	if (t->pending > 0) {		/* the first object's values */
		int	np = t->pending;

		t->pending = 0;
		memmove(t->f, t->f + np, 2 * (size_t)np * sizeof *t->f);
		return json_fields(t, np, e);
	}
	for (;;) {
		errno = 0;
		n = smp_tsv_read_line(t->fp, '\n', SMP_TSV_MAX_LINE, &t->buf,
		    &t->cap);
		if (n == SMP_LINE_END) {
			if (ferror(t->fp))
				return smp_errf(e, SMP_E_IO, "%s: %s", t->path,
				    strerror(errno ? errno : EIO));
			return 0;
		}
		t->line++;
		if (n == SMP_LINE_NOMEM)
			return smp_errf(e, SMP_E_NOMEM, "out of memory");
		if (n == SMP_LINE_LONG)
			return smp_tsv_errf(t, e, "line %lu longer than %u bytes",
			    t->line, SMP_TSV_MAX_LINE);
		if (n == SMP_LINE_NUL)
			return smp_tsv_errf(t, e, "NUL byte in a text line");
		if (t->line == 1 && n >= 3 && memcmp(t->buf, "\xEF\xBB\xBF",
		    3) == 0) {			/* a UTF-8 byte-order mark */
			memmove(t->buf, t->buf + 3, (size_t)n - 2);
			n -= 3;
		}
		while (n > 0 && (t->buf[n - 1] == '\n' || t->buf[n - 1] == '\r'))
			t->buf[--n] = '\0';
		if (n == 0 || t->buf[0] == '#')
			continue;
		if (t->key == NULL && !t->json && t->json_ok &&
		    t->buf[0] == '{')
			t->json = 1;
		if (t->json) {
			int	r = json_next(t, e);

			if (r == 0)
				continue;
			return r;
		}
		t->nf = 0;
		for (p = t->buf;; p++) {
			char	*tab = strchr(p, '\t');

			if (t->nf == t->fcap) {
				char	**f;
				int	  c = t->fcap ? 2 * t->fcap : 16;

				if ((f = realloc(t->f, c * sizeof *f)) == NULL)
					return smp_errf(e, SMP_E_NOMEM,
					    "out of memory");
				t->f = f, t->fcap = c;
			}
			t->f[t->nf++] = p;
			if (tab == NULL)
				break;
			*tab = '\0';
			p = tab;
		}
		return 1;
	}
}

int
smp_tsv_col(const struct smp_tsv *t, const char *name)
{
	int	i;

	for (i = 0; i < t->nf; i++)
		if (strcmp(t->f[i], name) == 0)
			return i;
	return -1;
}
