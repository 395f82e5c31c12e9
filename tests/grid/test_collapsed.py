"""Pruebas del motor colapsado jerarquicos.grid.collapsed."""

import math

import numpy as np
import pandas as pd
import pytest
import xarray as xr
from grid_reference import LECTURE, lecture_moments
from scipy import integrate, special, stats

from jerarquicos.grid.brute_force import grid_posterior
from jerarquicos.grid.collapsed import CollapsedPosterior, collapsed_posterior

CASES = [
    # (y, N, A_omega, B_omega, kappa, pi_grid, omega_grid)
    (3, 9, 2, 2, 5, None, None),
    (3, 9, 20, 20, 10, None, None),
    ((5, 4), (20, 8), 2, 2, 5, None, None),
    ((5, 4), (20, 8), 2, 2, 100, None, None),
    ((0, 8), (0, 8), 1, 3, 2, None, None),
    ((1, 30), (12, 40), 0.5, 0.7, 8, np.linspace(0, 1, 51) ** 2, np.linspace(0.01, 0.99, 73)),
]


# ---------------------- modo "grid" = fuerza bruta (identidad algebraica)


@pytest.mark.parametrize("case", CASES)
def test_grid_mode_reproduces_brute_force(case):
    y, n, A, B, kappa, pi_grid, omega_grid = case
    brute = grid_posterior(y, n, A, B, kappa, pi_grid=pi_grid, omega_grid=omega_grid)
    coll = collapsed_posterior(y, n, A, B, kappa, omega_grid, method="grid", pi_grid=pi_grid)
    np.testing.assert_allclose(
        coll.omega.values, brute.marginal("omega").values, rtol=0, atol=1e-10
    )
    for s in range(1, brute.n_subjects + 1):
        name = f"pi_{s}"
        marg = coll.pi_marginal(s)
        assert marg.dims == (name,)
        np.testing.assert_allclose(marg.values, brute.marginal(name).values, rtol=0, atol=1e-10)
    table_b, table_c = brute.summary(), coll.summary()
    assert list(table_c.index) == list(table_b.index)
    np.testing.assert_allclose(table_c.values, table_b.values, rtol=0, atol=1e-10)
    np.testing.assert_allclose(coll.pi_mean().values, table_b["mean"].values[:-1], atol=1e-10)
    np.testing.assert_allclose(coll.pi_sd().values, table_b["sd"].values[:-1], atol=1e-10)


# -------------------------------------------------- modo exacto


def test_exact_log_likelihood_matches_betabinom_and_quad():
    y, n = np.array([5, 4, 0, 9, 5]), np.array([20, 8, 3, 9, 20])
    grid = np.linspace(0, 1, 11)
    res = collapsed_posterior(y, n, 2, 2, 7, grid)
    a, b = grid * 5 + 1, (1 - grid) * 5 + 1
    expected = stats.betabinom.logpmf(y[:, None], n[:, None], a, b).sum(axis=0)
    np.testing.assert_allclose(res.log_likelihood.values, expected, rtol=1e-12)
    # La integral en pi hecha con quad, sin la fórmula beta-binomial.
    for j in (0, 3, 10):
        total = 0.0
        for ys, ns in zip(y, n, strict=True):

            def integrand(p, ys=ys, ns=ns, aj=a[j], bj=b[j]):
                return stats.beta.pdf(p, aj, bj) * stats.binom.pmf(ys, ns, p)

            total += np.log(integrate.quad(integrand, 0, 1, epsabs=0, epsrel=1e-12)[0])
        assert res.log_likelihood.values[j] == pytest.approx(total, rel=1e-9)


def test_analytic_reduction_against_triple_integral():
    """Normalizador de la posterior en 3-D (tplquad) = integral en omega de las beta-binomiales."""

    def dens_1d(w):
        a, b = 3 * w + 1, 3 * (1 - w) + 1
        return (
            stats.beta.pdf(w, 2, 2)
            * stats.betabinom.pmf(5, 20, a, b)
            * stats.betabinom.pmf(4, 8, a, b)
        )

    def log_beta(x, a, b):  # con math: tplquad evalúa el integrando ~10^5 veces
        return (a - 1) * math.log(x) + (b - 1) * math.log1p(-x) - special.betaln(a, b)

    def dens_3d(p2, p1, w):
        a, b = 3 * w + 1, 3 * (1 - w) + 1
        log_value = (
            math.log(6 * w * (1 - w))
            + log_beta(p1, a, b)
            + log_beta(p2, a, b)
            + math.log(math.comb(20, 5))
            + 5 * math.log(p1)
            + 15 * math.log1p(-p1)
            + math.log(math.comb(8, 4))
            + 4 * math.log(p2)
            + 4 * math.log1p(-p2)
        )
        return math.exp(log_value)

    z1 = integrate.quad(dens_1d, 0, 1, epsabs=1e-15)[0]
    z3 = integrate.tplquad(dens_3d, 0, 1, 0, 1, 0, 1, epsabs=1e-11, epsrel=1e-8)[0]
    assert z3 == pytest.approx(z1, rel=1e-7)
    # Y el motor en una grilla fina reproduce la forma de esa densidad.
    grid = np.linspace(0, 1, 201)
    res = collapsed_posterior((5, 4), (20, 8), 2, 2, 5, grid)
    expected = np.array([dens_1d(w) for w in grid])
    np.testing.assert_allclose(res.omega.values, expected / expected.sum(), rtol=1e-9, atol=1e-15)


@pytest.mark.parametrize(("n_grid", "tol"), [(101, 1e-4), (1001, 1e-6)])
def test_exact_moments_match_numerical_integration(n_grid, tol):
    """101 puntos: error observado ~1.6e-5; 1001 puntos: ~1.6e-7 (O(h^2) en omega)."""
    res = collapsed_posterior(LECTURE["y"], LECTURE["N"], 2, 2, 5, np.linspace(0, 1, n_grid))
    reference = lecture_moments(5.0)
    table = res.summary()
    for name, (mean, sd) in reference.items():
        assert table.loc[name, "mean"] == pytest.approx(mean, abs=tol), name
        assert table.loc[name, "sd"] == pytest.approx(sd, abs=tol), name


def test_mixture_density_moments_and_quantiles():
    res = collapsed_posterior(LECTURE["y"], LECTURE["N"], 2, 2, 5)
    table = res.summary(prob=0.9)
    for s in (1, 2):

        def dens(p, s=s):
            return float(res.pi_density(s, p).values[0])

        mass = integrate.quad(dens, 0, 1, epsabs=1e-13)[0]
        mean = integrate.quad(lambda p: p * dens(p), 0, 1, epsabs=1e-13)[0]
        second = integrate.quad(lambda p: p * p * dens(p), 0, 1, epsabs=1e-13)[0]
        assert mass == pytest.approx(1.0, abs=1e-10)
        assert res.pi_mean().sel(subject=s).item() == pytest.approx(mean, abs=1e-10)
        assert res.pi_sd().sel(subject=s).item() == pytest.approx(
            np.sqrt(second - mean**2), abs=1e-9
        )
        lower, upper = table.loc[f"pi_{s}", ["lower", "upper"]]
        assert integrate.quad(dens, 0, lower, epsabs=1e-13)[0] == pytest.approx(0.05, abs=1e-9)
        assert integrate.quad(dens, upper, 1, epsabs=1e-13)[0] == pytest.approx(0.05, abs=1e-9)


def test_mixture_density_definition():
    grid = np.linspace(0, 1, 41)
    res = collapsed_posterior((5, 4), (20, 8), 2, 2, 5, grid)
    points = np.array([0.0, 0.13, 0.5, 0.97, 1.0])
    a, b = grid * 3 + 1, (1 - grid) * 3 + 1
    expected = stats.beta.pdf(points[:, None], a + 4, b + 4) @ res.omega.values
    dens = res.pi_density(2, points)
    assert dens.dims == ("pi_2",)
    np.testing.assert_allclose(dens.values, expected, rtol=1e-12, atol=1e-300)


def test_kappa_two_reduces_to_conjugate_beta():
    """Con kappa = 2 cada componente es Beta(1 + y, 1 + N - y) y omega | y = previa."""
    res = collapsed_posterior((3, 7), (10, 7), 2, 5, kappa=2)
    pts = np.linspace(0, 1, 17)
    np.testing.assert_allclose(res.pi_density(1, pts).values, stats.beta.pdf(pts, 4, 8), rtol=1e-12)
    np.testing.assert_allclose(res.pi_mean().values, [4 / 12, 8 / 9], rtol=1e-13)
    np.testing.assert_allclose(
        res.pi_sd().values, [stats.beta.std(4, 8), stats.beta.std(8, 1)], rtol=1e-10
    )
    lower, upper = res.summary().loc["pi_1", ["lower", "upper"]]
    assert lower == pytest.approx(stats.beta.ppf(0.025, 4, 8), abs=1e-10)
    assert upper == pytest.approx(stats.beta.ppf(0.975, 4, 8), abs=1e-10)
    prior = stats.beta.pdf(res.omega_grid, 2, 5)
    np.testing.assert_allclose(res.omega.values, prior / prior.sum(), atol=1e-15)
    marg = res.pi_marginal(1, np.linspace(0, 1, 51))
    dens = stats.beta.pdf(marg.pi_1.values, 4, 8)
    np.testing.assert_allclose(marg.values, dens / dens.sum(), atol=1e-14)


def test_exact_pi_marginal_close_to_brute_force():
    """Sólo difieren en la suma de Riemann en pi, muy precisa para estos datos."""
    brute = grid_posterior(LECTURE["y"], LECTURE["N"], 2, 2, 5)
    exact = collapsed_posterior(LECTURE["y"], LECTURE["N"], 2, 2, 5)
    np.testing.assert_allclose(exact.omega.values, brute.marginal("omega").values, atol=1e-8)
    np.testing.assert_allclose(
        exact.pi_marginal(2).values, brute.marginal("pi_2").values, atol=1e-8
    )


# ------------------------------------------------------ muchos sujetos


def test_thousand_subjects_concentrate_near_truth():
    rng = np.random.default_rng(20240611)
    omega_true, kappa, n_subj = 0.3, 20.0, 1000
    a, b = omega_true * (kappa - 2) + 1, (1 - omega_true) * (kappa - 2) + 1
    n = rng.integers(5, 60, size=n_subj)
    y = rng.binomial(n, rng.beta(a, b, size=n_subj))
    res = collapsed_posterior(y, n, 2, 2, kappa, np.linspace(0, 1, 1001))
    assert isinstance(res, CollapsedPosterior)
    assert np.all(np.isfinite(res.omega.values))
    mean = float((res.omega * res.omega.omega).sum())
    sd = float(np.sqrt((res.omega * (res.omega.omega - mean) ** 2).sum()))
    assert abs(mean - omega_true) < 0.02
    assert sd < 0.01
    pm, psd = res.pi_mean(), res.pi_sd()
    assert pm.dims == ("subject",) and pm.sizes["subject"] == n_subj
    assert np.all(np.isfinite(pm.values)) and np.all(np.isfinite(psd.values))
    # Contracción: E[pi_s | y] es el promedio de y_s/N_s y de la media previa
    # E[a(omega) | y]/kappa con pesos N_s/(kappa + N_s) y kappa/(kappa + N_s).
    target = (mean * (kappa - 2) + 1) / kappa
    weight = n / (kappa + n)
    np.testing.assert_allclose(pm.values, weight * y / n + (1 - weight) * target, rtol=1e-12)
    table = res.summary()
    assert table.shape == (n_subj + 1, 4)
    assert np.all(np.isfinite(table.values))
    assert np.all((table["lower"] <= table["mean"]) & (table["mean"] <= table["upper"]))


def test_duplicated_subjects_share_results():
    res = collapsed_posterior([2, 5, 2], [10, 10, 10], 2, 2, 8)
    pm = res.pi_mean().values
    assert pm[0] == pm[2] and pm[0] != pm[1]
    np.testing.assert_array_equal(res.pi_marginal(1).values, res.pi_marginal(3).values)


# -------------------------------------------------------- bordes y errores


@pytest.mark.parametrize("method", ["exact", "grid"])
@pytest.mark.parametrize(("y", "n"), [(0, 0), (0, 6), (6, 6), ([0, 6, 3], [6, 6, 3])])
@pytest.mark.parametrize("kappa", [2, 5, 1000])
def test_edge_values_never_produce_nan(method, y, n, kappa):
    grid = np.linspace(0, 1, 21)
    pi_grid = grid if method == "grid" else None
    res = collapsed_posterior(y, n, 1, 2, kappa, grid, method=method, pi_grid=pi_grid)
    assert np.all(np.isfinite(res.omega.values))
    assert float(res.omega.sum()) == pytest.approx(1.0, abs=1e-12)
    assert np.all(np.isfinite(res.summary().values))
    assert np.all(np.isfinite(res.pi_marginal(1).values))


def test_endpoint_and_zero_posterior_errors():
    with pytest.raises(ValueError, match=r"A_omega < 1.*'omega_grid'"):
        collapsed_posterior(3, 9, 0.5, 2, 5)
    res = collapsed_posterior(3, 9, 0.5, 0.5, 5, np.linspace(0.005, 0.995, 100))
    assert np.all(np.isfinite(res.omega.values))
    with pytest.raises(ValueError, match="cero en todos los puntos"):
        collapsed_posterior(3, 9, 2, 2, 5, [0.0, 1.0])
    with pytest.raises(ValueError, match="cero en todos los puntos"):
        collapsed_posterior(2, 5, 1, 1, 5, method="grid", pi_grid=[0.0, 1.0])


def test_argument_errors():
    exact = collapsed_posterior((5, 4), (20, 8), 2, 2, 5)
    grid = collapsed_posterior((5, 4), (20, 8), 2, 2, 5, method="grid")
    with pytest.raises(ValueError, match=r"'method'.*method='exacto'"):
        collapsed_posterior(3, 9, 2, 2, 5, method="exacto")
    with pytest.raises(ValueError, match=r"'pi_grid'.*method='grid'"):
        collapsed_posterior(3, 9, 2, 2, 5, pi_grid=np.linspace(0, 1, 11))
    with pytest.raises(ValueError, match="pi_density.*method='exact'"):
        grid.pi_density(1, 0.3)
    with pytest.raises(ValueError, match="misma"):
        grid.pi_marginal(1, np.linspace(0, 1, 11))
    xr.testing.assert_equal(grid.pi_marginal(1, np.linspace(0, 1, 101)), grid.pi_marginal(1))
    with pytest.raises(ValueError, match=r"'s'.*s=3"):
        exact.pi_marginal(3)
    with pytest.raises(ValueError, match=r"'pi'.*pi=1\.5"):
        exact.pi_density(1, 1.5)
    with pytest.raises(ValueError, match="'prob'"):
        exact.summary(prob=1.2)


def test_outputs_are_dataarrays_and_tables():
    res = collapsed_posterior((5, 4), (20, 8), 2, 2, 5)
    assert res.omega.dims == ("omega",)
    assert float(res.omega.sum()) == pytest.approx(1.0, abs=1e-12)
    assert res.pi_mean().subject.values.tolist() == [1, 2]
    table = res.summary()
    assert isinstance(table, pd.DataFrame)
    assert list(table.index) == ["pi_1", "pi_2", "omega"]
    assert list(table.columns) == ["mean", "sd", "lower", "upper"]
    marg = res.pi_marginal(1)
    assert marg.dims == ("pi_1",)
    assert float(marg.sum()) == pytest.approx(1.0, abs=1e-12)


def test_huge_grids_are_refused_before_allocating():
    # 2·10⁶ puntos de omega × 101 de pi = 2·10⁸ celdas en el modo "grid".
    big = np.linspace(0, 1, 2_000_001)
    with pytest.raises(ValueError, match=r"'omega_grid'.*202\.000\.101 elementos.*1\.6 GB"):
        collapsed_posterior([5, 4], [20, 8], 2, 2, kappa=5, omega_grid=big, method="grid")
    with pytest.raises(ValueError, match=r"'pi_grid'.*max_cells"):
        collapsed_posterior(
            [5, 4], [20, 8], 2, 2, kappa=5, method="grid", pi_grid=np.linspace(0, 1, 10**6)
        )


def test_max_cells_can_be_raised_and_limits_the_methods():
    grid = np.linspace(0, 1, 3001)
    with pytest.raises(ValueError, match="max_cells"):
        collapsed_posterior([5, 4], [20, 8], 2, 2, kappa=5, omega_grid=grid, max_cells=1000)
    res = collapsed_posterior([5, 4], [20, 8], 2, 2, kappa=5, omega_grid=grid, max_cells=10**7)
    assert float(res.omega.sum()) == pytest.approx(1.0)
    small = collapsed_posterior([5, 4], [20, 8], 2, 2, kappa=5, max_cells=5000)
    with pytest.raises(ValueError, match=r"'pi'.*max_cells de collapsed_posterior"):
        small.pi_density(1, np.linspace(0, 1, 100))
    assert small.pi_density(1, np.linspace(0, 1, 40)).sizes["pi_1"] == 40
