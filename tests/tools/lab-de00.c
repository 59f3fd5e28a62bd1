/*
 * lab-de00: read lines "L1 a1 b1 L2 a2 b2" and print lcms2's CIEDE2000 for
 * each.  A test oracle that uses lcms2 directly, not libsmp.
 */
#include <stdio.h>

#include <lcms2.h>

int
main(void)
{
	cmsCIELab	x, y;

	while (scanf("%lf %lf %lf %lf %lf %lf", &x.L, &x.a, &x.b, &y.L, &y.a,
	    &y.b) == 6)
		printf("%.6f\n", cmsCIE2000DeltaE(&x, &y, 1, 1, 1));
	return 0;
}
