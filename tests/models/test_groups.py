"""Predictivas de grupo nuevo y existente con un posterior sintético (sin muestrear)."""

from __future__ import annotations

import arviz as az
import numpy as np
import pytest
import xarray as xr

from jerarquicos.models import groups as predictive
from jerarquicos.models import radon, tadpoles
from jerarquicos.models.groups import group_summary

CHAINS, DRAWS = 2, 4000


def _radon_like(*, with_floor=False, seed=0):
    rng = np.random.default_rng(seed)
    counties = ["A", "B", "C"]
    posterior = {
        "Intercept": 1.0 + 0.01 * rng.standard_normal((CHAINS, DRAWS)),
        "1|county_sigma": np.full((CHAINS, DRAWS), 0.5),
        "sigma": np.full((CHAINS, DRAWS), 0.8),
        "1|county": np.stack([np.full((CHAINS, DRAWS), v) for v in (-0.3, 0.0, 0.4)], axis=-1)
        + 0.01 * rng.standard_normal((CHAINS, DRAWS, 3)),
    }
    if with_floor:
        posterior["floor"] = np.full((CHAINS, DRAWS), -0.6)
    return az.from_dict(
        posterior=posterior,
        coords={"county__factor_dim": counties},
        dims={"1|county": ["county__factor_dim"]},
    )


def _tadpole_like(seed=0):
    rng = np.random.default_rng(seed)
    return az.from_dict(
        posterior={
            "Intercept": 1.3 + 0.01 * rng.standard_normal((CHAINS, DRAWS)),
            "1|tank_sigma": np.full((CHAINS, DRAWS), 1.6),
            "1|tank": 0.01 * rng.standard_normal((CHAINS, DRAWS, 3)),
        },
        coords={"tank__factor_dim": [1, 2, 3]},
        dims={"1|tank": ["tank__factor_dim"]},
    )


def test_new_group_effects_are_population_draws():
    idata = _radon_like()
    u = predictive.new_group_effects(
        idata, group_sigma="1|county_sigma", n_new_groups=3, random_seed=1
    )
    assert u.dims == ("chain", "draw", "new_group") and u.shape == (CHAINS, DRAWS, 3)
    assert abs(float(u.std()) - 0.5) < 0.02 and abs(float(u.mean())) < 0.02
    corr = np.corrcoef(u.to_numpy().reshape(-1, 3).T)
    assert np.all(np.abs(corr[np.triu_indices(3, 1)]) < 0.05)
    again = predictive.new_group_effects(
        idata, group_sigma="1|county_sigma", n_new_groups=3, random_seed=1
    )
    assert np.array_equal(u, again)


def test_group_effect_lookup_and_errors():
    idata = _radon_like()
    eff = predictive.group_effect(idata, group_term="1|county", level="C")
    assert eff.dims == ("chain", "draw") and abs(float(eff.mean()) - 0.4) < 0.01
    with pytest.raises(ValueError, match="level='Z'"):
        predictive.group_effect(idata, group_term="1|county", level="Z")
    with pytest.raises(ValueError, match="no está en el posterior"):
        predictive.group_effect(idata, group_term="1|tank", level=1)


def test_radon_new_vs_existing():
    idata = _radon_like()
    new = radon.predict_radon_new_county(idata, n_new_groups=2, random_seed=0)
    old = radon.predict_radon_county(idata, "B", random_seed=0)
    assert abs(float(new["mu"].std()) - 0.5) < 0.02
    assert float(old["mu"].std()) < 0.05
    expected = np.sqrt(0.5**2 + 0.8**2)
    assert abs(float(new["log_radon"].std()) - expected) < 0.03
    assert abs(float(old["log_radon"].std()) - 0.8) < 0.03


def test_radon_floor_handling():
    with_floor = _radon_like(with_floor=True)
    new = radon.predict_radon_new_county(with_floor, floor=1, random_seed=0)
    assert abs(float(new["mu"].mean()) - (1.0 - 0.6)) < 0.03
    old = radon.predict_radon_county(with_floor, "C", floor=0, random_seed=0)
    assert abs(float(old["mu"].mean()) - 1.4) < 0.01
    with pytest.raises(ValueError, match="floor=None"):
        radon.predict_radon_county(with_floor, "C", floor=None)
    with pytest.raises(ValueError, match="floor=1"):
        radon.predict_radon_new_county(_radon_like(), floor=1)
    with pytest.raises(ValueError, match="n_new_groups=0"):
        radon.predict_radon_new_county(_radon_like(), n_new_groups=0)


def test_tadpoles_new_vs_existing():
    idata = _tadpole_like()
    new = tadpoles.predict_tadpoles_new_tank(idata, density=25, n_new_groups=2, random_seed=0)
    old = tadpoles.predict_tadpoles_tank(idata, 2, density=25, random_seed=0)
    assert set(new.data_vars) == {"logit_p", "p", "surv"}
    assert new["surv"].dtype.kind == "i" and int(new["surv"].max()) <= 25
    assert float(new["p"].std()) > 5 * float(old["p"].std())
    assert abs(float(old["surv"].mean()) - 25 / (1 + np.exp(-1.3))) < 0.2
    with pytest.raises(ValueError, match="density=0"):
        tadpoles.predict_tadpoles_new_tank(idata, density=0)
    with pytest.raises(TypeError, match="InferenceData"):
        tadpoles.predict_tadpoles_tank(object(), 1, density=10)


def _idata(rng, *, group_term: bool):
    chains, draws, groups = 2, 50, 3
    coords = {"chain": np.arange(chains), "draw": np.arange(draws)}
    if group_term:
        dim = "county__factor_dim"
        effects = rng.normal([-1.0, 0.0, 1.0], 0.1, size=(chains, draws, groups))
        post = xr.Dataset(
            {
                "Intercept": (("chain", "draw"), np.full((chains, draws), 2.0)),
                "1|county": (("chain", "draw", dim), effects),
            },
            coords={**coords, dim: ["A", "B", "C"]},
        )
    else:
        dim = "county_dim"
        values = rng.normal([1.0, 2.0, 3.0], 0.1, size=(chains, draws, groups))
        post = xr.Dataset(
            {"county": (("chain", "draw", dim), values)}, coords={**coords, dim: ["A", "B", "C"]}
        )
    return az.InferenceData(posterior=post)


def test_group_summary_common_and_group_terms():
    rng = np.random.default_rng(0)
    common = group_summary(_idata(rng, group_term=False), "county")
    assert list(common.index) == ["A", "B", "C"]
    assert list(common.columns) == ["mean", "sd"]
    assert np.allclose(common["mean"], [1, 2, 3], atol=0.05)
    grouped = group_summary(_idata(rng, group_term=True), "1|county")
    assert np.allclose(grouped["mean"], [1, 2, 3], atol=0.05)  # Intercept + u_j
    assert (grouped["sd"] > 0).all()


def test_group_summary_errors():
    rng = np.random.default_rng(1)
    idata = _idata(rng, group_term=True)
    with pytest.raises(ValueError, match="no está en el posterior"):
        group_summary(idata, "1|tank")
    with pytest.raises(ValueError, match="una sola dimensión de grupo"):
        group_summary(idata, "Intercept")
    with pytest.raises(ValueError, match="intercept="):
        group_summary(idata, "1|county", intercept="mu")
    with pytest.raises(TypeError, match="InferenceData"):
        group_summary(object(), "county")
