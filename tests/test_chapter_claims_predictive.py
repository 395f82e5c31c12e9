"""Afirmaciones de «Intercambiabilidad» y «Distribuciones predictivas», como pruebas.

Las rápidas usan el motor colapsado y los datos; las lentas (``slow``) repiten los
ajustes del capítulo de predictivas con sus semillas y opciones, compartidos con
un fixture de módulo. Lo que ya prueban ``test_models_radon.py``,
``test_models_tadpoles.py`` y ``test_predictive.py`` (grupo nuevo más ancho que
uno existente en general; Bambi da extracciones idénticas a los grupos nuevos y
las toma de grupos existentes) no se repite aquí.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from jerarquicos.beta import beta_from_mode
from jerarquicos.coin_predictive import (
    existing_coin_pmf,
    existing_coin_predictive,
    new_coin_pmf,
    new_coin_predictive,
)
from jerarquicos.collapsed import collapsed_posterior
from jerarquicos.datasets import load_dataset
from jerarquicos.summaries import grid_mean


def _sd(pmf):
    k = pmf["y_new"].to_numpy()
    p = pmf.to_numpy()
    mean = k @ p
    return float(np.sqrt(((k - mean) ** 2) @ p))


# --------------------------------------------------------------------------- intercambiabilidad


def test_permuting_coin_labels_leaves_omega_posterior_unchanged():
    rng = np.random.default_rng(20260310)
    n_coins = 10
    N = rng.integers(5, 40, size=n_coins)
    y = rng.binomial(N, rng.beta(3, 5, size=n_coins))
    post = collapsed_posterior(y, N, 2, 2, kappa=5)
    for _ in range(20):
        order = rng.permutation(n_coins)
        shuffled = collapsed_posterior(y[order], N[order], 2, 2, kappa=5)
        assert float(np.abs(shuffled.omega - post.omega).max()) == 0.0
        np.testing.assert_allclose(shuffled.pi_mean(), post.pi_mean().to_numpy()[order])


def test_swapping_coins_between_factories_changes_omega():
    y_A, N_A = np.array([12, 15, 11]), np.array([20, 20, 20])
    y_B = np.array([5, 3, 6])
    post_A = collapsed_posterior(y_A, N_A, 2, 2, kappa=5)
    within = collapsed_posterior(y_A[[2, 0, 1]], N_A[[2, 0, 1]], 2, 2, kappa=5)
    across = collapsed_posterior(np.array([y_B[0], y_A[1], y_A[2]]), N_A, 2, 2, kappa=5)
    assert float(np.abs(within.omega - post_A.omega).max()) == 0.0
    assert grid_mean(post_A.omega) - grid_mean(across.omega) > 0.05


def test_exchangeable_coins_are_equally_and_positively_correlated():
    rng = np.random.default_rng(20260310)
    n_sim = 200_000
    omega = rng.beta(2, 2, size=n_sim)
    a, b = beta_from_mode(omega, 5)
    pi = rng.beta(a[:, None], b[:, None], size=(n_sim, 3))
    corr = np.corrcoef(pi.T)[np.triu_indices(3, 1)]
    assert np.ptp(corr) < 0.01
    # forma cerrada: Cov(π_1, π_2) = Var(E[π | ω]) y Var(π) = E[Var(π | ω)] + Var(E[π | ω])
    m = a / (a + b)
    v = a * b / ((a + b) ** 2 * (a + b + 1))
    expected = m.var() / (v.mean() + m.var())
    assert corr.mean() == pytest.approx(expected, abs=0.01)
    assert corr.min() > 0.2


def test_radon_floor_and_uranium_distinguish_houses_and_counties():
    radon = load_dataset("radon")
    by_floor = radon.groupby("floor")["log_radon"].mean()
    assert by_floor[0] - by_floor[1] > 0.4
    counties = radon.groupby("county").agg(
        log_radon=("log_radon", "mean"), log_uranium=("log_uranium", "first")
    )
    assert radon.groupby("county")["log_uranium"].nunique().max() == 1
    assert np.corrcoef(counties["log_radon"], counties["log_uranium"])[0, 1] > 0.4


# --------------------------------------------------------------------------- monedas


@pytest.fixture(scope="module")
def coin_post():
    return collapsed_posterior([5, 4], [20, 8], 2, 2, kappa=5)


def test_coin_predictive_widths_follow_the_chapter(coin_post):
    sd_old1 = _sd(existing_coin_pmf(coin_post, 1, 20))
    sd_old2 = _sd(existing_coin_pmf(coin_post, 2, 20))
    sd_new = _sd(new_coin_pmf(coin_post, 20))
    assert sd_old1 < sd_old2 < sd_new  # el sujeto 2, con menos datos, es más ancho
    assert sd_new > 1.3 * sd_old2


def test_coin_simulation_matches_exact_pmf_as_in_chapter(coin_post):
    sim = new_coin_predictive(coin_post, 20, size=20_000, random_seed=2)
    freq = np.bincount(sim["y_new"], minlength=21) / sim.sizes["draw"]
    assert np.abs(freq - new_coin_pmf(coin_post, 20)).max() < 0.01


def test_consistent_factory_makes_both_predictives_alike(coin_post):
    post100 = collapsed_posterior([5, 4], [20, 8], 2, 2, kappa=100)
    rows = {}
    for kappa, post in ((5, coin_post), (100, post100)):
        old = existing_coin_predictive(post, 1, 20, size=40_000, random_seed=8)["y_new"]
        new = new_coin_predictive(post, 20, size=40_000, random_seed=9)["y_new"]
        rows[kappa] = float(new.std()) / float(old.std())
    assert rows[5] > 1.5
    assert rows[100] < 1.15


# --------------------------------------------------------------------------- radón y renacuajos


@pytest.fixture(scope="module")
def radon_fit():
    from jerarquicos.fitting import check_convergence, fit
    from jerarquicos.models import radon

    data = load_dataset("radon")
    model = radon.varying_intercepts_model(data)
    idata = fit(model, draws=1000, tune=1000, chains=2, random_seed=20260312)
    check_convergence(idata)
    return data, model, idata


@pytest.fixture(scope="module")
def frogs_fit():
    from jerarquicos.fitting import check_convergence, fit
    from jerarquicos.models import tadpoles

    frogs = tadpoles.prepare_tadpoles(load_dataset("reedfrogs"))
    idata = fit(
        tadpoles.varying_intercepts_model(frogs),
        draws=2000,
        tune=1000,
        chains=2,
        random_seed=20260313,
    )
    check_convergence(idata)
    return frogs, idata


@pytest.mark.slow
def test_radon_small_county_is_between_big_and_new(radon_fit):
    from jerarquicos.predictive import predict_radon_county, predict_radon_new_county

    data, _, idata = radon_fit
    houses = data.groupby("county").size()
    big = predict_radon_county(idata, houses.idxmax(), random_seed=1)
    small = predict_radon_county(idata, houses[houses == 2].index[0], random_seed=2)
    new = predict_radon_new_county(idata, random_seed=3).isel(new_group=0)
    sd = {name: float(p["mu"].std()) for name, p in (("big", big), ("small", small), ("new", new))}
    assert sd["big"] < sd["small"] < sd["new"]
    assert sd["new"] - sd["small"] < sd["small"] - sd["big"]  # «mucho más cerca del nuevo»
    # para una casa la diferencia se achica, pero el condado nuevo sigue siendo el más ancho
    y_big, y_new = float(big["log_radon"].std()), float(new["log_radon"].std())
    assert y_big < y_new < 1.2 * y_big
    assert float(new["mu"].std()) / sd["big"] > 3
    assert float(idata.posterior["sigma"].mean()) > float(idata.posterior["1|county_sigma"].mean())


@pytest.mark.slow
def test_bambi_new_groups_similar_width_but_no_difference(radon_fit):
    from jerarquicos.fitting import ignore_pandas4_in_bambi
    from jerarquicos.predictive import predict_radon_new_county

    _, model, idata = radon_fit
    new = pd.DataFrame({"county": ["NUEVO_A", "NUEVO_B"], "floor": [0, 0], "log_radon": [0.0, 0.0]})
    with ignore_pandas4_in_bambi():
        pred = model.predict(
            idata,
            data=new,
            kind="response_params",
            sample_new_groups=True,
            inplace=False,
            random_seed=4,
        )
    mu_bambi = pred.posterior["mu"].to_numpy().reshape(-1, 2)
    mu_ours = predict_radon_new_county(idata, n_new_groups=2, random_seed=5)["mu"]
    mu_ours = mu_ours.to_numpy().reshape(-1, 2)
    assert abs(mu_bambi[:, 0].std() / mu_ours[:, 0].std() - 1) < 0.2
    assert (mu_bambi[:, 0] - mu_bambi[:, 1]).std() == 0.0
    sigma_county = float(idata.posterior["1|county_sigma"].mean())
    diff_sd = (mu_ours[:, 0] - mu_ours[:, 1]).std()
    assert abs(diff_sd / (np.sqrt(2) * sigma_county) - 1) < 0.2
    assert abs(np.corrcoef(mu_ours.T)[0, 1]) < 0.1


@pytest.mark.slow
def test_new_tank_is_much_wider_and_matches_data_roughly(frogs_fit):
    from jerarquicos.predictive import predict_tadpoles_new_tank, predict_tadpoles_tank

    frogs, idata = frogs_fit
    density = 25
    same = frogs[frogs["density"] == density]
    typical = same.iloc[(same["propsurv"] - same["propsurv"].median()).abs().argmin()]
    old = predict_tadpoles_tank(idata, typical["tank"], density=density, random_seed=6)
    new = predict_tadpoles_new_tank(idata, density=density, random_seed=7)
    assert float(new["surv"].std()) > 2 * float(old["surv"].std())
    old_low, old_high = np.percentile(old["surv"], [5, 95])
    new_low, new_high = np.percentile(new["surv"], [5, 95])
    assert new_low < old_low and new_high >= old_high
    # ejercicio: menos de la mitad de sobrevivientes, modelo y datos del mismo orden
    pred_35 = predict_tadpoles_new_tank(idata, density=35, random_seed=10)
    p_model = float((pred_35["surv"] < 35 / 2).mean())
    p_data = float((frogs["propsurv"] < 0.5).mean())
    assert abs(p_model - p_data) < 0.1
