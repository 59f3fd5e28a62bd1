/*
 * render-scalp: the scene of the bundled example photo (data/README) as
 * CIELAB D50 per pixel, made with libsmp's own skin optics: textured skin,
 * sparse natural follicles with some stubble, and a square test patch of
 * 8 x 8 SMP dots of one catalogue pigment.  render-chart -B lays a ColorChecker
 * over the scene and takes the picture through its simulated camera.
 *
 * Writes SCENE ("LABF W H\n", then W*H*3 native floats), TRUTH (one
 * "name L a b" line per feature, Lab D50 as rendered, and the pigment),
 * and CHART.csv (the built-in post-2014 ColorChecker Lab, for
 * render-chart).
 *
 * usage: render-scalp [options] CATALOGUE W H SCENE TRUTH CHART.csv
 *   -m F_MEL -b F_BLOOD   the skin (default 0.06 0.012)
 *   -p PIGMENT -r DIL     the SMP dots (default smp-neutral-black, 2)
 *   -d UM -s F            their deposit's depth and ink strength
 *                         (default 50 and 0.7: not smp-match's defaults,
 *                         so that only a test-patch fit recovers them)
 *   -H HAIR               follicle hair colour (default dark-brown)
 *   -z PX_PER_MM          scale (default 20)
 *   -x FRAC -y FRAC       centre of the test patch (default 0.74 0.5)
 */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "smp.h"

/* Texture: melanin varies by +-12 % over a few mm, blood by +-30 % over
 * about 1 mm (assumption, for looks). */
#define MEL_VAR		0.12
#define BLOOD_VAR	0.30
#define LUT_N		9
#define SUB		4	/* supersampling per axis */
#define STUBBLE_X	0.45	/* stubble left of this share of the width */
/* Hair shaft above the surface: dark-brown hair fibres as measured
 * (libsmp's hair.c, J Cosmet Sci 2000;51(5) Table III), D65. */
static const struct smp_lab	shaft_d65 = { 23.59, 3.87, 4.73 };

enum feature { SKIN, FOLLICLE, DOT, SHAFT, NFEAT };
static const char *const feature_name[NFEAT] = {
	"skin", "follicle", "smp", "shaft"
};

struct disc {
	double	x, y, r;
	int	kind;
};
struct seg {
	double	x0, y0, x1, y1, w;
};

static void
die(const char *m)
{
	fprintf(stderr, "render-scalp: %s\n", m);
	exit(2);
}

static uint32_t
hash2(int x, int y, uint32_t seed)
{
	uint32_t	h = (uint32_t)x * 374761393u + (uint32_t)y * 668265263u +
			    seed * 2246822519u;

	h = (h ^ (h >> 13)) * 1274126177u;
	return h ^ (h >> 16);
}

/* Smooth value noise in -1..1 with lattice spacing `cell` pixels. */
static double
value_noise(double x, double y, double cell, uint32_t seed)
{
	double	u = x / cell, v = y / cell, fu, fv, c[4];
	int	i = (int)floor(u), j = (int)floor(v), k;

	fu = u - i, fv = v - j;
	fu = fu * fu * (3 - 2 * fu);
	fv = fv * fv * (3 - 2 * fv);
	for (k = 0; k < 4; k++)
		c[k] = hash2(i + (k & 1), j + (k >> 1), seed) / 2147483647.5 - 1;
	return (c[0] * (1 - fu) + c[1] * fu) * (1 - fv) +
	    (c[2] * (1 - fu) + c[3] * fu) * fv;
}

static double
unit(void)
{
	return (rand() + 0.5) / (RAND_MAX + 1.0);
}

/* XYZ D50 of skin with melanin and blood scaled by (sm, sb): bilinear in a
 * LUT_N x LUT_N table over the texture's range. */
static double	lut[LUT_N][LUT_N][3];

static void
lut_build(const struct smp_skin *base)
{
	struct smp_skin	s = *base;
	double		R[SMP_BANDS];
	int		i, j;

	for (i = 0; i < LUT_N; i++)
		for (j = 0; j < LUT_N; j++) {
			s.f_mel = base->f_mel * (1 + MEL_VAR *
			    (2.0 * i / (LUT_N - 1) - 1));
			s.f_blood = base->f_blood * (1 + BLOOD_VAR *
			    (2.0 * j / (LUT_N - 1) - 1));
			smp_skin_reflectance(&s, R);
			smp_spectrum_xyz(R, SMP_WHITE_D50, lut[i][j]);
		}
}

static void
skin_xyz(double nm, double nb, double *xyz)
{
	double	u = (nm + 1) / 2 * (LUT_N - 1), v = (nb + 1) / 2 * (LUT_N - 1);
	int	i = (int)fmin(floor(u), LUT_N - 2), j = (int)fmin(floor(v), LUT_N - 2);
	double	fu = u - i, fv = v - j;
	int	k;

	for (k = 0; k < 3; k++)
		xyz[k] = (lut[i][j][k] * (1 - fu) + lut[i + 1][j][k] * fu) *
		    (1 - fv) + (lut[i][j + 1][k] * (1 - fu) +
		    lut[i + 1][j + 1][k] * fu) * fv;
}

static double
seg_dist(const struct seg *s, double x, double y)
{
	double	dx = s->x1 - s->x0, dy = s->y1 - s->y0;
	double	t = ((x - s->x0) * dx + (y - s->y0) * dy) / (dx * dx + dy * dy);

	t = t < 0 ? 0 : t > 1 ? 1 : t;
	return hypot(x - s->x0 - t * dx, y - s->y0 - t * dy);
}

int
main(int argc, char *argv[])
{
	struct smp_match_opts	 o;
	struct smp_match_skin	 ms;
	struct smp_catalogue	*cat;
	const struct smp_pigment *pig;
	struct smp_target	 tg;
	struct smp_skin		 base;
	struct smp_chart_ref	 ref;
	struct smp_lab		 lab[NFEAT], base_lab;
	struct smp_err		 e;
	struct disc		*disc;
	struct seg		*seg;
	double			 fxyz[NFEAT][3], base_xyz[3], R[SMP_BANDS];
	double			 mm = 20, px = 0.74, py = 0.5, dil = 2;
	double			 depth = 50, strength = 0.7;
	double			 sum[NFEAT][3] = { { 0 } }, n_pure[NFEAT] = { 0 };
	const char		*pname = "smp-neutral-black";
	float			*scene;
	unsigned char		*label;
	size_t			 nd = 0, ns = 0, cap;
	int			 ch, W, H, x, y, i, k, hv;
	FILE			*fp;

	smp_match_defaults(&o);
	smp_skin_defaults(&base);
	base.f_mel = 0.06, base.f_blood = 0.012;
	while ((ch = getopt(argc, argv, "m:b:p:r:d:s:H:z:x:y:")) != -1) {
		switch (ch) {
		case 'm': base.f_mel = atof(optarg); break;
		case 'b': base.f_blood = atof(optarg); break;
		case 'p': pname = optarg; break;
		case 'r': dil = atof(optarg); break;
		case 'd': depth = atof(optarg); break;
		case 's': strength = atof(optarg); break;
		case 'H':
			if (smp_names_parse(&smp_names_hair, optarg, &hv,
			    &e) == -1)
				die(e.msg);
			o.hair = hv;
			break;
		case 'z': mm = atof(optarg); break;
		case 'x': px = atof(optarg); break;
		case 'y': py = atof(optarg); break;
		default: die("bad option");
		}
	}
	if (argc - optind != 6)
		die("usage: render-scalp [options] CATALOGUE W H SCENE TRUTH "
		    "CHART.csv");
	if (smp_catalogue_load(argv[optind], &cat, &e) == -1)
		die(e.msg);
	if ((pig = smp_catalogue_find(cat, pname)) == NULL)
		die("no such pigment");
	W = atoi(argv[optind + 1]);
	H = atoi(argv[optind + 2]);
	if (W < 64 || H < 64 || W > 8000 || H > 8000)
		die("bad size");

	/* Feature colours on the untextured skin, through the same optics
	 * as smp-match: the follicle model of the hair colour, the dots at
	 * the scene's own depth and strength. */
	smp_skin_reflectance(&base, R);
	smp_spectrum_lab(R, SMP_WHITE_D50, &base_lab);
	smp_spectrum_xyz(R, SMP_WHITE_D50, base_xyz);
	memset(&ms, 0, sizeof ms);
	smp_match_skin_from(&base_lab, SMP_WHITE_D50, &base, depth * 1e-4,
	    strength, &ms);
	smp_match_target_hair(&ms, &o, o.hair, &tg);
	lab[FOLLICLE] = tg.dot;
	smp_match_render(&ms, &o, pig->mua, pig->mus, 1 / (1 + dil),
	    &lab[DOT], NULL);
	smp_lab_adapt(&shaft_d65, SMP_WHITE_D65, SMP_WHITE_D50, &lab[SHAFT]);
	for (k = FOLLICLE; k < NFEAT; k++)
		smp_spectrum_lab_xyz(&lab[k], SMP_WHITE_D50, fxyz[k]);
	lut_build(&base);

	/* Features: follicles at about 0.35 per mm^2 (a thinning crown,
	 * assumption), a third of those in the left part with a stubble
	 * shaft 0.3..1 mm long, and a
	 * 8 x 8 mm patch of dots at the default pitch and size, placed with
	 * 0.08 mm of hand jitter. */
	srand(20261121);
	cap = (size_t)(W * (double)H / (mm * mm) * 0.35) + 400;
	if ((disc = malloc(cap * sizeof *disc)) == NULL ||
	    (seg = malloc(cap * sizeof *seg)) == NULL)
		die("out of memory");
	for (i = 0; i < (int)(W * (double)H / (mm * mm) * 0.35); i++) {
		struct disc	d = { unit() * W, unit() * H,
				    mm * (0.09 + 0.06 * unit()), FOLLICLE };

		if (fabs(d.x - px * W) < 5 * mm && fabs(d.y - py * H) < 5 * mm)
			continue;
		disc[nd++] = d;
		/* stubble only left of STUBBLE_X: the right of the scene
		 * holds shaved follicles alone */
		if (unit() < 0.33 && d.x < STUBBLE_X * W) {
			double	a = unit() * 2 * M_PI, l = mm * (0.3 + 0.7 * unit());

			seg[ns++] = (struct seg){ d.x, d.y, d.x + l * cos(a),
			    d.y + l * sin(a), mm * 0.07 };
		}
	}
	for (y = -4; y < 4; y++)
		for (x = -4; x < 4; x++)
			disc[nd++] = (struct disc){
			    px * W + (x + 0.5 + 0.08 * (2 * unit() - 1)) * mm * o.pitch_mm,
			    py * H + (y + 0.5 + 0.08 * (2 * unit() - 1)) * mm * o.pitch_mm,
			    mm * o.dot_mm / 2, DOT };

	/* Paint every feature into a supersampled label map. */
	if ((scene = malloc((size_t)W * H * 3 * sizeof *scene)) == NULL ||
	    (label = calloc((size_t)W * H * SUB * SUB, 1)) == NULL)
		die("out of memory");
	for (i = 0; i < (int)(nd + ns); i++) {
		int	is_seg = i >= (int)nd;
		struct seg *g = is_seg ? &seg[i - nd] : NULL;
		double	x0 = is_seg ? fmin(g->x0, g->x1) - g->w : disc[i].x - disc[i].r;
		double	x1 = is_seg ? fmax(g->x0, g->x1) + g->w : disc[i].x + disc[i].r;
		double	y0 = is_seg ? fmin(g->y0, g->y1) - g->w : disc[i].y - disc[i].r;
		double	y1 = is_seg ? fmax(g->y0, g->y1) + g->w : disc[i].y + disc[i].r;
		int	u, v;

		for (v = (int)fmax(0, floor(y0 * SUB)); v < H * SUB && v <= y1 * SUB; v++)
			for (u = (int)fmax(0, floor(x0 * SUB)); u < W * SUB &&
			    u <= x1 * SUB; u++) {
				double	qx = (u + 0.5) / SUB, qy = (v + 0.5) / SUB;

				if (is_seg ? seg_dist(g, qx, qy) < g->w / 2 :
				    hypot(qx - disc[i].x, qy - disc[i].y) < disc[i].r)
					label[(size_t)v * W * SUB + u] =
					    (unsigned char)(is_seg ? SHAFT : disc[i].kind);
			}
	}
	for (y = 0; y < H; y++)
		for (x = 0; x < W; x++) {
			double	acc[3] = { 0, 0, 0 }, xyz[3], tex[3];
			int	sx, sy, pure = -1;
			struct smp_lab	l;

			for (sy = 0; sy < SUB; sy++)
				for (sx = 0; sx < SUB; sx++) {
					double	qx = x + (sx + 0.5) / SUB;
					double	qy = y + (sy + 0.5) / SUB;
					double	nm = 0.7 * value_noise(qx, qy, 4 * mm, 1) +
						    0.3 * value_noise(qx, qy, 1.3 * mm, 2);
					double	nb = 0.6 * value_noise(qx, qy, 1.1 * mm, 3) +
						    0.4 * value_noise(qx, qy, 0.4 * mm, 4);
					int	f = label[((size_t)y * SUB + sy) * W * SUB +
						    (size_t)x * SUB + sx];

					skin_xyz(nm, nb, tex);
					for (k = 0; k < 3; k++)
						acc[k] += (f == SKIN ? tex[k] : f == SHAFT ?
						    fxyz[f][k] : fxyz[f][k] * tex[k] /
						    base_xyz[k]) / (SUB * SUB);
					pure = sx + sy == 0 ? f : pure == f ? f : -2;
				}
			if (pure >= 0) {
				for (k = 0; k < 3; k++)
					sum[pure][k] += acc[k];
				n_pure[pure]++;
			}
			memcpy(xyz, acc, sizeof acc);
			smp_spectrum_xyz_lab(xyz, SMP_WHITE_D50, &l);
			scene[((size_t)y * W + x) * 3] = (float)l.L;
			scene[((size_t)y * W + x) * 3 + 1] = (float)l.a;
			scene[((size_t)y * W + x) * 3 + 2] = (float)l.b;
		}

	if ((fp = fopen(argv[optind + 3], "wb")) == NULL)
		die("cannot write the scene");
	fprintf(fp, "LABF %d %d\n", W, H);
	if (fwrite(scene, sizeof *scene, (size_t)W * H * 3, fp) !=
	    (size_t)W * H * 3 || fclose(fp) != 0)
		die("cannot write the scene");
	/* Truth: the mean colour of the pixels wholly inside each feature,
	 * texture included. */
	if ((fp = fopen(argv[optind + 4], "w")) == NULL)
		die("cannot write the truth");
	for (k = 0; k < NFEAT; k++) {
		struct smp_lab	l;

		for (i = 0; i < 3; i++)
			sum[k][i] /= n_pure[k] > 0 ? n_pure[k] : 1;
		smp_spectrum_xyz_lab(sum[k], SMP_WHITE_D50, &l);
		fprintf(fp, "%s %.2f %.2f %.2f %.0f\n", feature_name[k], l.L,
		    l.a, l.b, n_pure[k]);
	}
	fprintf(fp, "pigment %s %g\ndeposit %g %g\n"
	    "skin_model %.2f %.2f %.2f %g %g\n", pname, dil, depth, strength,
	    base_lab.L, base_lab.a, base_lab.b, base.f_mel, base.f_blood);
	if (fclose(fp) != 0)
		die("cannot write the truth");
	if ((fp = fopen(argv[optind + 5], "w")) == NULL)
		die("cannot write the chart CSV");
	smp_chart_builtin(SMP_EDITION_2014, &ref);
	for (k = 0; k < SMP_CHART_PATCHES; k++)
		fprintf(fp, "%d,%.2f,%.2f,%.2f\n", k + 1, ref.lab[k].L,
		    ref.lab[k].a, ref.lab[k].b);
	if (fclose(fp) != 0)
		die("cannot write the chart CSV");
	free(scene);
	free(label);
	free(disc);
	free(seg);
	smp_catalogue_free(cat);
	return 0;
}
