"""Constructores del radón: pruebas rápidas (sin muestrear) y ajustes cortos (slow)."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest

from jerarquicos.data import load_dataset
from jerarquicos.models import radon


@pytest.fixture(scope="module")
def radon_df():
    return load_dataset("radon")


def _mu(model):
    return model.components["mu"]


# --------------------------------------------------------------------------- rápidas


def test_complete_pooling(radon_df):
    m = radon.complete_pooling_model(radon_df)
    assert str(m.formula.main) == "log_radon ~ 1"
    assert m.family.name == "gaussian"
    assert _mu(m).intercept_term is not None
    assert not _mu(m).common_terms and not _mu(m).group_specific_terms


def test_no_pooling_has_85_county_coefficients(radon_df):
    m = radon.no_pooling_model(radon_df)
    assert _mu(m).intercept_term is None
    term = _mu(m).common_terms["county"]
    assert term.categorical and term.data.shape == (919, 85)


def test_integer_county_codes_still_give_85_coefficients(radon_df):
    codes = radon_df.assign(county=pd.factorize(radon_df["county"])[0] + 1)
    assert codes["county"].dtype == "int64"
    m = radon.no_pooling_model(codes)
    term = _mu(m).common_terms["county"]
    assert term.categorical and term.data.shape == (919, 85)
    m.build()
    assert len(m.backend.model.coords["county_dim"]) == 85
    # el constructor no modifica los datos del usuario
    assert codes["county"].dtype == "int64"


def test_fixed_prior_uses_variance_parametrisation(radon_df):
    m = radon.fixed_prior_model(radon_df, prior_mean=1.5, prior_variance=10.0)
    prior = _mu(m).common_terms["county"].prior
    assert prior.name == "Normal"
    assert float(prior.args["mu"]) == 1.5
    assert math.isclose(float(prior.args["sigma"]), math.sqrt(10.0))
    assert _mu(m).intercept_term is None and not _mu(m).group_specific_terms
    # la media no nula llega al grafo de PyMC (no hay término de grupo no centrado)
    m.build()
    county_rv = m.backend.model["county"]
    mu_param = county_rv.owner.inputs[-2].eval()
    assert np.allclose(mu_param, 1.5)


@pytest.mark.parametrize("bad", [0, -1, float("nan"), "diez"])
def test_fixed_prior_rejects_bad_variance(radon_df, bad):
    with pytest.raises(ValueError, match="prior_variance"):
        radon.fixed_prior_model(radon_df, prior_variance=bad)


def test_varying_intercepts(radon_df):
    m = radon.varying_intercepts_model(radon_df)
    assert _mu(m).intercept_term is not None
    group = _mu(m).group_specific_terms["1|county"]
    assert len(group.groups) == 85
    assert float(group.prior.args["mu"]) == 0.0


def test_floor_model(radon_df):
    m = radon.floor_model(radon_df)
    assert list(_mu(m).common_terms) == ["floor"]
    assert not _mu(m).common_terms["floor"].categorical
    assert list(_mu(m).group_specific_terms) == ["1|county"]


def test_input_validation(radon_df):
    with pytest.raises(ValueError, match="columnas"):
        radon.varying_intercepts_model(radon_df.drop(columns="floor"))
    with pytest.raises(ValueError, match="floor"):
        radon.floor_model(radon_df.assign(floor=2))
    with pytest.raises(TypeError, match="DataFrame"):
        radon.complete_pooling_model(radon_df.to_dict())
    with pytest.raises(TypeError, match="priors"):
        radon.complete_pooling_model(radon_df, priors=[1, 2])


# --------------------------------------------------------------------------- lentas


@pytest.fixture(scope="module")
def varying_fit(radon_df):
    from jerarquicos.models.fitting import fit

    model = radon.varying_intercepts_model(radon_df)
    idata = fit(model, draws=1000, tune=500, chains=2, random_seed=20240611)
    return model, idata


@pytest.mark.slow
def test_varying_intercepts_fit_shrinks_small_counties_more(radon_df, varying_fit):
    from jerarquicos.models.fitting import check_convergence

    _, idata = varying_fit
    table = check_convergence(idata, var_names=["Intercept", "1|county_sigma", "sigma"])
    assert (table["r_hat"] < 1.01).all()
    post = idata.posterior
    assert "sigma_log__" not in post  # fit() quita las variables transformadas de nutpie

    grand = float(post["Intercept"].mean())
    county_means = (post["Intercept"] + post["1|county"]).mean(("chain", "draw"))
    county_means = county_means.to_series()
    stats = radon_df.groupby("county")["log_radon"].agg(["mean", "size"])
    stats["posterior"] = county_means.reindex(stats.index.astype(str)).to_numpy()
    # fracción conservada de la distancia a la media global: n / (n + σ²/σ_α²) en teoría
    far = (stats["mean"] - grand).abs() > 0.3
    kept = ((stats["posterior"] - grand) / (stats["mean"] - grand))[far]
    assert kept.between(0.0, 1.0).all()
    rho = pd.Series(kept.to_numpy()).corr(
        pd.Series(stats.loc[far, "size"].to_numpy()), method="spearman"
    )
    assert rho > 0.8
    # los condados con 1 o 2 casas conservan menos que los de 20 o más
    small = kept[stats.loc[far, "size"] <= 2].mean()
    large = kept[stats.loc[far, "size"] >= 20].mean()
    assert small < 0.5 < large


@pytest.mark.slow
def test_new_county_predictive_is_wider(varying_fit):
    from jerarquicos.models.radon import predict_radon_county, predict_radon_new_county

    _, idata = varying_fit
    new = predict_radon_new_county(idata, n_new_groups=2, random_seed=1)
    old = predict_radon_county(idata, "HENNEPIN", random_seed=1)
    assert new["mu"].dims == ("chain", "draw", "new_group")
    assert float(new["mu"].std()) > 3 * float(old["mu"].std())
    assert float(new["log_radon"].std()) > float(old["log_radon"].std())
    # grupos nuevos independientes entre sí
    a, b = (new["mu"].isel(new_group=i).to_numpy().ravel() for i in range(2))
    assert abs(np.corrcoef(a, b)[0, 1]) < 0.2
    # la sd del efecto nuevo coincide con E[σ_county] aproximadamente
    sigma = float(idata.posterior["1|county_sigma"].mean())
    spread = float((new["mu"] - idata.posterior["Intercept"]).std())
    assert abs(spread - sigma) < 0.15 * sigma


@pytest.mark.slow
def test_bambi_sample_new_groups_reuses_existing_groups(radon_df, varying_fit):
    """Documenta lo que hace Bambi 0.17.2 (ver jerarquicos.models.groups)."""
    from jerarquicos.models.fitting import ignore_pandas4_in_bambi

    model, idata = varying_fit
    new = pd.DataFrame({"county": ["NUEVO_A", "NUEVO_B"], "floor": [0, 0], "log_radon": [0.0, 0.0]})
    with ignore_pandas4_in_bambi():
        pred = model.predict(
            idata,
            data=new,
            kind="response_params",
            sample_new_groups=True,
            inplace=False,
            random_seed=3,
        )
    mu = pred.posterior["mu"].to_numpy()  # (chain, draw, 2)
    # los dos condados nuevos reciben exactamente las mismas extracciones
    assert np.array_equal(mu[..., 0], mu[..., 1])
    # y cada extracción es la de algún condado existente en esa misma extracción
    existing = (idata.posterior["Intercept"] + idata.posterior["1|county"]).to_numpy()
    matches = np.isclose(existing, mu[..., :1]).any(axis=-1)
    assert matches.all()
