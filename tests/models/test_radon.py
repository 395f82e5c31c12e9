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


def test_fixed_prior_is_pymc_with_the_prior_sd_as_data(radon_df):
    import pymc as pm

    m = radon.fixed_prior_model(radon_df, prior_mean=1.5, prior_variance=10.0)
    assert isinstance(m, pm.Model)
    assert {v.name for v in m.data_vars} == {radon.PRIOR_SD}
    # el libro escribe N(m, v) con la varianza; PyMC recibe la desviación típica
    assert math.isclose(float(m[radon.PRIOR_SD].get_value()), math.sqrt(10.0))
    assert [v.name for v in m.free_RVs] == [radon.COUNTY, radon.SIGMA]
    assert list(m.coords[radon.COUNTY_DIM]) == sorted(radon_df["county"].unique())
    county_rv = m[radon.COUNTY]
    mu_param, sigma_param = county_rv.owner.inputs[-2:]
    assert np.allclose(mu_param.eval(), 1.5)
    assert np.allclose(sigma_param.eval(), math.sqrt(10.0))


def test_fixed_prior_sigma_prior_is_bambis_default(radon_df):
    m = radon.fixed_prior_model(radon_df)
    bambi_sigma = radon.no_pooling_model(radon_df).components["sigma"].prior
    assert bambi_sigma.name == "HalfStudentT"
    scale = m[radon.SIGMA].owner.inputs[-1].eval()
    assert math.isclose(float(scale), float(bambi_sigma.args["sigma"]), rel_tol=1e-3)


@pytest.mark.parametrize("bad", [0, -1, float("nan"), float("inf")])
def test_fixed_prior_rejects_bad_variance(radon_df, bad):
    with pytest.raises(ValueError, match="prior_variance"):
        radon.fixed_prior_model(radon_df, prior_variance=bad)


def test_fixed_prior_rejects_non_numbers(radon_df):
    with pytest.raises(TypeError, match="prior_variance"):
        radon.fixed_prior_model(radon_df, prior_variance="diez")
    with pytest.raises(ValueError, match="prior_mean"):
        radon.fixed_prior_model(radon_df, prior_mean=float("nan"))


def test_prior_sd_converts_variances():
    assert np.allclose(radon.prior_sd([0.01, 1.0, 10.0]), [0.1, 1.0, math.sqrt(10.0)])
    with pytest.raises(ValueError, match="variances"):
        radon.prior_sd([1.0, 0.0])
    with pytest.raises(TypeError, match="variances"):
        radon.prior_sd(["uno"])


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


def test_uranium_model_adds_a_county_level_predictor(radon_df):
    m = radon.uranium_model(radon_df)
    assert str(m.formula.main) == radon.URANIUM
    assert list(_mu(m).common_terms) == [radon.FLOOR_TERM, radon.URANIUM_TERM]
    assert list(_mu(m).group_specific_terms) == [radon.COUNTY_TERM]


def test_county_uranium_is_one_value_per_county(radon_df):
    uranium = radon.county_uranium(radon_df)
    assert len(uranium) == 85 and uranium.name == radon.URANIUM_TERM
    first = radon_df.groupby("county")["log_uranium"].first()
    assert np.allclose(uranium.reindex(first.index), first)
    broken = radon_df.copy()
    broken.loc[broken.index[0], "log_uranium"] += 1.0
    with pytest.raises(ValueError, match="cambia dentro"):
        radon.uranium_model(broken)
    with pytest.raises(ValueError, match="columnas"):
        radon.uranium_model(radon_df.drop(columns="log_uranium"))
    with pytest.raises(ValueError, match="ausentes"):
        radon.county_uranium(radon_df.assign(log_uranium=np.nan))


def test_varying_slopes_model_has_intercept_and_floor_by_county(radon_df):
    m = radon.varying_slopes_model(radon_df)
    assert str(m.formula.main) == radon.VARYING_SLOPES
    assert list(_mu(m).common_terms) == [radon.FLOOR_TERM]
    assert set(_mu(m).group_specific_terms) == {radon.COUNTY_TERM, radon.SLOPE_TERM}


# ------------------------------------------------------------- con el muestreador simulado


@pytest.fixture
def mock_pymc_sample():
    """pm.sample simulado (extracciones de la previa): prueba la estructura sin MCMC."""
    from pymc.testing import mock_sample_setup_and_teardown

    yield from mock_sample_setup_and_teardown()


EXPECTED_POSTERIOR = {
    "complete_pooling_model": {radon.INTERCEPT: (), radon.SIGMA: ()},
    "fixed_prior_model": {radon.COUNTY: (radon.COUNTY_DIM,), radon.SIGMA: ()},
    "varying_intercepts_model": {
        radon.INTERCEPT: (),
        radon.COUNTY_SIGMA: (),
        radon.COUNTY_TERM: ("county__factor_dim",),
        radon.SIGMA: (),
    },
    "floor_model": {
        radon.INTERCEPT: (),
        radon.FLOOR_TERM: (),
        radon.COUNTY_SIGMA: (),
        radon.COUNTY_TERM: ("county__factor_dim",),
        radon.SIGMA: (),
    },
    "uranium_model": {
        radon.INTERCEPT: (),
        radon.FLOOR_TERM: (),
        radon.URANIUM_TERM: (),
        radon.COUNTY_SIGMA: (),
        radon.COUNTY_TERM: ("county__factor_dim",),
        radon.SIGMA: (),
    },
    "varying_slopes_model": {
        radon.INTERCEPT: (),
        radon.FLOOR_TERM: (),
        radon.COUNTY_SIGMA: (),
        radon.COUNTY_TERM: ("county__factor_dim",),
        radon.SLOPE_SIGMA: (),
        radon.SLOPE_TERM: ("county__factor_dim",),
        radon.SIGMA: (),
    },
}


@pytest.mark.parametrize("name", sorted(EXPECTED_POSTERIOR))
def test_posterior_names_live_in_the_module(radon_df, mock_pymc_sample, name):
    from jerarquicos.models.fitting import fit

    idata = fit(getattr(radon, name)(radon_df), sampler="pymc", draws=7, random_seed=1)
    posterior = idata.posterior
    expected = EXPECTED_POSTERIOR[name]
    assert set(posterior.data_vars) == set(expected)
    for var, dims in expected.items():
        assert posterior[var].dims == ("chain", "draw", *dims), var
        for dim in dims:
            assert posterior.sizes[dim] == 85
    assert posterior.sizes["draw"] == 7


def test_group_summary_reads_the_fixed_prior_posterior(radon_df, mock_pymc_sample):
    from jerarquicos.models.fitting import fit
    from jerarquicos.models.groups import group_summary

    idata = fit(radon.fixed_prior_model(radon_df), sampler="pymc", draws=7, random_seed=1)
    table = group_summary(idata, radon.COUNTY)
    assert list(table.columns) == ["mean", "sd"] and len(table) == 85
    assert "AITKIN" in table.index


# --------------------------------------------------------------------------- lentas


@pytest.fixture(scope="module")
def varying_fit(radon_df):
    from jerarquicos.models.fitting import fit

    model = radon.varying_intercepts_model(radon_df)
    idata = fit(model, draws=1000, tune=500, chains=2, random_seed=20240611)
    return model, idata


@pytest.mark.slow
def test_varying_intercepts_fit_shrinks_small_counties_more(radon_df, varying_fit):
    from jerarquicos.models.convergence import check_convergence

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


@pytest.mark.slow
def test_fit_sweep_compiles_once_and_changes_the_prior(radon_df):
    from jerarquicos.models.convergence import check_convergence
    from jerarquicos.models.fitting import fit_sweep
    from jerarquicos.models.groups import group_summary

    variances = [0.01, 1000.0]
    fits = fit_sweep(
        radon.fixed_prior_model(radon_df),
        radon.PRIOR_SD,
        radon.prior_sd(variances),
        draws=2000,
        random_seed=5,
    )
    assert len(fits) == 2
    for idata, variance in zip(fits, variances, strict=True):
        check_convergence(idata)
        assert math.isclose(idata.posterior.attrs["jerarquicos_prior_sd"], math.sqrt(variance))
    tight, loose = (group_summary(f, radon.COUNTY)["mean"] for f in fits)
    # con varianza 0.01 todos los condados se juntan cerca del 0; con 1000, no
    assert tight.std() < 0.15 < loose.std()
    assert abs(tight.mean()) < 0.3 < loose.mean()
    # la primera lleva la compilación; la segunda sólo muestrea
    assert fits[1].posterior.attrs["wall_time_s"] < fits[0].posterior.attrs["wall_time_s"]
