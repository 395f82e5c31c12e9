"""Corredores de la Cherry Blossom Ten Mile: pendientes variables por corredor.

Datos: ``load_dataset("cherry_blossom_sample")`` (Johnson, Ott y Dogucu 2022,
cap. 17). Dos versiones del mismo modelo de tiempos ``net`` según la edad:

* :func:`varying_slopes_model` — Bambi,
  ``net ~ 1 + age_c + (1 + age_c | runner)``. Bambi 0.17 NO modela la
  correlación entre intercepto y pendiente de un mismo corredor: sus dos
  efectos de grupo tienen previas independientes.
* :func:`correlated_varying_slopes_model` — PyMC, el modelo de la clase con
  ``[α_j, β_j] ~ MvNormal([μ_α, μ_β], Σ)`` y previa LKJ sobre la correlación.

En ambos la edad va CENTRADA (``age_c``): con la edad cruda el intercepto es
el tiempo a los 0 años, muy correlacionado con la pendiente, y el muestreo no
converge (el capítulo de corredores lo muestra: decenas de transiciones
divergentes, r̂ lejos de 1 y ESS de un dígito).
"""

from __future__ import annotations

import math
from collections.abc import Mapping

import numpy as np
import pandas as pd

from ._data import as_categorical, require_frame
from ._warnings import ignore_pandas4_in_bambi
from .groups import posterior_group

__all__ = [
    "correlated_varying_slopes_model",
    "correlation_summary",
    "no_pooling_lines",
    "population_line",
    "posterior_lines",
    "prepare_runners",
    "varying_slopes_model",
]

#: Nombres de las variables de los dos modelos (Bambi los deriva de la fórmula;
#: el modelo de PyMC los fija aquí).
INTERCEPT = "Intercept"
AGE = "age_c"
RUNNER = "runner"
RUNNER_INTERCEPT = "1|runner"
RUNNER_SLOPE = "age_c|runner"
MU = "mu"
EFFECT = "effect"
RUNNER_EFFECTS = "runner_effects"
SIGMA_RUNNER = "sigma_runner"
RHO = "rho"

VARYING_SLOPES = "net ~ 1 + age_c + (1 + age_c | runner)"


def prepare_runners(data: pd.DataFrame, *, age_center: float | None = None) -> pd.DataFrame:
    """Limpia los datos de corredores para los modelos.

    Elimina las filas sin ``net`` (67 de las 252 de ``cherry_blossom_sample``,
    quedan 185 de los 36 corredores), convierte ``runner`` a categórica y añade
    la edad centrada ``age_c = age - age_center``.

    Parameters
    ----------
    data : pandas.DataFrame
        Con columnas ``runner``, ``age`` y ``net``.
    age_center : float, optional
        Edad de referencia. Por omisión la media de ``age`` en las filas que
        se conservan (≈ 55.0 años en ``cherry_blossom_sample``).

    Returns
    -------
    pandas.DataFrame
        Copia limpia, con índice 0..n-1. ``df.attrs["n_dropped"]`` guarda el
        número de filas eliminadas y ``df.attrs["age_center"]`` la edad de
        referencia usada.

    Raises
    ------
    TypeError, ValueError
        Si faltan columnas, ``age_center`` no es finito o no queda ninguna fila.
    """
    df = require_frame(data, ["runner", "age", "net"])
    keep = df["net"].notna()
    n_dropped = int((~keep).sum())
    df = df.loc[keep].reset_index(drop=True)
    if len(df) == 0:
        raise ValueError(
            "El argumento data no tiene ninguna fila con 'net' observado: se requiere al menos una."
        )
    if df["age"].isna().any() or df["runner"].isna().any():
        raise ValueError(
            "Las columnas data['age'] y data['runner'] tienen valores ausentes en filas con "
            "'net': se admiten sólo valores completos."
        )
    if age_center is None:
        center = float(df["age"].mean())
    else:
        try:
            center = float(age_center)
        except (TypeError, ValueError):
            center = float("nan")
        if not math.isfinite(center):
            raise ValueError(
                f"El argumento age_center={age_center!r} no es válido: se admite un número "
                "finito o None (media de la edad)."
            )
    df["age"] = df["age"].astype("float64")
    df["age_c"] = df["age"] - center
    df["runner"] = as_categorical(df["runner"])
    df.attrs["n_dropped"] = n_dropped
    df.attrs["age_center"] = center
    return df


def varying_slopes_model(
    data: pd.DataFrame,
    *,
    age_center: float | None = None,
    priors: Mapping | None = None,
):
    """Modelo de Bambi con intercepto y pendiente de edad variables por corredor.

    ``net_ij ~ N(μ_α + a_j + (μ_β + b_j)·age_c_ij, σ²)`` con
    ``a_j ~ N(0, σ_α²)`` y ``b_j ~ N(0, σ_β²)`` INDEPENDIENTES (Bambi 0.17 no
    tiene efectos de grupo correlacionados; para eso vea
    :func:`correlated_varying_slopes_model`).

    Parameters
    ----------
    data : pandas.DataFrame
        Datos crudos o ya preparados; siempre se pasan por
        :func:`prepare_runners` (se eliminan las filas sin ``net`` y se centra
        la edad).
    age_center : float, optional
        Edad de referencia para centrar (por omisión, la media).
    priors : dict, optional
        Previas de Bambi (``"Intercept"``, ``"age_c"``, ``"1|runner"``,
        ``"age_c|runner"``, ``"sigma"``); por omisión las automáticas de Bambi.

    Returns
    -------
    bambi.Model
        Modelo sin ajustar; ``model.data.attrs`` conserva ``n_dropped`` y
        ``age_center``.

    Notes
    -----
    Con 2 cadenas y ``draws=1000`` el intercepto común mezcla lento (r̂ ≈ 1.015
    en la parametrización no centrada de Bambi); con ``draws=3000`` pasó
    :func:`jerarquicos.models.fitting.check_convergence` sin divergencias (nutpie
    tarda ~3 s en muestrear; casi todo el tiempo es compilación).
    """
    import bambi as bmb

    if priors is not None and not isinstance(priors, Mapping):
        raise TypeError(
            f"El argumento priors es de tipo {type(priors).__name__}: se admite un dict "
            "{término: bambi.Prior} o None."
        )
    df = prepare_runners(data, age_center=age_center)
    with ignore_pandas4_in_bambi():
        return bmb.Model(VARYING_SLOPES, df, priors=dict(priors or {}))


def _normal_prior(value, argument: str) -> tuple[float, float]:
    try:
        mean, sd = (float(v) for v in value)
    except (TypeError, ValueError):
        mean, sd = float("nan"), float("nan")
    if not (math.isfinite(mean) and math.isfinite(sd) and sd > 0):
        raise ValueError(
            f"El argumento {argument}={value!r} no es válido: se admite un par (media, "
            "desviación típica) con desviación típica positiva."
        )
    return mean, sd


def correlated_varying_slopes_model(
    data: pd.DataFrame,
    *,
    age_center: float | None = None,
    intercept_prior: tuple[float, float] = (100.0, 10.0),
    slope_prior: tuple[float, float] = (2.5, 1.0),
    group_sd_scales: tuple[float, float] | None = None,
    sigma_scale: float | None = None,
    lkj_eta: float = 1.0,
    centered: bool = False,
):
    """Modelo de la clase con efectos de corredor correlacionados, en PyMC.

    .. math::

        net_{ij} &\\sim N(α_j + β_j \\, age\\_c_{ij}, σ^2) \\\\
        [α_j, β_j]^T &\\sim \\mathrm{MvNormal}([μ_α, μ_β]^T, Σ), \\quad
        Σ = \\mathrm{diag}(σ_α, σ_β) \\, R \\, \\mathrm{diag}(σ_α, σ_β) \\\\
        R &\\sim \\mathrm{LKJ}(η), \\quad σ_α, σ_β \\sim \\mathrm{Exponencial}, \\quad
        σ \\sim \\mathrm{Exponencial}

    Se usa ``pm.LKJCholeskyCov`` (factor de Cholesky L de Σ, con ``sd_dist``
    para σ_α y σ_β) y, por omisión, la parametrización NO centrada:
    ``[α_j, β_j] = [μ_α, μ_β] + L z_j`` con ``z_j ~ N(0, I)``.

    Parameters
    ----------
    data : pandas.DataFrame
        Datos crudos o preparados (se pasan por :func:`prepare_runners`).
    age_center : float, optional
        Edad de referencia para centrar (por omisión, la media).
    intercept_prior : (float, float), default (100.0, 10.0)
        Media y desviación típica de la previa normal de μ_α (tiempo medio, en
        minutos, a la edad de referencia). Como en Bayes Rules! (cap. 17).
    slope_prior : (float, float), default (2.5, 1.0)
        Media y desviación típica de la previa normal de μ_β (minutos por año).
        Como en Bayes Rules! (cap. 17).
    group_sd_scales : (float, float), optional
        Medias de las previas exponenciales de σ_α y σ_β. Por omisión
        ``(sd(net), sd(net) / sd(age))``, escaladas a los datos.
    sigma_scale : float, optional
        Media de la previa exponencial de σ; por omisión ``sd(net)`` (como el
        ``autoscale`` de rstanarm).
    lkj_eta : float, default 1.0
        Parámetro η de la LKJ: 1 es uniforme sobre las matrices de correlación;
        η > 1 concentra la previa cerca de ρ = 0.
    centered : bool, default False
        Si es ``True`` usa la parametrización centrada
        ``runner_effects ~ MvNormal(mu, chol=L)``. Se deja para comparar en
        clase: con estos datos (interceptos bien identificados, pendientes
        mal identificadas) la centrada mezcla mal σ_β y dio divergencias; la
        no centrada pasa :func:`jerarquicos.models.fitting.check_convergence` con
        ``draws=4000``, ``tune=1500``, ``target_accept=0.9`` y 2 cadenas (con
        1000 extracciones el ESS de μ_α quedó por debajo del mínimo y con 3000
        falló con una de las semillas probadas).

    Returns
    -------
    pymc.Model
        Modelo sin ajustar. Variables: ``mu`` (dims ``effect`` =
        ``["Intercept", "age_c"]``), ``sigma_runner`` (σ_α, σ_β), ``rho``
        (correlación entre α_j y β_j), ``runner_effects`` (α_j, β_j; dims
        ``runner``, ``effect``), ``sigma`` y la verosimilitud ``net``. Los
        datos preparados quedan en los ``pm.Data`` ``age_c`` y ``runner_idx``.
    """
    import pymc as pm

    df = prepare_runners(data, age_center=age_center)
    mu_alpha = _normal_prior(intercept_prior, "intercept_prior")
    mu_beta = _normal_prior(slope_prior, "slope_prior")
    net_sd = float(df["net"].std())
    age_sd = float(df["age_c"].std())
    if group_sd_scales is None:
        scales = (net_sd, net_sd / age_sd)
    else:
        try:
            scales = tuple(float(s) for s in group_sd_scales)
        except (TypeError, ValueError):
            scales = ()
        if len(scales) != 2 or not all(math.isfinite(s) and s > 0 for s in scales):
            raise ValueError(
                f"El argumento group_sd_scales={group_sd_scales!r} no es válido: se admite "
                "un par de números positivos (σ_α, σ_β) o None."
            )
    if sigma_scale is None:
        sigma_scale = net_sd
    elif not (
        isinstance(sigma_scale, (int, float)) and math.isfinite(sigma_scale) and sigma_scale > 0
    ):
        raise ValueError(
            f"El argumento sigma_scale={sigma_scale!r} no es válido: se admite un número "
            "positivo o None."
        )
    if not (isinstance(lkj_eta, (int, float)) and math.isfinite(lkj_eta) and lkj_eta > 0):
        raise ValueError(
            f"El argumento lkj_eta={lkj_eta!r} no es válido: se admite un número positivo "
            "(1 = uniforme sobre las correlaciones)."
        )

    runner_codes = df["runner"].cat.codes.to_numpy()
    coords = {
        "runner": [str(level) for level in df["runner"].cat.categories],
        EFFECT: [INTERCEPT, AGE],
        "obs": np.arange(len(df)),
    }
    with pm.Model(coords=coords) as model:
        age_c = pm.Data("age_c", df["age_c"].to_numpy(), dims="obs")
        runner_idx = pm.Data("runner_idx", runner_codes, dims="obs")
        mu = pm.Normal(
            MU,
            mu=np.array([mu_alpha[0], mu_beta[0]]),
            sigma=np.array([mu_alpha[1], mu_beta[1]]),
            dims=EFFECT,
        )
        chol, corr, stds = pm.LKJCholeskyCov(
            "chol_cov",
            n=2,
            eta=float(lkj_eta),
            sd_dist=pm.Exponential.dist(lam=1.0 / np.asarray(scales), shape=2),
            compute_corr=True,
        )
        pm.Deterministic(SIGMA_RUNNER, stds, dims=EFFECT)
        pm.Deterministic(RHO, corr[0, 1])
        if centered:
            effects = pm.MvNormal(RUNNER_EFFECTS, mu=mu, chol=chol, dims=(RUNNER, EFFECT))
        else:
            z = pm.Normal("z", 0.0, 1.0, dims=(RUNNER, EFFECT))
            effects = pm.Deterministic(
                RUNNER_EFFECTS, mu + pm.math.dot(z, chol.T), dims=(RUNNER, EFFECT)
            )
        sigma = pm.Exponential("sigma", lam=1.0 / float(sigma_scale))
        mean = effects[runner_idx, 0] + effects[runner_idx, 1] * age_c
        pm.Normal("net", mu=mean, sigma=sigma, observed=df["net"].to_numpy(), dims="obs")
    return model


def correlation_summary(idata, *, hdi_prob: float = 0.94) -> pd.Series:
    """Resume la correlación ρ entre intercepto y pendiente de los corredores.

    Parameters
    ----------
    idata : arviz.InferenceData
        Ajuste de :func:`correlated_varying_slopes_model` (variable ``rho``).
    hdi_prob : float, default 0.94
        Probabilidad del intervalo HDI.

    Returns
    -------
    pandas.Series
        ``mean``, ``sd``, ``hdi_low``, ``hdi_high`` y ``p_positive``
        (probabilidad posterior de ρ > 0).
    """
    import arviz as az

    if not (isinstance(hdi_prob, float) and 0 < hdi_prob < 1):
        raise ValueError(
            f"El argumento hdi_prob={hdi_prob!r} no es válido: se admite un número entre 0 y 1."
        )
    if RHO not in getattr(idata, "posterior", {}):
        raise ValueError(
            "El argumento idata no tiene la variable 'rho' en el posterior: se admite el "
            "ajuste de correlated_varying_slopes_model()."
        )
    rho = idata.posterior[RHO]
    low, high = az.hdi(rho.to_numpy().reshape(-1), hdi_prob=hdi_prob)
    values = rho.to_numpy()
    return pd.Series(
        {
            "mean": float(values.mean()),
            "sd": float(values.std(ddof=1)),
            "hdi_low": float(low),
            "hdi_high": float(high),
            "p_positive": float((values > 0).mean()),
        },
        name=RHO,
    )


# --------------------------------------------------------------------------- rectas por corredor


def no_pooling_lines(data: pd.DataFrame) -> pd.DataFrame:
    """Recta de mínimos cuadrados de cada corredor, ``net ~ age_c``, por separado.

    Parameters
    ----------
    data : pandas.DataFrame
        Datos preparados por :func:`jerarquicos.models.runners.prepare_runners`
        (columnas ``runner``, ``age_c`` y ``net``, sin ausentes).

    Returns
    -------
    pandas.DataFrame
        Índice ``runner`` (texto), columnas ``intercept`` (minutos a
        ``age_c = 0``), ``slope`` (minutos por año) y ``n_races``.

    Raises
    ------
    TypeError, ValueError
        Si faltan columnas, hay ausentes o algún corredor tiene menos de dos
        edades distintas (su recta no está definida).
    """
    df = require_frame(data, ["runner", "age_c", "net"], copy=False)
    if df[["age_c", "net"]].isna().any().any():
        raise ValueError(
            "El argumento data tiene valores ausentes en 'age_c' o 'net': se admiten sólo "
            "filas completas (use prepare_runners())."
        )
    rows = {}
    for runner, group in df.groupby("runner", observed=True, sort=True):
        x = group["age_c"].to_numpy(dtype=float)
        y = group["net"].to_numpy(dtype=float)
        if np.unique(x).size < 2:
            raise ValueError(
                f"El corredor {runner!r} tiene {np.unique(x).size} edad(es) distinta(s): se "
                "necesitan al menos dos para ajustar su recta."
            )
        xc = x - x.mean()
        slope = float(xc @ (y - y.mean()) / (xc @ xc))
        rows[str(runner)] = {
            "intercept": float(y.mean() - slope * x.mean()),
            "slope": slope,
            "n_races": int(x.size),
        }
    table = pd.DataFrame.from_dict(rows, orient="index")
    table.index.name = "runner"
    return table


def _bambi_lines(posterior) -> tuple[pd.DataFrame, pd.DataFrame]:
    intercept = posterior[INTERCEPT] + posterior[RUNNER_INTERCEPT]
    slope = posterior[AGE] + posterior[RUNNER_SLOPE]
    return intercept, slope


def posterior_lines(idata) -> pd.DataFrame:
    """Medias y desvíos a posteriori de la recta de cada corredor.

    Parameters
    ----------
    idata : arviz.InferenceData
        Ajuste de ``varying_slopes_model`` (Bambi: variables ``Intercept``,
        ``age_c``, ``1|runner`` y ``age_c|runner``) o de
        ``correlated_varying_slopes_model`` (PyMC: ``runner_effects``).

    Returns
    -------
    pandas.DataFrame
        Índice ``runner`` (texto), columnas ``intercept``, ``slope``,
        ``intercept_sd`` y ``slope_sd``.
    """
    posterior = posterior_group(idata)
    if RUNNER_EFFECTS in posterior:
        effects = posterior[RUNNER_EFFECTS]
        intercept = effects.sel({EFFECT: INTERCEPT}, drop=True)
        slope = effects.sel({EFFECT: AGE}, drop=True)
        dim = RUNNER
    elif {INTERCEPT, AGE, RUNNER_INTERCEPT, RUNNER_SLOPE} <= set(posterior.data_vars):
        intercept, slope = _bambi_lines(posterior)
        dim = f"{RUNNER}__factor_dim"
    else:
        raise ValueError(
            "El argumento idata no es un ajuste de los corredores: se admite el de "
            "varying_slopes_model() (Bambi) o el de correlated_varying_slopes_model() "
            f"(PyMC). Variables presentes: {sorted(posterior.data_vars)}."
        )
    sample = ("chain", "draw")
    table = pd.DataFrame(
        {
            "intercept": intercept.mean(sample).to_numpy(),
            "slope": slope.mean(sample).to_numpy(),
            "intercept_sd": intercept.std(sample).to_numpy(),
            "slope_sd": slope.std(sample).to_numpy(),
        },
        index=pd.Index([str(v) for v in intercept[dim].to_numpy()], name="runner"),
    )
    return table


def population_line(idata) -> tuple[float, float]:
    """Medias a posteriori de (μ_α, μ_β), la recta de la población.

    Parameters
    ----------
    idata : arviz.InferenceData
        Ajuste de Bambi (``Intercept``, ``age_c``) o de PyMC (``mu``).

    Returns
    -------
    (float, float)
        Ordenada (minutos a la edad de referencia) y pendiente (minutos por año).
    """
    posterior = posterior_group(idata)
    if MU in posterior and EFFECT in posterior[MU].dims:
        mu = posterior[MU]
        return (
            float(mu.sel({EFFECT: INTERCEPT}).mean()),
            float(mu.sel({EFFECT: AGE}).mean()),
        )
    if {INTERCEPT, AGE} <= set(posterior.data_vars):
        return float(posterior[INTERCEPT].mean()), float(posterior[AGE].mean())
    raise ValueError(
        "El argumento idata no tiene la recta poblacional: se admite un ajuste con 'mu' "
        f"(PyMC) o con 'Intercept' y 'age_c' (Bambi). Variables: {sorted(posterior.data_vars)}."
    )
