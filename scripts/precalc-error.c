/*
 * precalc-error: how far lcms2's precalculated 16-bit transforms (the
 * fast path of ANCHORS.md 3.5) land from the float path smp-sample uses,
 * per band of L*, for a source profile.  400 000 random 16-bit RGB
 * pixels; the reference is RGB_16 -> XYZ_DBL (no cache) -> cmsXYZ2Lab,
 * the candidate RGB_16 -> Lab_16 with cmsFLAGS_HIGHRESPRECALC; pixels
 * whose a* or b* hit the Lab_16 encoding's bounds are counted apart.
 * Not built by make: run it by hand.
 *   cc -O2 -o precalc-error scripts/precalc-error.c -llcms2 -lm
 *   ./precalc-error /usr/share/color/argyll/ref/ClayRGB1998.icm
 */
#include <stdio.h>
#include <stdlib.h>

#include <lcms2.h>

int
main(int argc, char *argv[])
{
	cmsHPROFILE	 src, xyz, lab;
	cmsHTRANSFORM	 ref, fast;
	enum { N = 400000 };
	unsigned short	*px, *out;
	cmsCIEXYZ	*x;
	double		 mx[11] = { 0 }, sum[11] = { 0 };
	int		 n[11] = { 0 }, clipped = 0, i, k;

	if (argc != 2 || (src = cmsOpenProfileFromFile(argv[1], "r")) == NULL) {
		fprintf(stderr, "usage: precalc-error PROFILE.icc\n");
		return 2;
	}
	xyz = cmsCreateXYZProfile();
	lab = cmsCreateLab4Profile(NULL);
	ref = cmsCreateTransform(src, TYPE_RGB_16, xyz, TYPE_XYZ_DBL,
	    INTENT_RELATIVE_COLORIMETRIC, cmsFLAGS_NOCACHE);
	fast = cmsCreateTransform(src, TYPE_RGB_16, lab, TYPE_Lab_16,
	    INTENT_RELATIVE_COLORIMETRIC, cmsFLAGS_HIGHRESPRECALC |
	    cmsFLAGS_NOCACHE);
	px = malloc(N * 3 * sizeof *px);
	out = malloc(N * 3 * sizeof *out);
	x = malloc(N * sizeof *x);
	if (ref == NULL || fast == NULL || px == NULL || out == NULL ||
	    x == NULL)
		return 2;
	srand(2);
	for (i = 0; i < N * 3; i++)
		px[i] = (unsigned short)(rand() % 65536);
	cmsDoTransform(ref, px, x, N);
	cmsDoTransform(fast, px, out, N);
	for (i = 0; i < N; i++) {
		cmsCIELab	a, b;
		double		d;

		if (out[3 * i + 1] == 0 || out[3 * i + 1] == 65535 ||
		    out[3 * i + 2] == 0 || out[3 * i + 2] == 65535) {
			clipped++;
			continue;
		}
		cmsXYZ2Lab(NULL, &a, &x[i]);
		cmsLabEncoded2Float(&b, &out[3 * i]);
		d = cmsCIE2000DeltaE(&a, &b, 1, 1, 1);
		k = (int)(a.L / 10);
		k = k < 0 ? 0 : k > 10 ? 10 : k;
		sum[k] += d;
		n[k]++;
		if (d > mx[k])
			mx[k] = d;
	}
	printf("%d of %d pixels outside the Lab_16 range\n", clipped, N);
	for (k = 0; k <= 10; k++)
		if (n[k] > 0)
			printf("L* %3d-%3d: %6d pixels, dE00 mean %.4f max %.4f\n",
			    10 * k, 10 * k + 10, n[k], sum[k] / n[k], mx[k]);
	return 0;
}
