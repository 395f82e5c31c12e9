"""Predictivas de la fábrica de monedas: formas cerradas, simulación y validación."""

from __future__ import annotations

import numpy as np
import pytest
from scipy import stats

from jerarquicos.grid.beta import beta_from_mode
from jerarquicos.grid.brute_force import grid_posterior
from jerarquicos.grid.collapsed import collapsed_posterior
from jerarquicos.grid.predictive import (
    existing_coin_pmf,
    existing_coin_predictive,
    new_coin_pmf,
    new_coin_predictive,
)

# Los datos de los dos sujetos de los capítulos de la grilla.
Y, N, A, B, KAPPA = [5, 4], [20, 8], 2, 2, 5


@pytest.fixture(scope="module")
def post():
    return collapsed_posterior(Y, N, A, B, kappa=KAPPA)


@pytest.fixture(scope="module")
def grid_post():
    return grid_posterior(Y, N, A, B, kappa=KAPPA)


def _moments(pmf):
    k = pmf["y_new"].to_numpy()
    p = pmf.to_numpy()
    mean = float(k @ p)
    return mean, float(((k - mean) ** 2) @ p)


def test_new_coin_mean_is_expected_population_mean(post):
    n = 20
    omega = post.omega["omega"].to_numpy()
    w = post.omega.to_numpy()
    a, b = beta_from_mode(omega, KAPPA)
    expected = n * float(w @ (a / (a + b)))
    mean, _ = _moments(new_coin_pmf(post, n))
    assert mean == pytest.approx(expected, rel=1e-10)


def test_new_coin_variance_closed_form(post):
    # Var = E[Var(y | omega)] + Var(E[y | omega]) con la varianza beta-binomial.
    n = 20
    omega = post.omega["omega"].to_numpy()
    w = post.omega.to_numpy()
    a, b = beta_from_mode(omega, KAPPA)
    m = n * a / (a + b)
    v = n * a * b * (a + b + n) / ((a + b) ** 2 * (a + b + 1))
    expected = float(w @ v + w @ (m - w @ m) ** 2)
    _, var = _moments(new_coin_pmf(post, n))
    assert var == pytest.approx(expected, rel=1e-10)


def test_existing_coin_mean_uses_its_own_posterior_mean(post):
    n = 20
    for s in (1, 2):
        mean, _ = _moments(existing_coin_pmf(post, s, n))
        assert mean == pytest.approx(n * float(post.pi_mean().sel(subject=s)), rel=1e-10)


def test_new_coin_is_wider_than_existing_coins(post):
    n = 20
    _, var_new = _moments(new_coin_pmf(post, n))
    for s in (1, 2):
        _, var_old = _moments(existing_coin_pmf(post, s, n))
        assert var_new > var_old


def test_pmfs_sum_to_one_and_have_support_0_to_n(post):
    for pmf in (new_coin_pmf(post, 7), existing_coin_pmf(post, 2, 7)):
        assert pmf.dims == ("y_new",)
        assert list(pmf["y_new"].to_numpy()) == list(range(8))
        assert float(pmf.sum()) == pytest.approx(1.0, abs=1e-12)
        assert (pmf.to_numpy() >= 0).all()


@pytest.mark.parametrize("which", ["new", "existing"])
def test_simulation_matches_exact_pmf(post, which):
    n, size = 20, 40_000
    if which == "new":
        sim = new_coin_predictive(post, n, size=size, random_seed=123)
        pmf = new_coin_pmf(post, n).to_numpy()
    else:
        sim = existing_coin_predictive(post, 1, n, size=size, random_seed=123)
        pmf = existing_coin_pmf(post, 1, n).to_numpy()
    counts = np.bincount(sim["y_new"].to_numpy(), minlength=n + 1)
    freq = counts / size
    # error estándar binomial de cada frecuencia: a lo sumo ~0.0025
    assert np.abs(freq - pmf).max() < 0.012
    assert sim["y_new"].dims == ("draw",) and sim.sizes["draw"] == size


def test_new_coin_pi_is_drawn_from_population_not_from_a_coin(post):
    sim = new_coin_predictive(post, 20, size=40_000, random_seed=7)
    omega = post.omega["omega"].to_numpy()
    w = post.omega.to_numpy()
    a, b = beta_from_mode(omega, KAPPA)
    assert float(sim["pi"].mean()) == pytest.approx(float(w @ (a / (a + b))), abs=0.005)
    # E[omega | y] del muestreo coincide con el de la grilla
    assert float(sim["omega"].mean()) == pytest.approx(float(w @ omega), abs=0.005)


def test_grid_posterior_gives_the_same_predictive(post, grid_post):
    # La fuerza bruta discretiza pi: las probabilidades coinciden aproximadamente.
    for s in (1, 2):
        exact = existing_coin_pmf(post, s, 20).to_numpy()
        grid = existing_coin_pmf(grid_post, s, 20).to_numpy()
        assert np.abs(exact - grid).max() < 0.005
    assert np.abs(new_coin_pmf(post, 20) - new_coin_pmf(grid_post, 20)).max() < 0.005
    sim = existing_coin_predictive(grid_post, 2, 8, size=200, random_seed=1)
    assert set(sim.data_vars) == {"pi", "y_new"}
    assert np.isin(sim["pi"].to_numpy(), grid_post.pi_grid).all()


def test_collapsed_grid_method_is_supported():
    post_grid = collapsed_posterior(Y, N, A, B, kappa=KAPPA, method="grid")
    pmf = existing_coin_pmf(post_grid, 1, 10)
    assert float(pmf.sum()) == pytest.approx(1.0)
    sim = existing_coin_predictive(post_grid, 1, 10, size=100, random_seed=2)
    assert sim.sizes["draw"] == 100


def test_reproducible_with_seed_and_generator(post):
    a = new_coin_predictive(post, 10, size=500, random_seed=3)
    b = new_coin_predictive(post, 10, size=500, random_seed=3)
    assert a.equals(b)
    c = existing_coin_predictive(post, 1, 10, size=500, random_seed=np.random.default_rng(3))
    assert c.sizes["draw"] == 500


def test_large_kappa_makes_new_coin_like_the_factory():
    # Con kappa enorme todas las monedas son casi iguales: la predictiva de una moneda
    # nueva se parece a la de una moneda existente.
    post = collapsed_posterior(Y, N, A, B, kappa=2000)
    _, var_new = _moments(new_coin_pmf(post, 20))
    _, var_old = _moments(existing_coin_pmf(post, 1, 20))
    assert var_new == pytest.approx(var_old, rel=0.05)


def test_single_coin_uniform_factory_is_beta_binomial():
    # kappa = 2: cada moneda es uniforme, sin importar omega; la moneda nueva es
    # BetaBinomial(n, 1, 1), uniforme en 0..n.
    post = collapsed_posterior(3, 9, 2, 2, kappa=2)
    assert np.allclose(new_coin_pmf(post, 6), 1 / 7)
    expected = stats.betabinom.pmf(np.arange(7), 6, 1 + 3, 1 + 6)
    assert np.allclose(existing_coin_pmf(post, 1, 6), expected)


@pytest.mark.parametrize(
    ("kwargs", "error", "match"),
    [
        ({"n": 0}, ValueError, "'n'.*n=0"),
        ({"n": 2.5}, TypeError, "'n'.*float"),
        ({"n": True}, TypeError, "'n'"),
        ({"size": 0}, ValueError, "'size'"),
        ({"random_seed": "x"}, TypeError, "'random_seed'"),
        ({"random_seed": -1}, ValueError, "'random_seed'"),
    ],
)
def test_argument_errors_name_argument_and_value(post, kwargs, error, match):
    args = {"n": 5} | kwargs
    with pytest.raises(error, match=match):
        new_coin_predictive(post, **args)


def test_subject_and_posterior_errors(post):
    with pytest.raises(ValueError, match="'s'.*entre 1 y 2"):
        existing_coin_predictive(post, 3, 5)
    with pytest.raises(ValueError, match="'s'"):
        existing_coin_pmf(post, 0, 5)
    with pytest.raises(TypeError, match="'post'.*dict"):
        new_coin_pmf({"omega": 1}, 5)


def test_absurd_sizes_are_refused_up_front_with_the_memory_they_need(post, grid_post):
    with pytest.raises(ValueError, match=r"'n'.*\(unos 808\.0 GB"):
        new_coin_pmf(post, 10**9)  # 10⁹ + 1 valores × 101 puntos de omega
    with pytest.raises(ValueError, match=r"'n'.*puntos de pi"):
        existing_coin_pmf(grid_post, 1, 10**9)
    with pytest.raises(ValueError, match=r"'size'.*80\.0 GB"):
        existing_coin_predictive(post, 1, 10, size=10**10)
    # Lo razonable sigue pasando: n grande pero con una tabla de menos de 2·10⁷ valores.
    assert new_coin_pmf(post, 100_000).sizes["y_new"] == 100_001


@pytest.mark.parametrize("seed", [0, 2**32 - 1, np.int64(5), np.uint32(7)])
def test_seed_range_is_the_numpy_one(post, seed):
    sim = new_coin_predictive(post, 5, size=10, random_seed=seed)
    assert sim.sizes["draw"] == 10


def test_seed_out_of_range_is_refused(post):
    with pytest.raises(ValueError, match=r"random_seed=4294967296"):
        new_coin_predictive(post, 5, random_seed=2**32)
