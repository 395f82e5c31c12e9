"""Interceptos variables por estadísticos suficientes, con la perilla de centrado."""

from __future__ import annotations

import arviz as az
import numpy as np
import pandas as pd
import pytest
from scipy import stats

from jerarquicos.models import geometry

HOUSES = pd.DataFrame(
    {
        "county": ["B", "A", "A", "B", "B", "C"],
        "log_radon": [1.0, 0.5, 1.5, 2.0, 3.0, -1.0],
    }
)


def test_county_statistics_are_counts_means_and_sums_of_squares():
    table = geometry.county_statistics(HOUSES)
    assert list(table.columns) == ["n", "mean", "ss"]
    assert list(table.index) == ["A", "B", "C"]
    np.testing.assert_allclose(table["n"], [2, 3, 1])
    np.testing.assert_allclose(table["mean"], [1.0, 2.0, -1.0])
    np.testing.assert_allclose(table["ss"], [0.5, 2.0, 0.0])


def test_max_houses_keeps_the_first_houses_and_every_county():
    table = geometry.county_statistics(HOUSES, max_houses=1)
    np.testing.assert_allclose(table["n"], [1, 1, 1])
    np.testing.assert_allclose(table["mean"], [0.5, 1.0, -1.0])
    np.testing.assert_allclose(table["ss"], 0.0)


def test_simulated_statistics_have_the_right_distribution():
    sim = geometry.simulate_county_statistics(
        np.zeros(20_000), sigma=2.0, n_per_county=5, random_seed=1
    )
    assert (sim["n"] == 5).all()
    assert sim["mean"].std() == pytest.approx(2 / np.sqrt(5), rel=0.03)
    assert sim["ss"].mean() == pytest.approx(4 * 4, rel=0.03)  # sigma² (n - 1)


def _full_log_likelihood(houses, alpha, sigma):
    codes = pd.Categorical(houses["county"]).codes
    return stats.norm.logpdf(houses["log_radon"], alpha[codes], sigma).sum()


@pytest.mark.parametrize("centering", [0.0, 0.5, 1.0])
def test_potential_is_the_house_by_house_likelihood(centering):
    table = geometry.county_statistics(HOUSES)
    model = geometry.intercepts_model(table, centering=centering)
    potential = model.compile_logp(vars=model.potentials, jacobian=False)
    mu, scale, sigma = 0.7, 0.9, 1.3
    raw = np.array([0.2, -0.4, 1.1])
    alpha = mu + scale ** (1 - centering) * (raw - centering * mu)
    point = {
        "mu": mu,
        "sigma_county_log__": np.log(scale),
        "sigma_log__": np.log(sigma),
        "alpha_raw": raw,
    }
    n = table["n"].sum()
    constant = -0.5 * n * np.log(2 * np.pi)
    assert float(potential(point)) + constant == pytest.approx(
        _full_log_likelihood(HOUSES, alpha, sigma)
    )


def test_every_centering_gives_the_same_prior_for_alpha():
    # Con cualquier w, alpha_j | mu, sigma_county es N(mu, sigma_county²): se comprueba
    # con la densidad de alpha_raw y el jacobiano del cambio de variable.
    mu, scale, alpha = 0.4, 0.6, 1.1
    for w in (0.0, 0.3, 1.0):
        raw = w * mu + (alpha - mu) / scale ** (1 - w)
        density = stats.norm.pdf(raw, w * mu, scale**w) / scale ** (1 - w)
        assert density == pytest.approx(stats.norm.pdf(alpha, mu, scale))


def test_model_data_and_add_alpha():
    table = geometry.county_statistics(HOUSES)
    model = geometry.intercepts_model(table, centering=geometry.NON_CENTERED)
    assert {v.name for v in model.data_vars} == {"county_stats", "centering", "sigma_county_scale"}
    rng = np.random.default_rng(0)
    idata = az.from_dict(
        posterior={
            "mu": rng.normal(size=(2, 10)),
            "sigma_county": rng.uniform(0.1, 1, size=(2, 10)),
            "sigma": rng.uniform(0.1, 1, size=(2, 10)),
            "alpha_raw": rng.normal(size=(2, 10, 3)),
        },
        coords={"county": ["A", "B", "C"]},
        dims={"alpha_raw": ["county"]},
    )
    geometry.add_alpha(idata, 0.0)
    post = idata.posterior
    np.testing.assert_allclose(post["alpha"], post["mu"] + post["sigma_county"] * post["alpha_raw"])
    geometry.add_alpha(idata, 1.0)
    np.testing.assert_allclose(post["alpha"], post["alpha_raw"])


def test_invalid_arguments():
    table = geometry.county_statistics(HOUSES)
    with pytest.raises(ValueError, match="centering"):
        geometry.intercepts_model(table, centering=2)
    with pytest.raises(ValueError, match="sigma_county_scale"):
        geometry.intercepts_model(table, sigma_county_scale=0)
    with pytest.raises(TypeError, match="stats"):
        geometry.intercepts_model(HOUSES)
    with pytest.raises(ValueError, match="max_houses"):
        geometry.county_statistics(HOUSES, max_houses=0)
    with pytest.raises(ValueError, match="columnas"):
        geometry.county_statistics(HOUSES[["county"]])
    with pytest.raises(ValueError, match="n_per_county"):
        geometry.simulate_county_statistics([0.0], 1.0, 1)
    with pytest.raises(ValueError, match="sigma_county"):
        geometry.add_alpha(az.from_dict(posterior={"mu": np.zeros((1, 2))}), 0.5)
    full = az.from_dict(
        posterior={name: np.ones((1, 2)) for name in ("mu", "sigma_county", "alpha_raw")}
    )
    with pytest.raises(ValueError, match="centering"):
        geometry.add_alpha(full, 1.5)
