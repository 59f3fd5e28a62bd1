/*
 * camera.c: evaluating a fitted camera model (camera-fit.c): device RGB
 * 0..1 through the per-channel curves and the matrix to PCS XYZ (D50, Y
 * of the perfect diffuser = 1) and Lab.
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include <lcms2.h>

#include "smp.h"

double
smp_camera_curve(const struct smp_camera *c, int ch, double v)
{
	double	g = c->gamma[ch], k = c->flare[ch], t;

	if (c->model == SMP_MODEL_MATRIX)
		return v;
	if (c->model == SMP_MODEL_CURVES || c->model == SMP_MODEL_CURVEPOLY)
		return smp_camera_tone_eval(&c->tone[ch], v);
	v = v < 0 ? 0 : v;
	t = (pow(v, g) - k) / (1 - k);
	return t < 0 ? 0 : t;
}

/* The matrix (and root-polynomial terms) on linearised values lin. */
static void
camera_xyz_linear(const struct smp_camera *c, const double *l, double *xyz)
{
	double	t[6];
	int	i, k, n;

	t[0] = l[0], t[1] = l[1], t[2] = l[2];
	n = 3;
	if (c->model == SMP_MODEL_ROOTPOLY || c->model == SMP_MODEL_CURVEPOLY) {
		t[3] = sqrt(l[0] * l[1]);
		t[4] = sqrt(l[1] * l[2]);
		t[5] = sqrt(l[0] * l[2]);
		n = 6;
	}
	for (i = 0; i < 3; i++) {
		xyz[i] = 0;
		for (k = 0; k < n; k++)
			xyz[i] += c->M[i][k] * t[k];
	}
}

void
smp_camera_xyz(const struct smp_camera *c, const double *rgb, double *xyz)
{
	double	l[3];
	int	i;

	for (i = 0; i < 3; i++)
		l[i] = smp_camera_curve(c, i, rgb[i]);
	camera_xyz_linear(c, l, xyz);
}

void
smp_camera_lab_linear(const struct smp_camera *c, const double *lin,
    struct smp_lab *lab)
{
	double		x[3];
	cmsCIEXYZ	xyz;
	cmsCIELab	l;

	camera_xyz_linear(c, lin, x);
	xyz.X = fmax(x[0], 0), xyz.Y = fmax(x[1], 0), xyz.Z = fmax(x[2], 0);
	cmsXYZ2Lab(NULL, &l, &xyz);
	*lab = (struct smp_lab){ l.L, l.a, l.b };
}

void
smp_camera_lab(const struct smp_camera *c, const double *rgb,
    struct smp_lab *lab)
{
	double	l[3];
	int	i;

	for (i = 0; i < 3; i++)
		l[i] = smp_camera_curve(c, i, rgb[i]);
	smp_camera_lab_linear(c, l, lab);
}
