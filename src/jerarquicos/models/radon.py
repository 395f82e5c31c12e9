"""Modelos del radón de Minnesota (Gelman y Hill 2007), en Bambi.

Cinco constructores, de menos a más agrupamiento, todos con la misma
respuesta ``log_radon`` (logaritmo del radón de la casa *i* del condado *j*):

========================  ======================================  =======================
constructor               fórmula                                 efecto de condado
========================  ======================================  =======================
complete_pooling_model    ``log_radon ~ 1``                       ninguno (un solo α)
no_pooling_model          ``log_radon ~ 0 + county``              α_j independientes
fixed_prior_model         ``log_radon ~ 0 + county``              α_j ~ N(m, v) fija
varying_intercepts_model  ``log_radon ~ 1 + (1|county)``          α_j ~ N(μ, σ²) estimada
floor_model               ``log_radon ~ 1 + floor + (1|county)``  ídem, más el piso
========================  ======================================  =======================

Todos devuelven un ``bambi.Model`` SIN ajustar; para ajustarlo use
:func:`jerarquicos.models.fitting.fit`.
"""

from __future__ import annotations

import math
from collections.abc import Mapping

import numpy as np
import pandas as pd
import xarray as xr

from ._data import as_categorical, require_frame
from ._warnings import ignore_pandas4_in_bambi
from .groups import group_effect, new_group_effects, posterior_group, require_vars

__all__ = [
    "prepare_radon",
    "complete_pooling_model",
    "no_pooling_model",
    "fixed_prior_model",
    "varying_intercepts_model",
    "floor_model",
    "predict_radon_county",
    "predict_radon_new_county",
]

#: Nombres de las variables que Bambi da a los términos de estos modelos (el
#: posterior de un ajuste los usa tal cual).
INTERCEPT = "Intercept"
COUNTY = "county"
COUNTY_TERM = "1|county"
COUNTY_SIGMA = "1|county_sigma"
FLOOR_TERM = "floor"
SIGMA = "sigma"

COMPLETE_POOLING = "log_radon ~ 1"
NO_POOLING = "log_radon ~ 0 + county"
VARYING_INTERCEPTS = "log_radon ~ 1 + (1|county)"
FLOOR = "log_radon ~ 1 + floor + (1|county)"


def prepare_radon(data: pd.DataFrame) -> pd.DataFrame:
    """Valida y prepara los datos de radón para los constructores.

    Parameters
    ----------
    data : pandas.DataFrame
        Con columnas ``county``, ``log_radon`` y ``floor`` (0 = sótano,
        1 = planta baja), como devuelve ``load_dataset("radon")``.

    Returns
    -------
    pandas.DataFrame
        Copia con ``county`` convertida a categórica (aunque venga con códigos
        enteros) y ``floor`` como entero.

    Raises
    ------
    TypeError, ValueError
        Si faltan columnas, hay valores ausentes o ``floor`` no es 0/1.
    """
    df = require_frame(data, ["county", "log_radon", "floor"])
    for column in ("county", "log_radon", "floor"):
        n_missing = int(df[column].isna().sum())
        if n_missing:
            raise ValueError(
                f"La columna data[{column!r}] tiene {n_missing} valores ausentes: se admiten "
                "sólo datos completos (elimine esas filas antes)."
            )
    values = set(pd.unique(df["floor"]))
    if not values <= {0, 1}:
        raise ValueError(
            f"La columna data['floor'] tiene los valores {sorted(values)}: se admite sólo "
            "0 (sótano) y 1 (planta baja)."
        )
    df["floor"] = df["floor"].astype("int64")
    df["county"] = as_categorical(df["county"])
    return df


def _model(formula: str, data: pd.DataFrame, priors: Mapping | None, **kwargs):
    import bambi as bmb

    if priors is not None and not isinstance(priors, Mapping):
        raise TypeError(
            f"El argumento priors es de tipo {type(priors).__name__}: se admite un dict "
            "{término: bambi.Prior} o None."
        )
    df = prepare_radon(data)
    with ignore_pandas4_in_bambi():
        return bmb.Model(formula, df, priors=dict(priors or {}), **kwargs)


def complete_pooling_model(data: pd.DataFrame, *, priors: Mapping | None = None):
    """Agrupamiento completo: todas las casas comparten una media.

    ``log_radon_i ~ N(α, σ²)``.

    Parameters
    ----------
    data : pandas.DataFrame
        Datos de radón (ver :func:`prepare_radon`).
    priors : dict, optional
        Previas de Bambi por término (``"Intercept"``, ``"sigma"``); por
        omisión las automáticas de Bambi, escaladas a los datos.

    Returns
    -------
    bambi.Model
        Modelo sin ajustar.
    """
    return _model(COMPLETE_POOLING, data, priors)


def no_pooling_model(data: pd.DataFrame, *, priors: Mapping | None = None):
    """Sin agrupamiento: una media independiente por condado.

    ``log_radon_ij ~ N(α_j, σ²)`` con un coeficiente ``county[j]`` por cada uno
    de los 85 condados (sin intercepto común). ``county`` se convierte a
    categórica: con códigos enteros Bambi ajustaría en silencio una sola
    pendiente.

    Parameters
    ----------
    data : pandas.DataFrame
        Datos de radón (ver :func:`prepare_radon`).
    priors : dict, optional
        Previas de Bambi (``"county"``, ``"sigma"``); por omisión las
        automáticas de Bambi (anchas, escaladas a los datos).

    Returns
    -------
    bambi.Model
        Modelo sin ajustar.
    """
    return _model(NO_POOLING, data, priors)


def fixed_prior_model(
    data: pd.DataFrame,
    *,
    prior_mean: float = 0.0,
    prior_variance: float = 10.0,
    sigma_prior=None,
):
    """Agrupamiento parcial con una previa FIJA común para los condados.

    ``log_radon_ij ~ N(α_j, σ²)`` y ``α_j ~ N(prior_mean, prior_variance)``,
    con la previa completamente especificada (no se aprende de los datos).
    Los condados no se informan entre sí (son independientes dada la previa);
    cada α_j sólo se encoge hacia ``prior_mean``, y más cuanto menos casas
    tiene el condado. Con la previa de la clase, N(0, 10), el encogimiento es
    pequeño porque 10 es una varianza grande para log-radón.

    Parameters
    ----------
    data : pandas.DataFrame
        Datos de radón (ver :func:`prepare_radon`).
    prior_mean : float, default 0.0
        Media de la previa de cada α_j.
    prior_variance : float, default 10.0
        VARIANZA de la previa de cada α_j, como en la notación de la clase
        N(μ, σ²). Bambi/PyMC parametrizan la normal por desviación típica:
        se usa ``sigma = sqrt(prior_variance)`` (≈ 3.162 para 10).
    sigma_prior : bambi.Prior, optional
        Previa de la desviación típica residual σ; por omisión la automática de
        Bambi.

    Returns
    -------
    bambi.Model
        Modelo sin ajustar, con la fórmula ``log_radon ~ 0 + county``.

    Raises
    ------
    ValueError
        Si ``prior_mean`` no es finito o ``prior_variance`` no es positiva.

    Notes
    -----
    Se implementa como términos COMUNES ``0 + county`` con previa
    ``Normal(prior_mean, sqrt(prior_variance))`` y no como un término de grupo
    ``(1|county)`` con desviación fija: en Bambi 0.17 un término de grupo
    no centrado ignora el ``mu`` de su previa (bambi#1003), de modo que una
    media distinta de 0 se perdería en silencio. Los términos comunes sí
    respetan ``mu``.
    """
    import bambi as bmb

    try:
        mean = float(prior_mean)
    except (TypeError, ValueError):
        mean = float("nan")
    if not math.isfinite(mean):
        raise ValueError(
            f"El argumento prior_mean={prior_mean!r} no es válido: se admite un número finito."
        )
    try:
        variance = float(prior_variance)
    except (TypeError, ValueError):
        variance = float("nan")
    if not (math.isfinite(variance) and variance > 0):
        raise ValueError(
            f"El argumento prior_variance={prior_variance!r} no es válido: se admite una "
            "varianza finita y positiva (p. ej. 10, que da sigma = sqrt(10))."
        )
    priors = {"county": bmb.Prior("Normal", mu=mean, sigma=math.sqrt(variance))}
    if sigma_prior is not None:
        priors["sigma"] = sigma_prior
    return _model(NO_POOLING, data, priors)


def varying_intercepts_model(data: pd.DataFrame, *, priors: Mapping | None = None):
    """Agrupamiento parcial adaptativo: interceptos variables por condado.

    ``log_radon_ij ~ N(μ + u_j, σ²)``, ``u_j ~ N(0, σ_county²)``, con μ
    (``Intercept``) y σ_county (``1|county_sigma``) estimados. Es el modelo
    α_j ~ N(μ, σ_county²) de la clase, escrito como desvíos u_j = α_j − μ.

    Parameters
    ----------
    data : pandas.DataFrame
        Datos de radón (ver :func:`prepare_radon`).
    priors : dict, optional
        Previas de Bambi (``"Intercept"``, ``"1|county"``, ``"sigma"``); por
        omisión las automáticas de Bambi. Si da una previa para ``"1|county"``
        use ``mu=0``: Bambi ignora ``mu`` en la parametrización no centrada
        (bambi#1003).

    Returns
    -------
    bambi.Model
        Modelo sin ajustar (parametrización no centrada, la de Bambi por
        omisión).
    """
    return _model(VARYING_INTERCEPTS, data, priors)


def floor_model(data: pd.DataFrame, *, priors: Mapping | None = None):
    """Interceptos variables por condado más el piso de la medición.

    ``log_radon_ij ~ N(μ + u_j + β·floor_i, σ²)``, ``u_j ~ N(0, σ_county²)``;
    β es la diferencia media entre medir en planta baja (``floor = 1``) y en
    el sótano (``floor = 0``), común a todos los condados.

    Parameters
    ----------
    data : pandas.DataFrame
        Datos de radón (ver :func:`prepare_radon`).
    priors : dict, optional
        Previas de Bambi (``"Intercept"``, ``"floor"``, ``"1|county"``,
        ``"sigma"``); por omisión las automáticas de Bambi.

    Returns
    -------
    bambi.Model
        Modelo sin ajustar.
    """
    return _model(FLOOR, data, priors)


# --------------------------------------------------------------------------- predictivas


def _floor_term(posterior, floor):
    has_floor = FLOOR_TERM in posterior
    if has_floor and floor not in (0, 1):
        raise ValueError(
            f"El argumento floor={floor!r} no es válido para un ajuste con piso: se admite "
            "0 (sótano) o 1 (planta baja)."
        )
    if not has_floor and floor is not None:
        raise ValueError(
            f"El argumento floor={floor!r} no es válido: el ajuste no tiene el coeficiente "
            "'floor' (use floor=None) o ajuste floor_model()."
        )
    return posterior[FLOOR_TERM] * floor if has_floor else 0.0


def _gaussian(mean: xr.DataArray, sigma: xr.DataArray, rng) -> xr.DataArray:
    mean, sigma = xr.broadcast(mean, sigma)
    noise = rng.standard_normal(mean.shape)
    return mean + sigma.transpose(*mean.dims) * noise


def predict_radon_new_county(
    idata,
    *,
    n_new_groups: int = 1,
    floor: int | None = None,
    random_seed=None,
) -> xr.Dataset:
    """Predictiva de ``log_radon`` para una casa de un condado NUEVO.

    ``α_new^(s) = μ^(s) + u_new^(s)`` con ``u_new^(s) ~ N(0, σ_county^(s))``,
    y ``y^(s) ~ N(α_new^(s) + β^(s)·floor, σ^(s))``.

    Parameters
    ----------
    idata : arviz.InferenceData
        Ajuste de ``varying_intercepts_model`` o ``floor_model``.
    n_new_groups : int, default 1
        Número de condados nuevos independientes.
    floor : {0, 1} or None
        Piso de la casa; obligatorio (0 o 1) si el ajuste tiene ``floor`` y
        ``None`` si no lo tiene.
    random_seed : int or numpy.random.Generator, optional
        Semilla o generador.

    Returns
    -------
    xarray.Dataset
        ``mu`` (media del condado nuevo en escala log, incluido el piso) y
        ``log_radon`` (una observación nueva), ambas con dims
        ``(chain, draw, new_group)``.
    """
    posterior = posterior_group(idata)
    require_vars(
        posterior,
        [INTERCEPT, COUNTY_SIGMA, SIGMA],
        "varying_intercepts_model() o floor_model()",
    )
    rng = np.random.default_rng(random_seed)
    floor_part = _floor_term(posterior, floor)
    u_new = new_group_effects(
        idata, group_sigma=COUNTY_SIGMA, n_new_groups=n_new_groups, random_seed=rng
    )
    mu = posterior[INTERCEPT] + floor_part + u_new
    mu = mu.transpose("chain", "draw", "new_group")
    y = _gaussian(mu, posterior[SIGMA], rng)
    return xr.Dataset({"mu": mu, "log_radon": y})


def predict_radon_county(
    idata,
    county,
    *,
    floor: int | None = None,
    random_seed=None,
) -> xr.Dataset:
    """Predictiva de ``log_radon`` para una casa nueva de un condado EXISTENTE.

    ``α_j^(s) = μ^(s) + u_j^(s)`` (posterior del condado j) e
    ``y^(s) ~ N(α_j^(s) + β^(s)·floor, σ^(s))``.

    Parameters
    ----------
    idata : arviz.InferenceData
        Ajuste de ``varying_intercepts_model`` o ``floor_model``.
    county : str
        Nombre del condado (p. ej. ``"HENNEPIN"``).
    floor : {0, 1} or None
        Piso; ver :func:`predict_radon_new_county`.
    random_seed : int or numpy.random.Generator, optional
        Semilla o generador.

    Returns
    -------
    xarray.Dataset
        ``mu`` y ``log_radon`` con dims ``(chain, draw)``.
    """
    posterior = posterior_group(idata)
    require_vars(
        posterior, [INTERCEPT, COUNTY_TERM, SIGMA], "varying_intercepts_model() o floor_model()"
    )
    rng = np.random.default_rng(random_seed)
    floor_part = _floor_term(posterior, floor)
    mu = (
        posterior[INTERCEPT]
        + floor_part
        + group_effect(idata, group_term=COUNTY_TERM, level=county)
    )
    mu = mu.transpose("chain", "draw")
    y = _gaussian(mu, posterior[SIGMA], rng)
    return xr.Dataset({"mu": mu, "log_radon": y})
