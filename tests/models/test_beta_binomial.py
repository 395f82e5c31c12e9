"""El modelo beta-binomial con κ desconocida en PyMC y su comparación con la grilla."""

from __future__ import annotations

import arviz as az
import numpy as np
import pytest
from pymc.testing import mock_sample_setup_and_teardown
from scipy import stats

from jerarquicos.grid.kappa import omega_kappa_posterior
from jerarquicos.models.beta_binomial import add_kappa, grid_agreement, hierarchical_model
from jerarquicos.models.fitting import fit

mock_pymc_sample = pytest.fixture(scope="function")(mock_sample_setup_and_teardown)

Y, N = [3, 5, 7], [10, 10, 10]


def test_structure_and_priors():
    model = hierarchical_model(Y, N, kappa_shape=2.0, kappa_rate=0.1, names=["a", "b", "c"])
    assert {rv.name for rv in model.free_RVs} == {"omega", "kappa_minus_two", "pi"}
    assert model.coords["subject"] == ("a", "b", "c")
    point = {
        "omega_logodds__": 0.3,
        "kappa_minus_two_log__": np.log(12.0),
        "pi_logodds__": np.zeros(3),
    }
    # La log-densidad del modelo (sin jacobianos) es la suma de las de cada distribución.
    logp = model.compile_logp(jacobian=False)(point)
    omega = 1 / (1 + np.exp(-0.3))
    a, b = omega * 12 + 1, (1 - omega) * 12 + 1
    expected = (
        stats.beta.logpdf(omega, 1, 1)
        + stats.gamma.logpdf(12, 2, scale=10)
        + 3 * stats.beta.logpdf(0.5, a, b)
        + stats.binom.logpmf(Y, N, 0.5).sum()
    )
    assert logp == pytest.approx(expected)


def test_mock_fit_then_add_kappa(mock_pymc_sample):
    idata = add_kappa(fit(hierarchical_model(Y, N), draws=20, random_seed=1))
    post = idata.posterior
    assert {"omega", "kappa_minus_two", "pi", "kappa"} <= set(post.data_vars)
    np.testing.assert_allclose(post["kappa"], post["kappa_minus_two"] + 2)
    assert post["pi"].sizes["subject"] == 3


def _exact_idata(grid_post, rng, draws=4000):
    """Extracciones independientes de la posterior exacta (omega, kappa, pi)."""
    omega, kappa = grid_post.sample(2 * draws, random_seed=rng)
    a = omega * (kappa - 2) + 1 + np.asarray(Y)[:, None]
    b = (1 - omega) * (kappa - 2) + 1 + (np.asarray(N) - np.asarray(Y))[:, None]
    pi = rng.beta(a, b).T
    return az.from_dict(
        posterior={
            "omega": omega.reshape(2, draws),
            "kappa": kappa.reshape(2, draws),
            "pi": pi.reshape(2, draws, 3),
        },
        coords={"subject": [1, 2, 3]},
        dims={"pi": ["subject"]},
    )


def test_grid_agreement_of_exact_draws_is_small():
    grid_post = omega_kappa_posterior(Y, N, kappa_shape=2.0, kappa_rate=0.1)
    idata = _exact_idata(grid_post, np.random.default_rng(3))
    table = grid_agreement(idata, grid_post)
    assert list(table.index) == ["omega", "kappa", "pi[1]", "pi[2]", "pi[3]"]
    assert (table["mcse"] > 0).all()
    # Con extracciones exactas, cada z es una normal estándar: ninguna llega a 4.
    assert table["z"].abs().max() < 4


def test_grid_agreement_detects_a_shifted_sampler():
    grid_post = omega_kappa_posterior(Y, N, kappa_shape=2.0, kappa_rate=0.1)
    idata = _exact_idata(grid_post, np.random.default_rng(3))
    idata.posterior["omega"] = idata.posterior["omega"] + 0.02
    assert grid_agreement(idata, grid_post).loc["omega", "z"] > 3


def test_invalid_arguments():
    with pytest.raises(ValueError, match="names"):
        hierarchical_model(Y, N, names=["a"])
    with pytest.raises(ValueError, match="kappa_rate"):
        hierarchical_model(Y, N, kappa_rate=0)
    with pytest.raises(TypeError, match="'y'"):
        hierarchical_model([1.5], [3])
    grid_post = omega_kappa_posterior([1, 2], [5, 5])
    with pytest.raises(ValueError, match="sujetos"):
        grid_agreement(
            _exact_idata(omega_kappa_posterior(Y, N), np.random.default_rng(0), 50), grid_post
        )
    with pytest.raises(ValueError, match="kappa"):
        add_kappa(az.from_dict(posterior={"omega": np.zeros((2, 5))}))


@pytest.mark.slow
def test_nuts_agrees_with_the_grid():
    grid_post = omega_kappa_posterior(Y, N, kappa_shape=2.0, kappa_rate=0.1)
    idata = add_kappa(
        fit(hierarchical_model(Y, N, kappa_shape=2.0, kappa_rate=0.1), draws=1000, random_seed=7)
    )
    assert grid_agreement(idata, grid_post)["z"].abs().max() < 4
