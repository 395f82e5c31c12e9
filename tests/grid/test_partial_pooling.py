"""Pruebas de jerarquicos.grid.partial_pooling: pooling parcial con ω y κ aprendidos."""

import numpy as np
import pandas as pd
import pytest
from scipy import integrate, stats

from jerarquicos.grid.collapsed import collapsed_posterior
from jerarquicos.grid.partial_pooling import (
    METHODS,
    default_kappa_grid,
    hyper_posterior,
    mse_by_size,
    pooling_estimates,
    simulate_pooling,
)

Y, N = [2, 7, 12, 1], [5, 10, 25, 5]


def _kappa_posterior_by_quad(y, n, A, B, kappas):
    """p(κ_k | y) y E[π_j | y] integrando ω con quad y la beta-binomial de scipy."""
    evidence, numer = [], []
    for kappa in kappas:

        def dens(w, kappa=kappa):
            a, b = w * (kappa - 2) + 1, (1 - w) * (kappa - 2) + 1
            return stats.beta.pdf(w, A, B) * np.prod(stats.betabinom.pmf(y, n, a, b))

        def moment(w, j, kappa=kappa):
            a = w * (kappa - 2) + 1
            return dens(w) * (a + y[j]) / (kappa + n[j])

        evidence.append(integrate.quad(dens, 0, 1, epsabs=0, epsrel=1e-12)[0])
        opts = {"epsabs": 0, "epsrel": 1e-12}
        quad = [integrate.quad(moment, 0, 1, args=(j,), **opts) for j in range(len(y))]
        numer.append([value for value, _ in quad])
    evidence, numer = np.array(evidence), np.array(numer)
    return evidence / evidence.sum(), numer.sum(axis=0) / evidence.sum()


def test_kappa_marginal_and_means_match_numerical_integration():
    kappas = np.array([2.0, 4.0, 10.0, 40.0, 200.0])
    omega_grid = np.linspace(0, 1, 2001)
    post = hyper_posterior(Y, N, 2, 2, omega_grid=omega_grid, kappa_grid=kappas)
    assert post.dims == ("omega", "kappa")
    assert float(post.sum()) == pytest.approx(1.0, abs=1e-12)
    ref_kappa, ref_means = _kappa_posterior_by_quad(np.array(Y), np.array(N), 2, 2, kappas)
    np.testing.assert_allclose(post.sum("omega").values, ref_kappa, rtol=0, atol=1e-6)
    table = pooling_estimates(Y, N, 2, 2, omega_grid=omega_grid, kappa_grid=kappas)
    np.testing.assert_allclose(table["pooling parcial"].to_numpy(), ref_means, rtol=0, atol=1e-6)


@pytest.mark.parametrize("kappa", [2.0, 5.0, 100.0])
def test_single_kappa_reduces_to_the_collapsed_engine(kappa):
    y, n = [5, 4], [20, 8]
    post = hyper_posterior(y, n, 2, 2, kappa_grid=[kappa])
    coll = collapsed_posterior(y, n, 2, 2, kappa=kappa)
    np.testing.assert_allclose(post.sel(kappa=kappa).values, coll.omega.values, atol=1e-12)
    table = pooling_estimates(y, n, 2, 2, kappa_grid=[kappa])
    np.testing.assert_allclose(table["pooling parcial"].to_numpy(), coll.pi_mean().to_numpy())


def test_no_and_complete_pooling_are_the_raw_proportions():
    table = pooling_estimates(Y, N)
    assert list(table.columns) == list(METHODS)
    np.testing.assert_allclose(table["sin pooling"], np.array(Y) / np.array(N))
    np.testing.assert_allclose(table["pooling completo"], sum(Y) / sum(N))
    # Cada estimación parcial queda dentro del rango de las proporciones (es una media
    # de medias ponderadas entre y_j/N_j y un centro en [0, 1]).
    assert np.all((table["pooling parcial"] > 0) & (table["pooling parcial"] < 1))


def test_simulation_fast_path_matches_the_direct_computation():
    sizes = np.array([5, 5, 10, 25])
    sim = simulate_pooling(sizes, 4, np.random.default_rng(3), kappa_grid=[3.0, 10.0, 60.0])
    assert len(sim) == 4 * sizes.size
    for _, rep in sim.groupby("sim"):
        direct = pooling_estimates(rep["y"], rep["size"], kappa_grid=[3.0, 10.0, 60.0])
        np.testing.assert_allclose(rep[list(METHODS)].to_numpy(), direct.to_numpy(), atol=1e-12)


def test_simulation_is_reproducible_with_the_seed():
    a = simulate_pooling([5, 10, 20], 3, np.random.default_rng(11))
    b = simulate_pooling([5, 10, 20], 3, np.random.default_rng(11))
    pd.testing.assert_frame_equal(a, b)


def test_no_pooling_mse_matches_the_binomial_formula():
    """E[(y/N − π)²] = E[π(1 − π)]/N, con E[π(1 − π)] = ab/((a+b)(a+b+1)) para la beta."""
    omega, kappa = 0.7, 10.0
    a, b = omega * (kappa - 2) + 1, (1 - omega) * (kappa - 2) + 1
    sim = simulate_pooling(
        np.repeat([5, 20], 10), 2000, np.random.default_rng(1), omega=omega, kappa=kappa
    )
    mse = mse_by_size(sim)
    expected = a * b / (kappa * (kappa + 1)) / np.array([5, 20])
    np.testing.assert_allclose(mse["sin pooling"].to_numpy(), expected, rtol=0.05)
    # Y el pooling completo, con muchos grupos, se acerca a la varianza de la población.
    assert mse["pooling completo"].to_numpy() == pytest.approx(
        [a * b / (kappa**2 * (kappa + 1))] * 2, rel=0.15
    )


def test_default_kappa_grid():
    grid = default_kappa_grid()
    assert grid[0] == 2 and grid[-1] == pytest.approx(2000) and np.all(np.diff(grid) > 0)


@pytest.mark.parametrize(
    ("kwargs", "error", "match"),
    [
        ({"sizes": [5.0, 10.0]}, TypeError, "'sizes'"),
        ({"sizes": [5]}, ValueError, "al menos dos grupos"),
        ({"sizes": [5, 0]}, ValueError, r"sizes\[1\]=0"),
        ({"n_sims": 2.5}, TypeError, "'n_sims'"),
        ({"n_sims": 0}, ValueError, "n_sims=0"),
        ({"rng": 3}, TypeError, "numpy.random.Generator"),
        ({"omega": 1.5}, ValueError, "'omega'"),
        ({"kappa": 1.0}, ValueError, "'kappa'"),
        ({"kappa_grid": [10.0, 5.0]}, ValueError, "creciente"),
        ({"kappa_grid": [1.0, 5.0]}, ValueError, "'kappa_grid'"),
        ({"kappa_grid": "abc"}, TypeError, "'kappa_grid'"),
        ({"A_omega": -1.0}, ValueError, "'A_omega'"),
    ],
)
def test_simulate_pooling_rejects_bad_arguments(kwargs, error, match):
    args = {"sizes": [5, 10], "n_sims": 2, "rng": np.random.default_rng(0)}
    args.update(kwargs)
    with pytest.raises(error, match=match):
        simulate_pooling(args.pop("sizes"), args.pop("n_sims"), args.pop("rng"), **args)


def test_estimates_and_mse_reject_bad_input():
    with pytest.raises(ValueError, match=r"N\[0\]=0"):
        pooling_estimates([0, 1], [0, 3])
    with pytest.raises(TypeError, match="'y'"):
        hyper_posterior([1.5, 2], [3, 4])
    with pytest.raises(TypeError, match="'simulation'"):
        mse_by_size([1, 2, 3])
    with pytest.raises(ValueError, match="faltan las columnas"):
        mse_by_size(pd.DataFrame({"size": [1], "true": [0.5]}))
