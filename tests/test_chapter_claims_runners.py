"""Afirmaciones del capítulo «Corredores» (book/corredores.md), como pruebas.

Los ajustes usan las mismas funciones, semillas y opciones que el capítulo y se
comparten entre pruebas con un fixture de módulo. Todo es MCMC real: ``slow``.
"""

from __future__ import annotations

import os
from pathlib import Path

import numpy as np
import pytest

from jerarquicos import datasets
from jerarquicos.models import runners
from jerarquicos.plots_runners import no_pooling_lines, population_line, posterior_lines

REPO_ROOT = Path(__file__).resolve().parents[1]

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def raw():
    env = os.environ.get(datasets.DATA_DIR_ENV)
    folder = Path(env) if env else REPO_ROOT.parent / "shared" / "data"
    if not (folder / "cherry_blossom_sample.rda").is_file():
        pytest.skip(
            f"no hay copia local de cherry_blossom_sample.rda en {folder} "
            f"({datasets.DATA_DIR_ENV} sin definir) y las pruebas no usan la red"
        )
    old = os.environ.get(datasets.DATA_DIR_ENV)
    os.environ[datasets.DATA_DIR_ENV] = str(folder)
    try:
        return datasets.load_dataset("cherry_blossom_sample")
    finally:
        if old is None:
            del os.environ[datasets.DATA_DIR_ENV]
        else:
            os.environ[datasets.DATA_DIR_ENV] = old


@pytest.fixture(scope="module")
def fits(raw):
    """Los dos ajustes del capítulo, con sus semillas y opciones (y sus controles)."""
    from jerarquicos.fitting import check_convergence, fit

    idata_bambi = fit(
        runners.varying_slopes_model(raw), draws=3000, tune=1000, chains=2, random_seed=20260305
    )
    check_convergence(idata_bambi)
    idata_pymc = fit(
        runners.correlated_varying_slopes_model(raw),
        draws=4000,
        tune=1500,
        chains=2,
        random_seed=20260306,
        target_accept=0.9,
    )
    check_convergence(
        idata_pymc, var_names=["mu", "sigma_runner", "rho", "sigma", "runner_effects"]
    )
    data = runners.prepare_runners(raw)
    no_pool = no_pooling_lines(data)
    lines_bambi = posterior_lines(idata_bambi)
    lines_pymc = posterior_lines(idata_pymc).loc[lines_bambi.index]
    return {
        "data": data,
        "bambi": idata_bambi,
        "pymc": idata_pymc,
        "no_pool": no_pool,
        "lines_bambi": lines_bambi,
        "lines_pymc": lines_pymc.loc[no_pool.index],
    }


def test_raw_age_fails_the_convergence_check(raw):
    """«El control falla» con la edad sin centrar (misma corrida corta que el capítulo)."""
    from jerarquicos.fitting import ConvergenceError, check_convergence, fit

    idata = fit(
        runners.varying_slopes_model(raw, age_center=0),
        draws=500,
        tune=500,
        chains=2,
        random_seed=20260304,
    )
    with pytest.raises(ConvergenceError):
        check_convergence(idata)


def test_data_claims(fits):
    """Varias carreras por corredor en pocos años; la mayoría se enlentece."""
    data, no_pool = fits["data"], fits["no_pool"]
    races = data.groupby("runner", observed=True).size()
    assert races.min() >= 4 and races.max() <= 7
    span = data.groupby("runner", observed=True)["age"].agg(lambda a: a.max() - a.min())
    assert span.mean() < 6
    assert (no_pool["slope"] > 0).mean() > 0.5


def test_bambi_fit_claims(fits):
    """μ_β > 0 con un intervalo que excluye el cero; σ_α grande, σ_β chica."""
    import arviz as az

    post = fits["bambi"].posterior
    low, _ = az.hdi(post["age_c"].to_numpy().ravel(), hdi_prob=0.94)
    assert low > 0
    assert float(post["1|runner_sigma"].mean()) > 2 * float(post["sigma"].mean())
    assert float(post["age_c|runner_sigma"].mean()) < float(post["age_c"].mean())


def test_rho_is_mostly_positive_but_uncertain(fits):
    rho = runners.correlation_summary(fits["pymc"])
    assert rho["mean"] > 0.2
    assert rho["p_positive"] > 0.8
    assert rho["hdi_low"] < 0.15  # «llega casi a cero»
    assert rho["hdi_high"] - rho["hdi_low"] > 0.6  # «el intervalo es ancho»


def test_pymc_and_bambi_agree_on_shared_parameters(fits):
    post_b, post_p = fits["bambi"].posterior, fits["pymc"].posterior
    pairs = [
        (post_b["1|runner_sigma"], post_p["sigma_runner"].sel(effect="Intercept")),
        (post_b["age_c|runner_sigma"], post_p["sigma_runner"].sel(effect="age_c")),
        (post_b["age_c"], post_p["mu"].sel(effect="age_c")),
    ]
    for b, p in pairs:
        assert abs(float(p.mean()) / float(b.mean()) - 1) < 0.15


def test_intercepts_agree_slopes_only_broadly(fits):
    lb, lp = fits["lines_bambi"], fits["lines_pymc"].loc[fits["lines_bambi"].index]
    assert np.corrcoef(lb["intercept"], lp["intercept"])[0, 1] > 0.99
    sigma_alpha = float(fits["bambi"].posterior["1|runner_sigma"].mean())
    assert (lb["intercept"] - lp["intercept"]).abs().max() < 0.15 * sigma_alpha
    slope_corr = np.corrcoef(lb["slope"], lp["slope"])[0, 1]
    assert 0.6 < slope_corr < 0.97
    assert (lb["slope"] - lp["slope"]).abs().max() > 0.2


def test_correlated_model_ties_slopes_to_intercepts(fits):
    lb, lp = fits["lines_bambi"], fits["lines_pymc"]
    assoc_b = np.corrcoef(lb["intercept"], lb["slope"])[0, 1]
    assoc_p = np.corrcoef(lp["intercept"], lp["slope"])[0, 1]
    assert assoc_p > assoc_b + 0.2


def test_slopes_shrink_much_more_than_intercepts(fits):
    no_pool, ml = fits["no_pool"], fits["lines_pymc"]
    ratio_intercept = ml["intercept"].std() / no_pool["intercept"].std()
    ratio_slope = ml["slope"].std() / no_pool["slope"].std()
    assert ratio_intercept > 0.85
    assert ratio_slope < 0.6
    # el rango de las pendientes se angosta por los dos lados
    assert no_pool["slope"].min() < ml["slope"].min()
    assert ml["slope"].max() < no_pool["slope"].max()
    # «casi todas las flechas son verticales o poco inclinadas», en unidades de cada eje
    move_a = (ml["intercept"] - no_pool["intercept"]).abs() / no_pool["intercept"].std()
    move_b = (ml["slope"] - no_pool["slope"]).abs() / no_pool["slope"].std()
    assert (move_a < move_b).mean() > 0.75
    # las pendientes extremas se moderan hacia la de la población
    _, mu_beta = population_line(fits["pymc"])
    assert (ml["slope"] - mu_beta).abs().max() < (no_pool["slope"] - mu_beta).abs().max()


def test_new_runner_prediction_is_wider(fits):
    """Ejercicio del corredor nuevo: mismo cálculo que la solución del capítulo."""
    post = fits["pymc"].posterior
    rng = np.random.default_rng(20260305)

    def draws(name, effect=None):
        values = post[name] if effect is None else post[name].sel(effect=effect)
        return values.to_numpy().ravel()

    mu_a, mu_b = draws("mu", "Intercept"), draws("mu", "age_c")
    s_a, s_b = draws("sigma_runner", "Intercept"), draws("sigma_runner", "age_c")
    r, sigma = draws("rho"), draws("sigma")
    z1, z2 = rng.standard_normal((2, r.size))
    alpha_new = mu_a + s_a * z1
    beta_new = mu_b + s_b * (r * z1 + np.sqrt(1 - r**2) * z2)
    races = fits["data"].groupby("runner", observed=True).size()
    effects = post["runner_effects"].sel(runner=str(races.idxmax()))
    alpha_old = effects.sel(effect="Intercept").to_numpy().ravel()
    beta_old = effects.sel(effect="age_c").to_numpy().ravel()
    x = 55 - fits["data"].attrs["age_center"]

    def width(a, b):
        y = a + b * x + sigma * rng.standard_normal(r.size)
        low, high = np.percentile(y, [5, 95])
        return high - low

    assert width(alpha_new, beta_new) > 2 * width(alpha_old, beta_old)
