/*
 * orient.c: EXIF orientations (1..8) between display and stored pixel
 * coordinates.
 */
#include "config.h"

#include "smp.h"

void
smp_orient_to_display(int o, uint32_t w, uint32_t h, uint32_t sx,
    uint32_t sy, uint32_t *dx, uint32_t *dy)
{
	switch (o) {
	case 2:
		*dx = w - 1 - sx, *dy = sy;
		break;
	case 3:
		*dx = w - 1 - sx, *dy = h - 1 - sy;
		break;
	case 4:
		*dx = sx, *dy = h - 1 - sy;
		break;
	case 5:
		*dx = sy, *dy = sx;
		break;
	case 6:
		*dx = h - 1 - sy, *dy = sx;
		break;
	case 7:
		*dx = h - 1 - sy, *dy = w - 1 - sx;
		break;
	case 8:
		*dx = sy, *dy = w - 1 - sx;
		break;
	default:
		*dx = sx, *dy = sy;
	}
}

/*
 * Orientations 6 and 8 undo each other; the others undo themselves.  The
 * inverse map works on the display size, which 5..8 transpose.
 */
void
smp_orient_to_stored(int o, uint32_t w, uint32_t h, uint32_t dx,
    uint32_t dy, uint32_t *sx, uint32_t *sy)
{
	int	inv = o == 6 ? 8 : o == 8 ? 6 : o;

	if (o >= 5)
		smp_orient_to_display(inv, h, w, dx, dy, sx, sy);
	else
		smp_orient_to_display(inv, w, h, dx, dy, sx, sy);
}
