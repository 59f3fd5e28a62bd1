/*
 * solve.c: the numerical solvers: square linear systems, linear least
 * squares, Nelder-Mead in up to SMP_NM_MAX_DIM dimensions, and one
 * dimension's minimum (Brent) and roots (Illinois regula falsi, and the
 * first root of a scan).
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "smp.h"

/* Solve A x = b (n <= SMP_SOLVE_MAX) by Gaussian elimination with partial
 * pivoting; A and b are destroyed.  -1 if singular. */
int
smp_solve_linear(double *A, double *b, int n, double *x)
{
	int	i, j, k, p;
	double	t;

	for (k = 0; k < n; k++) {
		p = k;
		for (i = k + 1; i < n; i++)
			if (fabs(A[i * n + k]) > fabs(A[p * n + k]))
				p = i;
		if (fabs(A[p * n + k]) < 1e-14)
			return -1;
		if (p != k) {
			for (j = 0; j < n; j++) {
				t = A[k * n + j];
				A[k * n + j] = A[p * n + j];
				A[p * n + j] = t;
			}
			t = b[k], b[k] = b[p], b[p] = t;
		}
		for (i = k + 1; i < n; i++) {
			double	f = A[i * n + k] / A[k * n + k];

			for (j = k; j < n; j++)
				A[i * n + j] -= f * A[k * n + j];
			b[i] -= f * b[k];
		}
	}
	for (i = n - 1; i >= 0; i--) {
		t = b[i];
		for (j = i + 1; j < n; j++)
			t -= A[i * n + j] * x[j];
		x[i] = t / A[i * n + i];
	}
	return 0;
}

/* Least squares: rows m of X (m x n, n <= SMP_SOLVE_MAX) and y; normal
 * equations with a tiny ridge term for stability.  w may be NULL. */
int
smp_solve_lstsq(const double *X, const double *y, const double *w, int m, int n,
    double *beta)
{
	double	A[SMP_SOLVE_MAX * SMP_SOLVE_MAX], b[SMP_SOLVE_MAX];
	int	i, j, k;

	if (n > SMP_SOLVE_MAX)
		return -1;
	memset(A, 0, sizeof A);
	memset(b, 0, sizeof b);
	for (k = 0; k < m; k++) {
		double	wk = w ? w[k] : 1.0;

		for (i = 0; i < n; i++) {
			b[i] += wk * X[k * n + i] * y[k];
			for (j = 0; j < n; j++)
				A[i * n + j] += wk * X[k * n + i] * X[k * n + j];
		}
	}
	for (i = 0; i < n; i++)
		A[i * n + i] += 1e-12 * (1 + A[i * n + i]);
	return smp_solve_linear(A, b, n, beta);
}

void
smp_solve_nelder_mead(smp_cost_fn cost, void *arg, double *p, const double *st,
    int n, int iters)
{
	double	x[SMP_NM_MAX_DIM + 1][SMP_NM_MAX_DIM], f[SMP_NM_MAX_DIM + 1];
	double	c[SMP_NM_MAX_DIM], xr[SMP_NM_MAX_DIM], xe[SMP_NM_MAX_DIM];
	double	fr, fe;
	int	i, j, it, lo, hi, nh;

	for (i = 0; i <= n; i++) {
		memcpy(x[i], p, n * sizeof *p);
		if (i > 0)
			x[i][i - 1] += st[i - 1];
		f[i] = cost(arg, x[i]);
	}
	for (it = 0; it < iters; it++) {
		lo = hi = 0;
		for (i = 1; i <= n; i++) {
			if (f[i] < f[lo])
				lo = i;
			if (f[i] > f[hi])
				hi = i;
		}
		nh = lo;
		for (i = 0; i <= n; i++)
			if (i != hi && f[i] > f[nh])
				nh = i;
		if (f[hi] - f[lo] < 1e-10 * (1 + f[lo]))
			break;
		for (j = 0; j < n; j++) {
			c[j] = 0;
			for (i = 0; i <= n; i++)
				if (i != hi)
					c[j] += x[i][j] / n;
		}
		for (j = 0; j < n; j++)
			xr[j] = c[j] + (c[j] - x[hi][j]);
		fr = cost(arg, xr);
		if (fr < f[lo]) {
			for (j = 0; j < n; j++)
				xe[j] = c[j] + 2 * (c[j] - x[hi][j]);
			fe = cost(arg, xe);
			if (fe < fr)
				memcpy(x[hi], xe, n * sizeof *p), f[hi] = fe;
			else
				memcpy(x[hi], xr, n * sizeof *p), f[hi] = fr;
		} else if (fr < f[nh]) {
			memcpy(x[hi], xr, n * sizeof *p), f[hi] = fr;
		} else {
			for (j = 0; j < n; j++)
				xr[j] = c[j] + 0.5 * (x[hi][j] - c[j]);
			fr = cost(arg, xr);
			if (fr < f[hi])
				memcpy(x[hi], xr, n * sizeof *p), f[hi] = fr;
			else
				for (i = 0; i <= n; i++) {
					if (i == lo)
						continue;
					for (j = 0; j < n; j++)
						x[i][j] = x[lo][j] + 0.5 *
						    (x[i][j] - x[lo][j]);
					f[i] = cost(arg, x[i]);
				}
		}
	}
	lo = 0;
	for (i = 1; i <= n; i++)
		if (f[i] < f[lo])
			lo = i;
	memcpy(p, x[lo], n * sizeof *p);
}

double
smp_solve_min_1d(smp_fn1 f, void *arg, double a, double b, double tol,
    int maxit,
    double *fmin)
{
	const double	cg = (3 - sqrt(5)) / 2;
	double		x, w, v, fx, fw, fv, d = 0, e = 0, u, fu;
	int		it;

	x = w = v = a + cg * (b - a);
	fx = fw = fv = f(arg, x);
	for (it = 1; it < maxit; it++) {
		double	m = (a + b) / 2, tol2 = 2 * tol;
		int	golden = 1;

		if (fabs(x - m) <= tol2 - (b - a) / 2)
			break;
		if (fabs(e) > tol) {
			/* Parabola through x, w, v: take its vertex if it
			 * falls inside and the step shrinks fast enough. */
			double	r = (x - w) * (fx - fv),
			    q = (x - v) * (fx - fw);
			double	p = (x - v) * q - (x - w) * r, prev = e;

			q = 2 * (q - r);
			if (q > 0)
				p = -p;
			else
				q = -q;
			if (fabs(p) < fabs(q * prev / 2) && p > q * (a - x) &&
			    p < q * (b - x)) {
				e = d;
				d = p / q;
				if (x + d - a < tol2 || b - x - d < tol2)
					d = x < m ? tol : -tol;
				golden = 0;
			}
		}
		if (golden) {
			e = (x < m ? b : a) - x;
			d = cg * e;
		}
		u = x + (fabs(d) >= tol ? d : d > 0 ? tol : -tol);
		fu = f(arg, u);
		if (fu <= fx) {
			if (u < x)
				b = x;
			else
				a = x;
			v = w, fv = fw;
			w = x, fw = fx;
			x = u, fx = fu;
		} else {
			if (u < x)
				a = u;
			else
				b = u;
			if (fu <= fw || w == x) {
				v = w, fv = fw;
				w = u, fw = fu;
			} else if (fu <= fv || v == x || v == w) {
				v = u, fv = fu;
			}
		}
	}
	*fmin = fx;
	return x;
}

double
smp_solve_first_root(smp_fn1 f, void *arg, double a, double b, double step,
    double tol)
{
	double	fa = f(arg, a), x, fx;

	if (fa <= 0)
		return a;
	for (x = a + step; x <= b + 1e-9; x += step) {
		if ((fx = f(arg, x)) <= 0)
			return smp_solve_root_1d(f, arg, a, fa, x, fx, tol, 60);
		a = x, fa = fx;
	}
	return NAN;
}

double
smp_solve_root_1d(smp_fn1 f, void *arg, double a, double fa, double b,
    double fb,
    double tol, int maxit)
{
	int	it, side = 0;

	for (it = 0; it < maxit && fb < 0 && fabs(b - a) > tol; it++) {
		double	c = (a * fb - b * fa) / (fb - fa), fc;

		if (!(c > a && c < b) && !(c > b && c < a))
			c = (a + b) / 2;
		fc = f(arg, c);
		if (fc > 0) {
			a = c, fa = fc;
			if (side == -1)
				fb /= 2;
			side = -1;
		} else {
			b = c, fb = fc;
			if (side == 1)
				fa /= 2;
			side = 1;
		}
	}
	return b;
}

/* Levenberg-Marquardt (Marquardt 1963) on the sum of squared residuals,
 * with a forward-difference Jacobian, a damping factor scaled by the
 * diagonal of J'J, and at most maxit accepted or rejected steps. */
static double
sumsq(const double *r, int m)
{
	double	s = 0;
	int	i;

	for (i = 0; i < m; i++)
		s += r[i] * r[i];
	return s;
}

static void
jacobian(smp_resid_fn fn, void *arg, const double *u, const double *r, int n,
    int m, double *J)
{
	double	up[SMP_SOLVE_MAX], rp[SMP_LM_MAX_RES];
	int	i, j;

	memcpy(up, u, n * sizeof *u);
	for (j = 0; j < n; j++) {
		double	h = 1e-6 * (1 + fabs(u[j]));

		up[j] = u[j] + h;
		fn(arg, up, rp);
		for (i = 0; i < m; i++)
			J[i * n + j] = (rp[i] - r[i]) / h;
		up[j] = u[j];
	}
}

double
smp_solve_lm(smp_resid_fn fn, void *arg, double *u, int n, int m, int maxit,
    double *J)
{
	double	r[SMP_LM_MAX_RES], rt[SMP_LM_MAX_RES], ut[SMP_SOLVE_MAX];
	double	Jl[SMP_LM_MAX_RES * SMP_SOLVE_MAX];
	double	A[SMP_SOLVE_MAX * SMP_SOLVE_MAX], g[SMP_SOLVE_MAX];
	double	d[SMP_SOLVE_MAX], lambda = 1e-3, cost, ct;
	int	it, i, j, k, fresh = 0;

	if (n > SMP_SOLVE_MAX || m > SMP_LM_MAX_RES)
		return NAN;
	fn(arg, u, r);
	cost = sumsq(r, m);
	for (it = 0; it < maxit && lambda < 1e10; it++) {
		if (!fresh)
			jacobian(fn, arg, u, r, n, m, Jl);
		fresh = 1;
		for (i = 0; i < n; i++) {
			g[i] = 0;
			for (k = 0; k < m; k++)
				g[i] -= Jl[k * n + i] * r[k];
			for (j = 0; j < n; j++) {
				double	s = 0;

				for (k = 0; k < m; k++)
					s += Jl[k * n + i] * Jl[k * n + j];
				A[i * n + j] = s;
			}
			A[i * n + i] += lambda * (A[i * n + i] + 1e-9);
		}
		if (smp_solve_linear(A, g, n, d) == -1) {
			lambda *= 10;
			continue;
		}
		for (i = 0; i < n; i++)
			ut[i] = u[i] + d[i];
		fn(arg, ut, rt);
		ct = sumsq(rt, m);
		if (ct < cost) {
			double	drop = cost - ct;

			memcpy(u, ut, n * sizeof *u);
			memcpy(r, rt, m * sizeof *r);
			cost = ct;
			lambda = fmax(lambda / 10, 1e-9);
			fresh = 0;
			if (drop < 1e-6 * (1 + cost))
				break;
		} else
			lambda *= 10;
	}
	if (J != NULL)
		jacobian(fn, arg, u, r, n, m, J);
	return cost;
}
