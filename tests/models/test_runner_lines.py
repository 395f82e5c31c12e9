"""Rectas por corredor (sin pooling y a posteriori) y resúmenes, con posteriores sintéticos."""

from __future__ import annotations

import arviz as az
import matplotlib

matplotlib.use("Agg")

import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402
import pytest  # noqa: E402
from runner_fixtures import CHAINS, DRAWS  # noqa: E402, F401
from runner_fixtures import bambi_like as _bambi_like  # noqa: E402
from runner_fixtures import pymc_like as _pymc_like  # noqa: E402
from runner_fixtures import synthetic_runners as _synthetic  # noqa: E402

from jerarquicos.models import runners as pr  # noqa: E402
from jerarquicos.models.runners import prepare_runners  # noqa: E402


def test_no_pooling_recovers_exact_lines():
    raw, truth = _synthetic()
    df = prepare_runners(raw, age_center=55)
    table = pr.no_pooling_lines(df)
    assert list(table.columns) == ["intercept", "slope", "n_races"]
    for runner, (a, b) in truth.items():
        assert table.loc[runner, "intercept"] == pytest.approx(a)
        assert table.loc[runner, "slope"] == pytest.approx(b)
        assert table.loc[runner, "n_races"] == 6


def test_no_pooling_matches_polyfit_with_noise():
    raw, _ = _synthetic(noise=3.0)
    df = prepare_runners(raw)
    table = pr.no_pooling_lines(df)
    for runner, group in df.groupby("runner", observed=True):
        slope, intercept = np.polyfit(group["age_c"], group["net"], 1)
        assert table.loc[str(runner), "slope"] == pytest.approx(slope)
        assert table.loc[str(runner), "intercept"] == pytest.approx(intercept)


def test_no_pooling_errors():
    with pytest.raises(TypeError, match="data"):
        pr.no_pooling_lines({"runner": [1]})
    with pytest.raises(ValueError, match="columnas"):
        pr.no_pooling_lines(pd.DataFrame({"runner": [1], "net": [1.0]}))
    one_age = pd.DataFrame({"runner": [1, 1], "age_c": [0.0, 0.0], "net": [80.0, 81.0]})
    with pytest.raises(ValueError, match="dos"):
        pr.no_pooling_lines(one_age)


def test_posterior_lines_bambi_and_pymc_agree_on_synthetic_posteriors():
    bambi = pr.posterior_lines(_bambi_like())
    pymc = pr.posterior_lines(_pymc_like())
    assert list(bambi.index) == ["1", "2", "3"] == list(pymc.index)
    np.testing.assert_allclose(bambi[["intercept", "slope"]], pymc[["intercept", "slope"]])
    assert (bambi["intercept_sd"] == 0).all()
    assert pr.population_line(_bambi_like()) == pytest.approx((90.0, 1.0))
    assert pr.population_line(_pymc_like()) == pytest.approx((90.0, 1.0))


def test_posterior_lines_rejects_other_fits():
    other = az.from_dict(posterior={"theta": np.zeros((CHAINS, DRAWS))})
    with pytest.raises(ValueError, match="corredores"):
        pr.posterior_lines(other)
    with pytest.raises(ValueError, match="recta poblacional"):
        pr.population_line(other)
    with pytest.raises(TypeError, match="InferenceData"):
        pr.posterior_lines(object())


def test_no_pooling_orders_numeric_runners_numerically():
    raw, _ = _synthetic()
    raw["runner"] = raw["runner"].replace({6: 10})
    table = pr.no_pooling_lines(prepare_runners(raw))
    assert list(table.index) == ["1", "2", "3", "4", "5", "10"]


def test_no_pooling_rejects_non_finite_and_missing_values():
    raw, _ = _synthetic()
    df = prepare_runners(raw)
    bad = df.copy()
    bad.loc[0, "net"] = np.inf
    with pytest.raises(ValueError, match="no finitos"):
        pr.no_pooling_lines(bad)
    bad = df.copy()
    bad["runner"] = bad["runner"].astype(object)
    bad.loc[0, "runner"] = None
    with pytest.raises(ValueError, match="ausentes"):
        pr.no_pooling_lines(bad)
    bad = df.copy()
    bad["net"] = bad["net"].astype(str)
    with pytest.raises(TypeError, match="net"):
        pr.no_pooling_lines(bad)


def _rho_idata(values):
    values = np.asarray(values, dtype=float).reshape(CHAINS, -1)
    return az.from_dict(posterior={"rho": values})


def test_correlation_summary_uses_equal_tails():
    values = np.linspace(-0.5, 0.9, 2 * 500)
    summary = pr.correlation_summary(_rho_idata(values), prob=0.9)
    low, high = np.quantile(values, [0.05, 0.95])
    assert summary["low"] == pytest.approx(low)
    assert summary["high"] == pytest.approx(high)
    assert summary["p_positive"] == pytest.approx((values > 0).mean())
    assert summary["mean"] == pytest.approx(values.mean())


@pytest.mark.parametrize(
    ("prob", "error"), [(True, TypeError), ("0.9", TypeError), (1.0, ValueError), (0, ValueError)]
)
def test_correlation_summary_rejects_bad_prob(prob, error):
    with pytest.raises(error, match="prob"):
        pr.correlation_summary(_rho_idata(np.zeros(100)), prob=prob)


def test_correlation_summary_needs_rho():
    with pytest.raises(ValueError, match="rho"):
        pr.correlation_summary(_bambi_like())
    with pytest.raises(TypeError, match="InferenceData"):
        pr.correlation_summary(object())


def test_intercept_slope_correlation_per_runner():
    rng = np.random.default_rng(1)
    draws = rng.standard_normal((CHAINS, 400, 2))
    intercept = 90 + draws[..., 0]
    slope_tied = 1 - 0.5 * draws[..., 0]  # correlación -1 con la ordenada
    slope_free = 1 + draws[..., 1]  # independiente
    effects = np.stack(
        [np.stack([intercept, slope_tied], -1), np.stack([intercept, slope_free], -1)], axis=2
    )
    idata = az.from_dict(
        posterior={"runner_effects": effects},
        coords={"runner": ["a", "b"], "effect": ["Intercept", "age_c"]},
        dims={"runner_effects": ["runner", "effect"]},
    )
    corr = pr.intercept_slope_correlation(idata)
    assert list(corr.index) == ["a", "b"]
    assert corr["a"] == pytest.approx(-1.0)
    assert abs(corr["b"]) < 0.15
    bambi = pr.intercept_slope_correlation(_bambi_like())
    assert list(bambi.index) == ["1", "2", "3"]
