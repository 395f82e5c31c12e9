"""Constructores de los corredores (Bambi y PyMC): rápidas y un ajuste corto (slow)."""

from __future__ import annotations

import os
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from jerarquicos.data import loader as datasets
from jerarquicos.models import runners

REPO_ROOT = Path(__file__).resolve().parents[1]


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


# --------------------------------------------------------------------------- rápidas


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


def test_prepare_runners_real(cherry):
    df = runners.prepare_runners(cherry)
    assert df.attrs["n_dropped"] == 67
    assert df.shape[0] == 185 and df["runner"].nunique() == 36
    assert df["net"].notna().all()


def test_prepare_runners_errors():
    with pytest.raises(ValueError, match="age_center"):
        runners.prepare_runners(_synthetic(), age_center="x")
    with pytest.raises(ValueError, match="columnas"):
        runners.prepare_runners(_synthetic().drop(columns="age"))


def test_bambi_varying_slopes_terms():
    m = runners.varying_slopes_model(_synthetic())
    mu = m.components["mu"]
    assert str(m.formula.main) == "net ~ 1 + age_c + (1 + age_c | runner)"
    assert list(mu.common_terms) == ["age_c"]
    assert set(mu.group_specific_terms) == {"1|runner", "age_c|runner"}
    assert len(mu.group_specific_terms["1|runner"].groups) == 6
    assert m.data.attrs["n_dropped"] == 3 and len(m.data) == 27


def test_pymc_correlated_model_structure():
    import pymc as pm

    model = runners.correlated_varying_slopes_model(_synthetic())
    names = set(model.named_vars)
    assert {"mu", "chol_cov", "rho", "sigma_runner", "z", "runner_effects", "sigma", "net"} <= names
    assert list(model.coords["effect"]) == ["Intercept", "age_c"]
    assert len(model.coords["runner"]) == 6
    assert model["net"] in model.observed_RVs
    # previas por omisión de Bayes Rules! (cap. 17) para las medias poblacionales
    mu_rv = model["mu"]
    assert np.allclose(mu_rv.owner.inputs[-2].eval(), [100.0, 2.5])
    assert np.allclose(mu_rv.owner.inputs[-1].eval(), [10.0, 1.0])
    # no centrado: la única variable libre por corredor es z ~ N(0, 1)
    free = {rv.name for rv in model.free_RVs}
    assert free == {"mu", "chol_cov", "z", "sigma"}
    assert isinstance(model, pm.Model)


@pytest.mark.parametrize(
    ("kwargs", "argument"),
    [
        ({"intercept_prior": (100, -1)}, "intercept_prior"),
        ({"slope_prior": "x"}, "slope_prior"),
        ({"group_sd_scales": (1.0,)}, "group_sd_scales"),
        ({"sigma_scale": 0}, "sigma_scale"),
        ({"lkj_eta": -2}, "lkj_eta"),
    ],
)
def test_pymc_model_rejects_bad_arguments(kwargs, argument):
    with pytest.raises(ValueError, match=argument):
        runners.correlated_varying_slopes_model(_synthetic(), **kwargs)


# --------------------------------------------------------------------------- lentas


@pytest.mark.slow
def test_correlated_model_fit_reports_rho(cherry):
    from jerarquicos.models.fitting import check_convergence, fit

    model = runners.correlated_varying_slopes_model(cherry)
    idata = fit(model, draws=3000, tune=1000, chains=2, random_seed=11)
    check_convergence(idata, var_names=["mu", "sigma_runner", "rho", "sigma"])
    summary = runners.correlation_summary(idata)
    assert -1 < summary["hdi_low"] < summary["mean"] < summary["hdi_high"] < 1
    assert 0 <= summary["p_positive"] <= 1
    # los corredores se hacen más lentos con la edad (μ_β > 0)
    assert float(idata.posterior["mu"].sel(effect="age_c").mean()) > 0
