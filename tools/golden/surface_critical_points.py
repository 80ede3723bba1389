"""Finds the critical points of the catalogue surfaces inside their default windows.

Symbolic gradient and Hessian (sympy), Newton's method from a grid of starts, refined in
50-digit arithmetic (mpmath), classified by the Hessian's eigenvalues. The printed
coordinates are copied into the surfaces' criticalPoints(); the Java tests check that the
analytic gradient vanishes there and that the Hessian has the matching sign pattern.

Run: python3 tools/golden/surface_critical_points.py
"""
import itertools

import mpmath
import numpy as np
import sympy as sp

x, y = sp.symbols("x y", real=True)

SURFACES = {
    "bounded_saddle": (x**2 + y**4 / 4 - y**2, (-2.5, 2.5, -2.5, 2.5)),
    "beale": ((sp.Rational(3, 2) - x + x * y) ** 2 + (sp.Rational(9, 4) - x + x * y**2) ** 2
              + (sp.Rational(21, 8) - x + x * y**3) ** 2, (-4.5, 4.5, -4.5, 4.5)),
    "himmelblau": ((x**2 + y - 11) ** 2 + (x + y**2 - 7) ** 2, (-5, 5, -5, 5)),
    "goldstein_price": ((1 + (x + y + 1) ** 2 * (19 - 14 * x + 3 * x**2 - 14 * y + 6 * x * y + 3 * y**2))
                        * (30 + (2 * x - 3 * y) ** 2 * (18 - 32 * x + 12 * x**2 + 48 * y - 36 * x * y + 27 * y**2)),
                        (-2, 2, -2, 2)),
    "six_hump_camel": ((4 - sp.Rational(21, 10) * x**2 + x**4 / 3) * x**2 + x * y + (-4 + 4 * y**2) * y**2,
                       (-2, 2, -1, 1)),
    "rastrigin": (20 + x**2 - 10 * sp.cos(2 * sp.pi * x) + y**2 - 10 * sp.cos(2 * sp.pi * y),
                  (-1.2, 1.2, -1.2, 1.2)),
    "wells": (sp.Rational(1, 20) * (x**2 + y**2)
              - sp.Rational(3, 5) * sp.exp(-((x + sp.Rational(3, 2)) ** 2 + y**2) / sp.Rational(18, 25))
              - sp.Rational(3, 2) * sp.exp(-((x - sp.Rational(3, 2)) ** 2 + y**2) / sp.Rational(32, 25)),
              (-4, 4, -3, 3)),
}


def critical_points(f, window, starts=41):
    grad = [sp.diff(f, v) for v in (x, y)]
    hess = sp.hessian(f, (x, y))
    g = sp.lambdify((x, y), grad, "numpy")
    h = sp.lambdify((x, y), hess, "numpy")
    found = []
    x0, x1, y0, y1 = window
    for sx, sy in itertools.product(np.linspace(x0, x1, starts), np.linspace(y0, y1, starts)):
        p = np.array([sx, sy], dtype=float)
        for _ in range(100):
            try:
                step = np.linalg.solve(np.array(h(*p), dtype=float), np.array(g(*p), dtype=float))
            except np.linalg.LinAlgError:
                break
            p = p - step
            if not np.all(np.isfinite(p)) or np.linalg.norm(step) < 1e-14:
                break
        if not np.all(np.isfinite(p)) or np.linalg.norm(np.array(g(*p), dtype=float)) > 1e-8:
            continue
        if not (x0 <= p[0] <= x1 and y0 <= p[1] <= y1):
            continue
        if any(np.linalg.norm(p - q) < 1e-6 for q in found):
            continue
        found.append(p)
    mpmath.mp.dps = 50
    out = []
    for p in found:
        fg = [sp.lambdify((x, y), d, "mpmath") for d in grad]
        sol = mpmath.findroot(lambda a, b: [fg[0](a, b), fg[1](a, b)], (mpmath.mpf(p[0]), mpmath.mpf(p[1])))
        px, py = float(sol[0]), float(sol[1])
        ev = np.linalg.eigvalsh(np.array(h(px, py), dtype=float))
        if ev.min() > 0:
            kind = "MIN"
        elif ev.max() < 0:
            kind = "MAXIMUM"
        else:
            kind = "SADDLE"
        out.append((px, py, float(f.subs({x: sol[0], y: sol[1]}).evalf(30)), kind))
    best = min(v for _, _, v, k in out if k == "MIN")
    result = []
    for px, py, v, kind in sorted(out, key=lambda t: (t[2], t[0])):
        if kind == "MIN":
            kind = "GLOBAL_MINIMUM" if abs(v - best) < 1e-9 else "LOCAL_MINIMUM"
        result.append((px, py, v, kind))
    return result


if __name__ == "__main__":
    for name, (f, window) in SURFACES.items():
        print(name)
        for px, py, v, kind in critical_points(f, window):
            print(f"    new CriticalPoint({px!r}, {py!r}, Kind.{kind}),  // f = {v:.12g}")
