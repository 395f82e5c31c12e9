"""fit_variants (validación; un ajuste real corto, lento) y efficiency_table."""

from __future__ import annotations

import arviz as az
import numpy as np
import pandas as pd
import pymc as pm
import pytest

from jerarquicos.models.variants import efficiency_table, fit_variants


def _model():
    with pm.Model() as model:
        scale = pm.Data("scale", 1.0)
        pm.Normal("x", 0.0, scale)
    return model


def _idata(seed, *, diverging=0, sticky=False, seconds=2.0):
    rng = np.random.default_rng(seed)
    x = rng.standard_normal((2, 500))
    if sticky:
        x = np.cumsum(x, axis=1) * 0.01
    div = np.zeros((2, 500), dtype=bool)
    div.flat[:diverging] = True
    idata = az.from_dict(
        posterior={"x": x},
        sample_stats={"diverging": div, "n_steps": np.full((2, 500), 3)},
    )
    idata.posterior.attrs["sampling_time_s"] = seconds
    return idata


def test_efficiency_table_counts_steps_divergences_and_ess():
    table = efficiency_table({"bien": _idata(0), "mal": _idata(1, diverging=4, sticky=True)}, ["x"])
    assert list(table.index) == ["bien", "mal"]
    assert table.loc["bien", "leapfrog_steps"] == 3000
    assert table.loc["mal", "divergences"] == 4
    assert table.loc["bien", "ess_bulk_min"] > 10 * table.loc["mal", "ess_bulk_min"]
    row = table.loc["bien"]
    assert row["ess_per_1000_steps"] == pytest.approx(1000 * row["ess_bulk_min"] / 3000)
    assert row["ess_per_second"] == pytest.approx(row["ess_bulk_min"] / 2.0)
    assert isinstance(table, pd.DataFrame)


def test_efficiency_table_uses_the_diagnostics_of_arviz():
    fits = {"bien": _idata(0), "mal": _idata(1, sticky=True)}
    table = efficiency_table(fits, ["x"])
    for name, idata in fits.items():
        row = table.loc[name]
        assert row["ess_bulk_min"] == pytest.approx(float(az.ess(idata, method="bulk")["x"]))
        assert row["ess_tail_min"] == pytest.approx(float(az.ess(idata, method="tail")["x"]))
        assert row["r_hat_max"] == pytest.approx(float(az.rhat(idata)["x"]))


def test_fit_variants_validates_before_compiling():
    with pytest.raises(TypeError, match="model"):
        fit_variants("modelo", {"a": {}}, random_seed=1)
    with pytest.raises(TypeError, match="variants"):
        fit_variants(_model(), [{"scale": 2.0}], random_seed=1)
    with pytest.raises(ValueError, match="vacío"):
        fit_variants(_model(), {}, random_seed=1)
    with pytest.raises(ValueError, match="'otro'"):
        fit_variants(_model(), {"a": {"otro": 1.0}}, random_seed=1)
    with pytest.raises(ValueError, match="draws"):
        fit_variants(_model(), {"a": {}}, draws=0, random_seed=1)
    with pytest.raises(ValueError, match="target_accept"):
        fit_variants(_model(), {"a": {}}, target_accept={"b": 0.9}, random_seed=1)
    with pytest.raises(TypeError, match="random_seed"):
        fit_variants(_model(), {"a": {}}, random_seed=None)


@pytest.mark.slow
def test_fit_variants_changes_the_data_without_recompiling():
    fits = fit_variants(
        _model(),
        {"uno": {}, "tres": {"scale": 3.0}},
        draws={"tres": 600},
        tune=300,
        random_seed=2,
        target_accept={"tres": 0.9},
    )
    assert fits["uno"].posterior.sizes["draw"] == 1000
    assert fits["tres"].posterior.sizes["draw"] == 600
    assert float(fits["uno"].posterior["x"].std()) == pytest.approx(1.0, rel=0.15)
    assert float(fits["tres"].posterior["x"].std()) == pytest.approx(3.0, rel=0.15)
    attrs = fits["tres"].posterior.attrs
    assert attrs["compile_time_s"] == fits["uno"].posterior.attrs["compile_time_s"]
    assert attrs["sampling_time_s"] > 0
