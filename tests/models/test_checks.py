"""Los tres agrupamientos del radón en un modelo, la predictiva y la log-verosimilitud."""

from __future__ import annotations

import arviz as az
import numpy as np
import pandas as pd
import pytest
from pymc.testing import mock_sample_setup_and_teardown
from scipy import stats

from jerarquicos.models import checks
from jerarquicos.models.fitting import fit
from jerarquicos.models.geometry import county_statistics

mock_pymc_sample = pytest.fixture(scope="function")(mock_sample_setup_and_teardown)

HOUSES = pd.DataFrame(
    {"county": ["B", "A", "A", "B", "B", "C"], "log_radon": [1.0, 0.5, 1.5, 2.0, 3.0, -1.0]}
)


def _posterior(rng, draws=50):
    return az.from_dict(
        posterior={
            "mu": rng.normal(size=(2, draws)),
            "sigma_county": rng.uniform(0.1, 1, size=(2, draws)),
            "sigma": rng.uniform(0.5, 1.5, size=(2, draws)),
            "z": rng.normal(size=(2, draws, 3)),
        },
        coords={"county": ["A", "B", "C"]},
        dims={"z": ["county"]},
    )


@pytest.mark.parametrize(
    ("pooling", "expected"),
    [
        (checks.COMPLETE, lambda p: p["mu"] + 0 * p["z"]),
        (checks.NO_POOLING, lambda p: 10 * p["z"]),
        (checks.PARTIAL, lambda p: p["mu"] + p["sigma_county"] * p["z"]),
    ],
)
def test_alpha_of_each_pooling(pooling, expected):
    idata = checks.add_alpha(_posterior(np.random.default_rng(0)), pooling)
    post = idata.posterior
    np.testing.assert_allclose(post["alpha"], expected(post).transpose(*post["alpha"].dims))


def test_potential_uses_the_pooling_knobs():
    table = county_statistics(HOUSES)
    model = checks.pooling_model(table, pooling=checks.NO_POOLING)
    potential = model.compile_logp(vars=model.potentials, jacobian=False)
    z = np.array([0.1, 0.2, -0.1])
    point = {"mu": 5.0, "sigma_county_log__": 0.0, "sigma_log__": 0.0, "z": z}
    codes = pd.Categorical(HOUSES["county"]).codes
    expected = stats.norm.logpdf(HOUSES["log_radon"], 10 * z[codes], 1.0).sum()
    constant = -0.5 * len(HOUSES) * np.log(2 * np.pi)
    assert float(potential(point)) + constant == pytest.approx(expected)


def test_log_likelihood_and_replicas_are_per_house():
    rng = np.random.default_rng(1)
    idata = checks.add_alpha(_posterior(rng), checks.PARTIAL)
    checks.add_log_likelihood(idata, HOUSES)
    checks.add_posterior_predictive(idata, HOUSES, random_seed=2)
    ll = idata.log_likelihood["log_radon"]
    assert ll.dims == ("chain", "draw", "house") and ll.sizes["house"] == 6
    codes = pd.Categorical(HOUSES["county"], categories=["A", "B", "C"]).codes
    alpha = idata.posterior["alpha"].values[0, 0]
    sigma = float(idata.posterior["sigma"].values[0, 0])
    np.testing.assert_allclose(
        ll.values[0, 0], stats.norm.logpdf(HOUSES["log_radon"], alpha[codes], sigma)
    )
    rep = idata.posterior_predictive["log_radon"]
    assert rep.shape == (2, 50, 6)
    np.testing.assert_allclose(idata.observed_data["log_radon"], HOUSES["log_radon"])
    # Sirve para arviz.loo.
    assert np.isfinite(az.loo(idata).elpd_loo)


def test_county_mean_spread_and_replicated_statistic():
    codes = np.array([0, 0, 1, 1, 2])
    y = np.array([1.0, 3.0, 0.0, 0.0, 5.0])
    assert checks.county_mean_spread(y, codes) == pytest.approx(np.std([2.0, 0.0, 5.0]))
    two = checks.county_mean_spread(np.stack([y, y + 1]), codes)
    np.testing.assert_allclose(two, [np.std([2.0, 0.0, 5.0])] * 2)
    idata = checks.add_posterior_predictive(
        checks.add_alpha(_posterior(np.random.default_rng(3)), checks.PARTIAL), HOUSES
    )
    obs, rep = checks.replicated_statistic(idata, lambda v: np.mean(v, axis=-1))
    assert obs == pytest.approx(HOUSES["log_radon"].mean())
    assert rep.shape == (100,)


def test_ppc_densities_shapes():
    idata = checks.add_posterior_predictive(
        checks.add_alpha(_posterior(np.random.default_rng(4)), checks.PARTIAL), HOUSES
    )
    dens = checks.ppc_densities(idata, np.linspace(-3, 5, 30), n_replicas=7, random_seed=0)
    assert dens["replicated"].shape == (7, 30) and dens["observed"].shape == (30,)
    with pytest.raises(ValueError, match="n_replicas"):
        checks.ppc_densities(idata, [0.0, 1.0], n_replicas=1000)


def test_prior_predictive_has_the_implied_spread():
    sim = checks.prior_predictive_log_radon(
        mu_prior=(1.0, 2.0),
        sigma_county_scale=1.0,
        sigma_scale=1.0,
        n_draws=200_000,
        random_seed=5,
    )
    # Var = 2² + E[σ_county²] + E[σ²] = 4 + 1 + 1 con semi-normales de escala 1.
    assert sim.mean() == pytest.approx(1.0, abs=0.02)
    assert sim.var() == pytest.approx(6.0, rel=0.02)


def test_mock_fit_has_the_model_variables(mock_pymc_sample):
    model = checks.pooling_model(county_statistics(HOUSES), pooling=checks.COMPLETE)
    idata = fit(model, draws=10, random_seed=1)
    assert {"mu", "sigma_county", "sigma", "z"} <= set(idata.posterior.data_vars)
    assert idata.posterior["z"].sizes["county"] == 3


def test_invalid_arguments():
    table = county_statistics(HOUSES)
    with pytest.raises(ValueError, match="pooling"):
        checks.pooling_model(table, pooling=(1, 1))
    with pytest.raises(ValueError, match="condados"):
        idata = checks.add_alpha(_posterior(np.random.default_rng(0)), checks.PARTIAL)
        checks.add_log_likelihood(idata, HOUSES.assign(county=["X"] * 6))
    with pytest.raises(ValueError, match="posterior_predictive"):
        checks.replicated_statistic(_posterior(np.random.default_rng(0)), np.mean)
    with pytest.raises(ValueError, match="n_draws"):
        checks.prior_predictive_log_radon(
            mu_prior=(0, 1), sigma_county_scale=1, sigma_scale=1, n_draws=0
        )
