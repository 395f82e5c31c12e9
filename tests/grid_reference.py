"""Referencias por integración numérica para las pruebas de los motores de grilla.

Módulo auxiliar (no es un archivo de pruebas): lo importan test_grid.py,
test_collapsed.py y test_grid_claims.py.
"""

import functools

import numpy as np
from scipy import integrate, stats

# Datos de la clase: dos sujetos.
LECTURE = {"y": (5, 4), "N": (20, 8), "A_omega": 2.0, "B_omega": 2.0}


def _omega_density(y, N, A, B, kappa):
    """Densidad no normalizada de omega | y, integrando cada pi_s con la beta-binomial."""

    def dens(w):
        a = w * (kappa - 2) + 1
        b = (1 - w) * (kappa - 2) + 1
        value = stats.beta.pdf(w, A, B)
        for ys, ns in zip(y, N, strict=True):
            value *= stats.betabinom.pmf(ys, ns, a, b)
        return value

    return dens


def hierarchical_moments(y, N, A, B, kappa):
    """Medias y desviaciones estándar exactas (``quad``) de omega y de cada pi_s.

    Usa E[pi_s | omega, y] = (a + y_s) / (kappa + N_s) y
    E[pi_s^2 | omega, y] = (a + y_s)(a + y_s + 1) / ((kappa + N_s)(kappa + N_s + 1)).
    """
    dens = _omega_density(y, N, A, B, kappa)

    def expect(g):
        return integrate.quad(
            lambda w: g(w) * dens(w), 0, 1, epsabs=1e-15, epsrel=1e-12, limit=200
        )[0]

    z = expect(lambda w: 1.0)
    out = {}
    m1 = expect(lambda w: w) / z
    m2 = expect(lambda w: w * w) / z
    out["omega"] = (m1, np.sqrt(m2 - m1**2))
    for s, (ys, ns) in enumerate(zip(y, N, strict=True), start=1):
        total = kappa + ns

        def first(w, ys=ys, total=total):
            return (w * (kappa - 2) + 1 + ys) / total

        def second(w, ys=ys, total=total):
            a_post = w * (kappa - 2) + 1 + ys
            return a_post * (a_post + 1) / (total * (total + 1))

        e1 = expect(first) / z
        e2 = expect(second) / z
        out[f"pi_{s}"] = (e1, np.sqrt(e2 - e1**2))
    return out


@functools.cache
def lecture_moments(kappa=5.0):
    """Momentos exactos para los datos de la clase."""
    return hierarchical_moments(
        LECTURE["y"], LECTURE["N"], LECTURE["A_omega"], LECTURE["B_omega"], kappa
    )
