"""Constructores de los corredores (Bambi y PyMC): estructura, validación y un ajuste (slow)."""

from __future__ import annotations

import os
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from jerarquicos.data import loader as datasets
from jerarquicos.models import runners

REPO_ROOT = Path(__file__).resolve().parents[2]


def _synthetic(n_runners=6, n_years=5, seed=0):
    rng = np.random.default_rng(seed)
    rows = []
    for r in range(1, n_runners + 1):
        start = rng.integers(50, 58)
        for k in range(n_years):
            net = 90 + 2 * (start + k - 55) + rng.normal(0, 3)
            rows.append({"runner": r, "age": start + k, "net": net})
    df = pd.DataFrame(rows)
    df.loc[[1, 7, 12], "net"] = np.nan
    return df


@pytest.fixture(scope="module")
def cherry():
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


# --------------------------------------------------------------------------- prepare_runners


def test_prepare_runners_synthetic():
    raw = _synthetic()
    df = runners.prepare_runners(raw)
    assert len(df) == len(raw) - 3 and df.attrs["n_dropped"] == 3
    assert abs(df["age_c"].mean()) < 1e-12
    assert isinstance(df["runner"].dtype, pd.CategoricalDtype)
    assert raw["net"].isna().sum() == 3  # no modifica la entrada
    fixed = runners.prepare_runners(raw, age_center=50)
    assert fixed.attrs["age_center"] == 50.0
    assert np.allclose(fixed["age_c"], fixed["age"] - 50)
    assert runners.prepare_runners(raw, age_center=np.float32(50)).attrs["age_center"] == 50.0


def test_prepare_runners_real(cherry):
    df = runners.prepare_runners(cherry)
    assert df.attrs["n_dropped"] == 67
    assert df.shape[0] == 185 and df["runner"].nunique() == 36
    assert df["net"].notna().all()


@pytest.mark.parametrize(
    ("age_center", "error"),
    [
        ("x", TypeError),
        (True, TypeError),
        ([55.0], TypeError),
        (np.inf, ValueError),
        (float("nan"), ValueError),
    ],
)
def test_prepare_runners_rejects_bad_age_center(age_center, error):
    with pytest.raises(error, match="age_center"):
        runners.prepare_runners(_synthetic(), age_center=age_center)


def test_prepare_runners_rejects_non_finite_or_non_numeric_columns():
    raw = _synthetic()
    raw["age"] = raw["age"].astype(float)
    raw.loc[0, "age"] = np.inf
    with pytest.raises(ValueError, match=r"data\['age'\].*no finitos"):
        runners.prepare_runners(raw)
    raw = _synthetic()
    raw.loc[0, "net"] = -np.inf
    with pytest.raises(ValueError, match=r"data\['net'\]"):
        runners.prepare_runners(raw)
    raw = _synthetic()
    raw["age"] = raw["age"].astype(str)
    with pytest.raises(TypeError, match=r"data\['age'\]"):
        runners.prepare_runners(raw)
    with pytest.raises(ValueError, match="columnas"):
        runners.prepare_runners(_synthetic().drop(columns="age"))
    with pytest.raises(TypeError, match="DataFrame"):
        runners.prepare_runners(_synthetic().to_dict())
    missing = _synthetic()
    missing["age"] = missing["age"].astype(float)
    missing.loc[0, "age"] = np.nan
    with pytest.raises(ValueError, match="ausentes"):
        runners.prepare_runners(missing)


# --------------------------------------------------------------------------- Bambi


def test_bambi_varying_slopes_terms():
    m = runners.varying_slopes_model(_synthetic())
    mu = m.components["mu"]
    assert str(m.formula.main) == "net ~ 1 + age_c + (1 + age_c | runner)"
    assert list(mu.common_terms) == ["age_c"]
    assert set(mu.group_specific_terms) == {"1|runner", "age_c|runner"}
    assert len(mu.group_specific_terms["1|runner"].groups) == 6
    assert m.data.attrs["n_dropped"] == 3 and len(m.data) == 27


def test_bambi_model_rejects_bad_arguments():
    with pytest.raises(TypeError, match="priors"):
        runners.varying_slopes_model(_synthetic(), priors=[1, 2])
    with pytest.raises(ValueError, match="age_center"):
        runners.varying_slopes_model(_synthetic(), age_center=np.inf)


# --------------------------------------------------------------------------- PyMC


def test_pymc_correlated_model_structure():
    import pymc as pm

    model = runners.correlated_varying_slopes_model(_synthetic())
    assert isinstance(model, pm.Model)
    names = set(model.named_vars)
    assert {"mu", "rho", "sigma_runner", "runner_effects", "sigma", "net"} <= names
    assert list(model.coords["effect"]) == ["Intercept", "age_c"]
    assert len(model.coords["runner"]) == 6
    assert model["net"] in model.observed_RVs
    assert {v.name for v in model.data_vars} == {"age", runners.AGE_CENTER, "runner_idx"}
    # ordenadas centradas; pendientes no centradas (la única variable libre por corredor es z)
    free = {rv.name for rv in model.free_RVs}
    assert free == {"typical_net", "mu_slope", "sigma_runner", "rho_unit", "alpha", "z", "sigma"}
    # previas por omisión de Bayes Rules! (cap. 17)
    assert model["typical_net"].owner.inputs[-2].eval() == pytest.approx(100.0)
    assert model["typical_net"].owner.inputs[-1].eval() == pytest.approx(10.0)
    assert model["mu_slope"].owner.inputs[-2].eval() == pytest.approx(2.5)


def test_pymc_centered_model_samples_the_slopes_directly():
    model = runners.correlated_varying_slopes_model(_synthetic(), centered=True)
    free = {rv.name for rv in model.free_RVs}
    assert "beta" in free and "z" not in free


def test_intercept_prior_is_on_the_time_at_the_mean_age():
    """Con otra edad de referencia, μ_α = (tiempo a la edad media) − μ_β (media − c)."""
    df = runners.prepare_runners(_synthetic())
    model = runners.correlated_varying_slopes_model(_synthetic())
    mean_age = float(df["age"].mean())
    givens = {model["typical_net"]: 90.0, model["mu_slope"]: 2.0}
    np.testing.assert_allclose(model["mu"].eval(givens), [90.0, 2.0])
    model.set_data(runners.AGE_CENTER, np.float64(0.0))
    np.testing.assert_allclose(model["mu"].eval(givens), [90.0 - 2.0 * mean_age, 2.0])


@pytest.mark.parametrize("eta", [1.0, 2.0, 4.0])
def test_rho_prior_is_the_lkj_of_a_two_by_two_matrix(eta):
    """(ρ + 1)/2 ~ Beta(η, η) es, en ρ, proporcional a la densidad de pm.LKJCorr(n=2, η)."""
    import pymc as pm
    from scipy import stats

    rho = np.array([-0.9, -0.3, 0.0, 0.4, 0.8])
    lkj = pm.LKJCorr.dist(n=2, eta=eta)
    lkj_logp = np.array([pm.logp(lkj, np.array([r])).eval() for r in rho])
    beta_logp = stats.beta.logpdf((rho + 1) / 2, eta, eta) - np.log(2)
    # misma forma: la diferencia es una constante (la normalización de PyMC)
    assert np.ptp(lkj_logp - beta_logp) < 1e-6
    model = runners.correlated_varying_slopes_model(_synthetic(), lkj_eta=eta)
    alpha, beta = model["rho_unit"].owner.inputs[-2:]
    assert float(alpha.eval()) == float(beta.eval()) == eta


@pytest.fixture
def mock_pymc_sample():
    """pm.sample simulado (extracciones de la previa): prueba la estructura sin MCMC."""
    from pymc.testing import mock_sample_setup_and_teardown

    yield from mock_sample_setup_and_teardown()


def test_pymc_model_samples_with_the_mock_sampler(mock_pymc_sample):
    """fit() con el muestreador simulado: nombres y dimensiones del posterior."""
    from jerarquicos.models.fitting import fit

    model = runners.correlated_varying_slopes_model(_synthetic())
    idata = fit(model, sampler="pymc", draws=7, random_seed=1)
    post = idata.posterior
    assert post["runner_effects"].dims == ("chain", "draw", "runner", "effect")
    assert post["mu"].dims == ("chain", "draw", "effect")
    assert post["rho"].dims == ("chain", "draw")
    lines = runners.posterior_lines(idata)
    assert list(lines.index) == [str(r) for r in range(1, 7)]
    assert len(runners.population_line(idata)) == 2


@pytest.mark.parametrize(
    ("kwargs", "error", "argument"),
    [
        ({"intercept_prior": (100, -1)}, ValueError, "intercept_prior"),
        ({"intercept_prior": (100, 10, 1)}, ValueError, "intercept_prior"),
        ({"intercept_prior": (100, np.inf)}, ValueError, "intercept_prior"),
        ({"slope_prior": "x"}, TypeError, "slope_prior"),
        ({"slope_prior": 2.5}, TypeError, "slope_prior"),
        ({"slope_prior": (True, 1.0)}, TypeError, "slope_prior"),
        ({"group_sd_scales": (1.0,)}, ValueError, "group_sd_scales"),
        ({"group_sd_scales": (1.0, -2.0)}, ValueError, "group_sd_scales"),
        ({"group_sd_scales": 3.0}, TypeError, "group_sd_scales"),
        ({"sigma_scale": 0}, ValueError, "sigma_scale"),
        ({"sigma_scale": np.inf}, ValueError, "sigma_scale"),
        ({"sigma_scale": "1"}, TypeError, "sigma_scale"),
        ({"lkj_eta": -2}, ValueError, "lkj_eta"),
        ({"lkj_eta": True}, TypeError, "lkj_eta"),
        ({"lkj_eta": np.nan}, ValueError, "lkj_eta"),
        ({"centered": "no"}, TypeError, "centered"),
        ({"centered": 1}, TypeError, "centered"),
        ({"age_center": np.inf}, ValueError, "age_center"),
    ],
)
def test_pymc_model_rejects_bad_arguments(kwargs, error, argument):
    with pytest.raises(error, match=argument):
        runners.correlated_varying_slopes_model(_synthetic(), **kwargs)


def test_pymc_model_needs_spread_to_scale_the_priors():
    flat = pd.DataFrame({"runner": [1, 1], "age": [55, 55], "net": [90.0, 91.0]})
    with pytest.raises(ValueError, match="sd"):
        runners.correlated_varying_slopes_model(flat)


# --------------------------------------------------------------------------- lentas


@pytest.mark.slow
def test_centered_age_passes_and_raw_age_fails_with_the_same_draws(cherry):
    """Una compilación, dos edades de referencia (como el capítulo, con otra semilla)."""
    from jerarquicos.models.convergence import ConvergenceError, check_convergence
    from jerarquicos.models.fitting import fit_sweep

    data = runners.prepare_runners(cherry)
    model = runners.correlated_varying_slopes_model(cherry)
    centered, raw_age = fit_sweep(
        model,
        runners.AGE_CENTER,
        [data.attrs["age_center"], 0.0],
        draws=2000,
        tune=500,
        chains=2,
        random_seed=2,
    )
    check_convergence(centered)
    with pytest.raises(ConvergenceError):
        check_convergence(raw_age)
    summary = runners.correlation_summary(centered)
    assert -1 < summary["low"] < summary["mean"] < summary["high"] < 1
    # los corredores se hacen más lentos con la edad (μ_β > 0)
    assert float(centered.posterior["mu"].sel(effect="age_c").mean()) > 0
    # con la edad cruda, ordenada y pendiente de cada corredor van casi juntas
    assert runners.intercept_slope_correlation(raw_age).abs().min() > 0.9
