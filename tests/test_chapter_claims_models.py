"""Afirmaciones de los capítulos «Radón» y «Renacuajos», comprobadas con los mismos ajustes.

Cada prueba lenta usa los mismos constructores, la misma función ``fit`` con la misma
semilla y el mismo número de extracciones que el capítulo (``book/radon.md``,
``book/renacuajos.md``), así que verifica las mismas cifras que el texto pega con
``glue``. Las holguras cubren el error Monte Carlo (y las diferencias de redondeo si
se cambia de máquina), no cambios de conclusión.

Las pruebas de ``tests/test_models_radon.py`` y ``tests/test_models_tadpoles.py``
comprueban los constructores y otras propiedades generales; aquí están sólo las
afirmaciones del texto de los capítulos.
"""

from __future__ import annotations

import warnings

import numpy as np
import pandas as pd
import pytest
from scipy.special import expit
from scipy.stats import spearmanr

from jerarquicos.datasets import load_dataset
from jerarquicos.models import radon, tadpoles
from jerarquicos.plots_pooling import group_summary

RADON_SEED = 20260401  # RANDOM_SEED de book/radon.md
FROGS_SEED = 20260402  # RANDOM_SEED de book/renacuajos.md
DRAWS = 2000
SWEEP = (0.01, 0.1, 10.0, 1000.0)  # subconjunto de las cinco varianzas del capítulo
PANEL = [
    "LAC QUI PARLE",
    "AITKIN",
    "KOOCHICHING",
    "DOUGLAS",
    "CLAY",
    "STEARNS",
    "RAMSEY",
    "ST LOUIS",
]


def _fit(model, seed):
    from jerarquicos.fitting import check_convergence, fit

    idata = fit(model, draws=DRAWS, random_seed=seed)
    check_convergence(idata)
    return idata


# --------------------------------------------------------------------------- datos


@pytest.fixture(scope="module")
def radon_df():
    return radon.prepare_radon(load_dataset("radon"))


@pytest.fixture(scope="module")
def county_stats(radon_df):
    stats = radon_df.groupby("county", observed=True)["log_radon"].agg(["mean", "size"])
    stats.index = stats.index.astype(str)
    return stats


@pytest.fixture(scope="module")
def frogs():
    return tadpoles.prepare_tadpoles(load_dataset("reedfrogs"))


# --------------------------------------------------------------------------- rápidas


def test_integer_codes_give_a_single_slope_in_raw_bambi(radon_df):
    """«con códigos enteros, `0 + county` ajustaría una única pendiente»."""
    import bambi as bmb

    from jerarquicos.fitting import ignore_pandas4_in_bambi

    codes = radon_df.assign(county=pd.factorize(radon_df["county"])[0] + 1)
    with ignore_pandas4_in_bambi():
        trap = bmb.Model("log_radon ~ 0 + county", codes)
    term = trap.components["mu"].common_terms["county"]
    assert not term.categorical
    assert np.atleast_2d(term.data.T).shape[0] == 1
    ok = radon.no_pooling_model(codes).components["mu"].common_terms["county"]
    assert ok.data.shape[1] == 85


def test_radon_counties_are_very_unbalanced(county_stats):
    """«la mitad de los condados tiene 5 casas o menos … el más medido tiene 116»."""
    n = county_stats["size"]
    assert len(county_stats) == 85 and n.sum() == 919
    assert n.median() <= 5 and n.max() > 100 and n.min() == 1


def test_predators_split_tanks_in_two_groups(frogs):
    """«los tanques reales se parten en dos grupos … la diferencia la marcan los depredadores»."""
    by_pred = frogs.groupby("pred", observed=True)["propsurv"].mean()
    assert by_pred["no"] - by_pred["pred"] > 0.3
    big = frogs[frogs["density"] == 35]["propsurv"]
    intermediate = big.between(0.5, 0.85, inclusive="neither")
    assert intermediate.sum() <= 2  # «hay pocos intermedios»
    assert len(frogs) == 48
    assert frogs["density"].value_counts().to_dict() == {10: 16, 25: 16, 35: 16}


# --------------------------------------------------------------------------- ajustes del radón


@pytest.fixture(scope="module")
def unpooled(radon_df, county_stats):
    idata = _fit(radon.no_pooling_model(radon_df), RADON_SEED)
    return group_summary(idata, "county").reindex(county_stats.index)


@pytest.fixture(scope="module")
def sweep(radon_df, county_stats):
    estimates = {}
    for variance in SWEEP:
        idata = _fit(radon.fixed_prior_model(radon_df, prior_variance=variance), RADON_SEED)
        estimates[variance] = group_summary(idata, "county")["mean"]
    return pd.DataFrame(estimates).reindex(county_stats.index)


@pytest.fixture(scope="module")
def varying_fit(radon_df):
    return _fit(radon.varying_intercepts_model(radon_df), RADON_SEED)


@pytest.fixture(scope="module")
def floor_fit(radon_df):
    return _fit(radon.floor_model(radon_df), RADON_SEED)


@pytest.mark.slow
def test_no_pooling_is_the_dummy_estimate_and_small_counties_scatter(unpooled, county_stats):
    """«difieren de los promedios … en como mucho 0.02» y «los chicos se dispersan más»."""
    assert (unpooled["mean"] - county_stats["mean"]).abs().max() < 0.05
    n = county_stats["size"]
    small = unpooled.loc[n <= 5, "mean"].std(ddof=0)
    large = unpooled.loc[n > 20, "mean"].std(ddof=0)
    assert small > 2 * large
    # el más alto es un condado con 2 casas
    assert n[unpooled["mean"].idxmax()] <= 2


@pytest.mark.slow
def test_fixed_prior_sweep(sweep, unpooled, county_stats):
    """Más varianza → más dispersión, hasta la del modelo sin pooling; menos → todo a 0."""
    spread = sweep.std(ddof=0)
    assert spread.is_monotonic_increasing
    np_spread = unpooled["mean"].std(ddof=0)
    assert abs(spread[1000.0] - np_spread) < 0.01
    # con la varianza 10 la regularización es casi imperceptible
    assert sweep[10.0].sub(unpooled["mean"]).abs().mean() < 0.05
    # con 0.01 todos quedan cerca de 0, el centro elegido, no de la media de los datos
    assert spread[0.01] < 0.15
    assert abs(sweep[0.01].mean()) < 0.2
    assert county_stats["mean"].mean() > 1.0
    # los condados con pocas casas caen primero hacia 0
    kept = sweep[0.1] / unpooled["mean"]
    assert spearmanr(county_stats["size"], kept).statistic > 0.8
    # ejercicio: con 0.01, un condado con una o dos casas queda casi en 0, y los datos
    # mueven más a los condados grandes
    n = county_stats["size"]
    assert sweep.loc[n <= 2, 0.01].abs().max() < 0.1
    assert spearmanr(n, sweep[0.01] / unpooled["mean"]).statistic > 0.8


@pytest.mark.slow
def test_varying_intercepts_agree_with_mixedlm(radon_df, varying_fit, county_stats):
    """«los hiperparámetros difieren en < 0.01 y las medias de condado en < 0.02»."""
    import statsmodels.formula.api as smf

    post = varying_fit.posterior
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # el ajuste REML converge sin avisos
        mixed = smf.mixedlm("log_radon ~ 1", radon_df, groups="county").fit(reml=True)
    effects = pd.Series({str(k): v.iloc[0] for k, v in mixed.random_effects.items()})
    mixed_alpha = (mixed.fe_params["Intercept"] + effects).reindex(county_stats.index)
    bambi_alpha = group_summary(varying_fit, "1|county").reindex(county_stats.index)["mean"]
    assert (bambi_alpha - mixed_alpha).abs().max() < 0.03

    sigma_alpha = post["1|county_sigma"].to_numpy().ravel()
    reml = {
        "mu": mixed.fe_params["Intercept"],
        "sigma_alpha": float(np.sqrt(mixed.cov_re.iloc[0, 0])),
        "sigma": float(np.sqrt(mixed.scale)),
    }
    assert abs(float(post["Intercept"].mean()) - reml["mu"]) < 0.02
    assert abs(sigma_alpha.mean() - reml["sigma_alpha"]) < 0.02
    assert abs(float(post["sigma"].mean()) - reml["sigma"]) < 0.02
    # «la media a posteriori de σ_α es algo mayor que REML: la posterior es asimétrica»
    assert sigma_alpha.mean() > reml["sigma_alpha"]
    assert sigma_alpha.mean() > np.median(sigma_alpha)


@pytest.mark.slow
def test_small_counties_keep_less_of_their_distance(varying_fit, unpooled, county_stats):
    """Fracción conservada creciente con n_j y pegada a w_j = n_j / (n_j + σ²/σ_α²)."""
    post = varying_fit.posterior
    mu = float(post["Intercept"].mean())
    ratio = float(post["sigma"].mean()) ** 2 / float(post["1|county_sigma"].mean()) ** 2
    varying = group_summary(varying_fit, "1|county").reindex(county_stats.index)["mean"]
    n = county_stats["size"]
    distance = county_stats["mean"] - mu
    far = distance.abs() > 0.2
    kept = ((varying - mu) / distance)[far]
    assert kept.between(0, 1).all()
    assert spearmanr(n[far], kept).statistic > 0.9
    assert kept[n[far] <= 2].median() < 0.35
    assert kept[n[far] >= 20].median() > 0.8
    weight = n / (n + ratio)
    assert (kept - weight[far]).abs().max() < 0.05  # «siguen la curva casi exactamente»
    # ejercicio: la fórmula con las medias a posteriori reproduce a Bambi
    closed = weight * county_stats["mean"] + (1 - weight) * mu
    assert (closed - varying).abs().max() < 0.03
    # la dispersión multinivel queda entre 0 (pooling completo) y la de sin pooling
    assert 0 < varying.std(ddof=0) < 0.6 * unpooled["mean"].std(ddof=0)


@pytest.mark.slow
def test_floor_model_and_county_panel(radon_df, floor_fit, varying_fit, county_stats):
    """β < 0, σ baja con el piso, y la recta multinivel queda entre las otras dos."""
    import statsmodels.formula.api as smf

    post = floor_fit.posterior
    beta = post["floor"].to_numpy().ravel()
    assert np.quantile(beta, 0.97) < 0
    assert 40 < 100 * np.exp(beta.mean()) < 60  # «alrededor de la mitad»
    assert float(post["sigma"].mean()) < float(varying_fit.posterior["sigma"].mean())

    pooled = smf.ols("log_radon ~ floor", data=radon_df).fit().params["Intercept"]
    unpooled = smf.ols("log_radon ~ 0 + C(county) + floor", data=radon_df).fit().params
    alpha = group_summary(floor_fit, "1|county")["mean"]
    kept = pd.Series(
        {c: (alpha[c] - pooled) / (unpooled[f"C(county)[{c}]"] - pooled) for c in PANEL}
    )
    assert kept.between(0, 1).all()
    n = county_stats["size"]
    assert kept[n[PANEL] >= 25].min() > kept[n[PANEL] <= 4].max()


# --------------------------------------------------------------------------- renacuajos


@pytest.fixture(scope="module")
def frogs_fit(frogs):
    return _fit(tadpoles.varying_intercepts_model(frogs), FROGS_SEED)


@pytest.fixture(scope="module")
def frogs_estimates(frogs, frogs_fit):
    post = frogs_fit.posterior
    p = expit(post["Intercept"] + post["1|tank"])
    table = frogs[["tank", "density", "surv"]].copy()
    labels = [int(v) for v in p["tank__factor_dim"].to_numpy()]
    mean = pd.Series(p.mean(("chain", "draw")).to_numpy(), index=labels)
    table["p_ml"] = frogs["surv"] / frogs["density"]
    table["p_multilevel"] = mean.reindex(frogs["tank"].astype(int)).to_numpy()
    return table, float(expit(float(post["Intercept"].mean()))), p


@pytest.mark.slow
def test_every_tank_lies_between_its_proportion_and_the_population(frogs_estimates):
    """«cada estimación queda entre la proporción observada y la media de la población».

    Se admiten 3 errores Monte Carlo de la media de p_i. Con la semilla del capítulo
    los 48 tanques quedan estrictamente dentro; la prueba exige al menos 46 sin holgura.
    """
    import arviz as az

    table, population, p = frogs_estimates
    mcse = az.mcse(p.to_dataset(name="p"), method="mean")["p"].to_numpy()
    labels = [int(v) for v in p["tank__factor_dim"].to_numpy()]
    mcse = pd.Series(mcse, index=labels).reindex(table["tank"].astype(int)).to_numpy()
    low = np.minimum(table["p_ml"], population)
    high = np.maximum(table["p_ml"], population)
    est = table["p_multilevel"]
    assert np.all(est >= low - 3 * mcse) and np.all(est <= high + 3 * mcse)
    assert ((est >= low) & (est <= high)).sum() >= 46


@pytest.mark.slow
def test_small_tanks_shrink_more(frogs_estimates):
    """«los tanques de 10 recorren más distancia hacia la media que los de 25 y 35»."""
    table, population, _ = frogs_estimates
    moved = (table["p_multilevel"] - table["p_ml"]) / (population - table["p_ml"])
    far = (table["p_ml"] - population).abs() > 0.05
    by_density = moved[far].groupby(table.loc[far, "density"]).mean()
    assert by_density[10] > by_density[25] > by_density[35]
    assert by_density[10] > 2 * by_density[35]


@pytest.mark.slow
def test_no_survival_is_certain_and_tanks_differ(frogs, frogs_estimates, frogs_fit):
    """«ningún tanque queda en 1» y «los tanques son muy distintos entre sí»."""
    table, _, _ = frogs_estimates
    all_survived = table["surv"] == frogs["density"]
    assert all_survived.sum() == 5
    assert table.loc[all_survived, "p_multilevel"].max() < 0.99
    post = frogs_fit.posterior
    mu = float(post["Intercept"].mean())
    sigma = float(post["1|tank_sigma"].mean())
    assert sigma > 1.0
    assert expit(mu - 2 * sigma) < 0.2 and expit(mu + 2 * sigma) > 0.95


@pytest.mark.slow
def test_new_tank_predictive_has_lighter_tails_than_the_data(frogs, frogs_fit):
    """Ejercicio: las dos colas son más frecuentes en los tanques de 35 que en la predictiva."""
    from jerarquicos.predictive import predict_tadpoles_new_tank

    new = predict_tadpoles_new_tank(frogs_fit, density=35, random_seed=FROGS_SEED)
    prob_low = float((new["p"] < 0.5).mean())
    prob_30 = float((new["surv"] >= 30).mean())
    big = frogs[frogs["density"] == 35]
    seen_low = float((big["surv"] / big["density"] < 0.5).mean())
    seen_30 = float((big["surv"] >= 30).mean())
    assert 0.1 < prob_low < seen_low
    assert 0.25 < prob_30 < seen_30
