"""Banco de pruebas de los motores de grilla (no es una prueba automática).

Uso::

    PYTHONPATH=src python benchmarks/bench_grid.py

Imprime dos tablas:

(a) la posterior de dos sujetos en la grilla 101³ con todas sus marginales,
    calculada con :func:`jerarquicos.grid.grid_posterior` y con una traducción
    literal a pandas del código en R de la clase (``expand_grid`` → tabla de
    101³ filas, ``mutate`` con densidades de ``scipy.stats`` por columna,
    ``inner_join`` → ``pd.merge`` de la previa y la verosimilitud por
    ``(pi_1, pi_2, omega)``, y ``group_by`` + ``summarise`` → ``groupby().sum()``
    para las marginales ``(pi_1, omega)``, ``(pi_2, omega)``, ``omega``,
    ``pi_1`` y ``pi_2``);
(b) el motor colapsado exacto con S = 2, 10, 100 y 1000 sujetos en una grilla
    de 1001 puntos de omega.

Los tiempos son el mejor de varias repeticiones (``time.perf_counter``).
"""

from __future__ import annotations

import time

import numpy as np
import pandas as pd
from scipy import stats

from jerarquicos.grid.brute_force import grid_posterior
from jerarquicos.grid.collapsed import collapsed_posterior

Y, N, A_OMEGA, B_OMEGA, KAPPA = (5, 4), (20, 8), 2.0, 2.0, 5.0
GRID = np.linspace(0, 1, 101)


def best_time(func, repeats):
    best, result = np.inf, None
    for _ in range(repeats):
        start = time.perf_counter()
        result = func()
        best = min(best, time.perf_counter() - start)
    return best, result


def lecture_pandas():
    """Traducción literal del código en R de la clase."""
    p1, p2, w = (g.ravel() for g in np.meshgrid(GRID, GRID, GRID, indexing="ij"))
    # prior <- expand_grid(pi_1, pi_2, omega) |> mutate(prior = ...)
    prior = pd.DataFrame({"pi_1": p1, "pi_2": p2, "omega": w})
    a = prior["omega"] * (KAPPA - 2) + 1
    b = (1 - prior["omega"]) * (KAPPA - 2) + 1
    prior["prior"] = (
        stats.beta.pdf(prior["omega"], A_OMEGA, B_OMEGA)
        * stats.beta.pdf(prior["pi_1"], a, b)
        * stats.beta.pdf(prior["pi_2"], a, b)
    )
    prior["prior"] = prior["prior"] / prior["prior"].sum()
    # likelihood <- expand_grid(pi_1, pi_2, omega) |> mutate(likelihood = ...)
    likelihood = pd.DataFrame({"pi_1": p1, "pi_2": p2, "omega": w})
    likelihood["likelihood"] = stats.binom.pmf(Y[0], N[0], likelihood["pi_1"]) * stats.binom.pmf(
        Y[1], N[1], likelihood["pi_2"]
    )
    # posterior <- inner_join(prior, likelihood) |> mutate(posterior = ...)
    posterior = pd.merge(prior, likelihood, on=["pi_1", "pi_2", "omega"], how="inner")
    posterior["posterior"] = posterior["prior"] * posterior["likelihood"]
    posterior["posterior"] = posterior["posterior"] / posterior["posterior"].sum()
    # group_by(...) |> summarise(posterior = sum(posterior))
    return {
        "pi_1_omega": posterior.groupby(["pi_1", "omega"])["posterior"].sum(),
        "pi_2_omega": posterior.groupby(["pi_2", "omega"])["posterior"].sum(),
        "omega": posterior.groupby("omega")["posterior"].sum(),
        "pi_1": posterior.groupby("pi_1")["posterior"].sum(),
        "pi_2": posterior.groupby("pi_2")["posterior"].sum(),
    }


def engine(all_arrays=False):
    res = grid_posterior(Y, N, A_OMEGA, B_OMEGA, KAPPA, pi_grid=GRID, omega_grid=GRID)
    posterior = res.posterior  # la posterior completa de 101^3 celdas
    assert posterior.shape == (101, 101, 101)
    if all_arrays:
        assert res.prior.shape == res.likelihood.shape == posterior.shape
    return {
        "pi_1_omega": res.joint("pi_1"),
        "pi_2_omega": res.joint("pi_2"),
        "omega": res.marginal("omega"),
        "pi_1": res.marginal("pi_1"),
        "pi_2": res.marginal("pi_2"),
    }


def engine_all():
    return engine(all_arrays=True)


def simulated(n_subjects, rng):
    omega, kappa = 0.3, 20.0
    a, b = omega * (kappa - 2) + 1, (1 - omega) * (kappa - 2) + 1
    n = rng.integers(5, 100, size=n_subjects)
    y = rng.binomial(n, rng.beta(a, b, size=n_subjects))
    return y, n, kappa


def main():
    engine_all()  # calentamiento (importaciones, cachés)
    # Repeticiones intercaladas para que la carga de la máquina afecte a ambos.
    t_engine = t_engine_all = t_pandas = np.inf
    for _ in range(3):
        t, theirs = best_time(lecture_pandas, repeats=1)
        t_pandas = min(t_pandas, t)
        t, ours = best_time(engine, repeats=7)
        t_engine = min(t_engine, t)
        t_engine_all = min(t_engine_all, best_time(engine_all, repeats=7)[0])
    max_diff = max(
        np.max(np.abs(ours[key].values.ravel() - theirs[key].to_numpy()))
        for key in ("pi_1_omega", "pi_2_omega", "omega", "pi_1", "pi_2")
    )
    print("(a) Posterior de dos sujetos en la grilla 101^3 y sus 5 marginales")
    print(f"    {'implementación':<50}{'tiempo (s)':>12}{'razón':>8}")
    rows = [
        ("grid_posterior: posterior 101^3 + marginales", t_engine),
        ("  ídem, materializando también previa y verosim.", t_engine_all),
        ("pandas, traducción literal del código en R", t_pandas),
    ]
    for label, t in rows:
        print(f"    {label:<50}{t:>12.4f}{t_pandas / t:>7.0f}x")
    print("    objetivo: razón pandas / motor >= 100x")
    print(f"    máxima diferencia entre ambas marginales: {max_diff:.2e}")
    print()
    print("(b) Motor colapsado exacto, grilla de 1001 puntos de omega")
    print(f"    {'S':>6}{'posterior (s)':>15}{'+ medias y sd (s)':>19}{'summary() (s)':>15}")
    rng = np.random.default_rng(12345)
    omega_grid = np.linspace(0, 1, 1001)
    for n_subjects in (2, 10, 100, 1000):
        y, n, kappa = simulated(n_subjects, rng)

        def fit(y=y, n=n, kappa=kappa):
            return collapsed_posterior(y, n, 2, 2, kappa, omega_grid)

        def fit_and_moments(y=y, n=n, kappa=kappa):
            res = collapsed_posterior(y, n, 2, 2, kappa, omega_grid)
            return res.pi_mean(), res.pi_sd()

        t_fit, res = best_time(fit, repeats=7)
        t_moments, _ = best_time(fit_and_moments, repeats=7)
        t_summary, _ = best_time(res.summary, repeats=1)
        print(f"    {n_subjects:>6}{t_fit:>15.4f}{t_moments:>19.4f}{t_summary:>15.4f}")
    print("    objetivo: posterior con S = 1000 en menos de 0.1 s")


if __name__ == "__main__":
    main()
