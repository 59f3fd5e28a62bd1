/*
 * ciede2000: test oracle built on lcms2 directly, not on libsmp.
 *   ciede2000      read "L1 a1 b1 L2 a2 b2" lines, print CIEDE2000
 *   ciede2000 -a   read "L a b" (D50) lines, print Lab adapted to D65
 *                 (Bradford, D65 = x 0.3127 y 0.3290)
 */
#include <stdio.h>
#include <string.h>

#include <lcms2.h>

int
main(int argc, char *argv[])
{
	cmsCIELab	x, y;
	cmsCIExyY	d65xyY = { 0.3127, 0.3290, 1.0 };
	cmsCIEXYZ	d65, v, w;

	if (argc > 1 && strcmp(argv[1], "-a") == 0) {
		cmsxyY2XYZ(&d65, &d65xyY);
		while (scanf("%lf %lf %lf", &x.L, &x.a, &x.b) == 3) {
			cmsLab2XYZ(cmsD50_XYZ(), &v, &x);
			cmsAdaptToIlluminant(&w, cmsD50_XYZ(), &d65, &v);
			cmsXYZ2Lab(&d65, &y, &w);
			printf("%.4f %.4f %.4f\n", y.L, y.a, y.b);
		}
		return 0;
	}
	while (scanf("%lf %lf %lf %lf %lf %lf", &x.L, &x.a, &x.b, &y.L, &y.a,
	    &y.b) == 6)
		printf("%.6f\n", cmsCIE2000DeltaE(&x, &y, 1, 1, 1));
	return 0;
}
