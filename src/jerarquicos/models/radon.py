"""Modelos del radón de Minnesota (Gelman y Hill 2007), en Bambi y en PyMC.

Siete constructores, de menos a más estructura, todos con la misma respuesta
``log_radon`` (logaritmo del radón de la casa *i* del condado *j*):

========================  ===================================================  ===========
constructor               fórmula o modelo                                     biblioteca
========================  ===================================================  ===========
complete_pooling_model    ``log_radon ~ 1``                                    Bambi
no_pooling_model          ``log_radon ~ 0 + county``                           Bambi
fixed_prior_model         α_j ~ N(m, v) con v fija (un ``pm.Data``)            PyMC
varying_intercepts_model  ``log_radon ~ 1 + (1|county)``                       Bambi
floor_model               ``log_radon ~ 1 + floor + (1|county)``               Bambi
uranium_model             ``log_radon ~ 1 + floor + log_uranium + (1|county)``  Bambi
varying_slopes_model      ``log_radon ~ 1 + floor + (1 + floor|county)``       Bambi
========================  ===================================================  ===========

Todos devuelven un modelo SIN ajustar (``bambi.Model`` o ``pymc.Model``); para
ajustarlo use :func:`jerarquicos.models.fitting.fit` o, para barrer la varianza
de la previa fija compilando una sola vez,
:func:`jerarquicos.models.fitting.fit_sweep` con :data:`PRIOR_SD`.

La normal se escribe, como en el libro, ``N(media, varianza)``; Bambi y PyMC la
parametrizan con la desviación típica, y los constructores hacen la cuenta.
"""

from __future__ import annotations

import math
from collections.abc import Mapping

import numpy as np
import pandas as pd
import xarray as xr

from ..validation import (
    check_integer,
    check_positive_finite,
    check_random_seed,
    check_real_array,
    check_real_scalar,
)
from ._data import (
    as_categorical,
    bambi_model,
    require_finite_column,
    require_frame,
    require_rows,
)
from .groups import group_effect, new_group_effects, posterior_group, require_vars

__all__ = [
    "prepare_radon",
    "complete_pooling_model",
    "no_pooling_model",
    "fixed_prior_model",
    "prior_sd",
    "varying_intercepts_model",
    "floor_model",
    "uranium_model",
    "varying_slopes_model",
    "county_uranium",
    "predict_radon_county",
    "predict_radon_new_county",
]

#: Nombres de las variables del posterior de estos modelos (los de Bambi tal
#: cual; :func:`fixed_prior_model` usa los mismos que el modelo sin pooling).
INTERCEPT = "Intercept"
COUNTY = "county"
COUNTY_DIM = "county_dim"
COUNTY_TERM = "1|county"
COUNTY_SIGMA = "1|county_sigma"
FLOOR_TERM = "floor"
URANIUM_TERM = "log_uranium"
SLOPE_TERM = "floor|county"
SLOPE_SIGMA = "floor|county_sigma"
SIGMA = "sigma"
#: ``pm.Data`` de :func:`fixed_prior_model` con la desviación típica de la previa.
PRIOR_SD = "prior_sd"

COMPLETE_POOLING = "log_radon ~ 1"
NO_POOLING = "log_radon ~ 0 + county"
VARYING_INTERCEPTS = "log_radon ~ 1 + (1|county)"
FLOOR = "log_radon ~ 1 + floor + (1|county)"
URANIUM = "log_radon ~ 1 + floor + log_uranium + (1|county)"
VARYING_SLOPES = "log_radon ~ 1 + floor + (1 + floor|county)"


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
    require_finite_column(df, "log_radon")
    require_rows(df)
    df["floor"] = df["floor"].astype("int64")
    df["county"] = as_categorical(df["county"])
    return df


def _model(formula: str, data: pd.DataFrame, priors: Mapping | None, **kwargs):
    return bambi_model(formula, prepare_radon(data), priors, **kwargs)


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


def prior_sd(variances) -> np.ndarray:
    """Desviaciones típicas de previas escritas con su varianza, ``N(m, v)``.

    Es la cuenta que hace falta para pasar a :data:`PRIOR_SD` (que PyMC usa
    como desviación típica) las varianzas con que el libro escribe la previa.

    Parameters
    ----------
    variances : float or array_like
        Varianzas, finitas y positivas.

    Returns
    -------
    numpy.ndarray
        ``sqrt(variances)``, con la misma forma.

    Raises
    ------
    TypeError
        Si los valores no son números reales.
    ValueError
        Si alguna varianza no es finita o no es positiva.
    """
    values = check_real_array(variances, "variances")
    if values.size == 0:
        raise ValueError(
            "El argumento 'variances' debe tener al menos una varianza; se recibió una "
            "secuencia vacía."
        )
    bad = ~(np.isfinite(values) & (values > 0))
    if bad.any():
        raise ValueError(
            f"El argumento variances tiene el valor {values[bad].ravel()[0]!r}: se admiten "
            "varianzas finitas y positivas."
        )
    return np.sqrt(values)


def fixed_prior_model(
    data: pd.DataFrame,
    *,
    prior_mean: float = 0.0,
    prior_variance: float = 10.0,
):
    """Una media por condado con una previa FIJA común, en PyMC.

    ``log_radon_i ~ N(α_{j[i]}, σ²)``, ``α_j ~ N(prior_mean, prior_variance)`` y
    ``σ ~ HalfStudentT(4, s_y)``, la previa que Bambi da a ``sigma`` por omisión
    (``s_y`` es la desviación típica de ``log_radon``). La previa de los α_j
    está completamente fijada: los condados no se informan entre sí y cada α_j
    sólo se encoge hacia ``prior_mean``, tanto más cuanto menos casas tiene. Con
    una varianza enorme (p. ej. 10⁶) la previa es prácticamente plana y el
    modelo es el de sin pooling.

    La desviación típica de la previa es el ``pm.Data`` :data:`PRIOR_SD`, así
    que :func:`jerarquicos.models.fitting.fit_sweep` ajusta varias varianzas
    con una sola compilación (pase ``prior_sd(varianzas)``).

    Parameters
    ----------
    data : pandas.DataFrame
        Datos de radón (ver :func:`prepare_radon`).
    prior_mean : float, default 0.0
        Media de la previa de cada α_j.
    prior_variance : float, default 10.0
        VARIANZA de la previa de cada α_j (la notación del libro). El modelo
        guarda ``sqrt(prior_variance)`` en :data:`PRIOR_SD`.

    Returns
    -------
    pymc.Model
        Modelo sin ajustar, con las variables :data:`COUNTY` (dims
        :data:`COUNTY_DIM`, un valor por condado, como el término ``county`` del
        modelo sin pooling de Bambi) y :data:`SIGMA`.

    Raises
    ------
    TypeError
        Si ``prior_mean`` o ``prior_variance`` no son números reales.
    ValueError
        Si ``prior_mean`` no es finito o ``prior_variance`` no es positiva.
    """
    import pymc as pm

    mean = check_real_scalar(prior_mean, "prior_mean")
    if not math.isfinite(mean):
        raise ValueError(
            f"El argumento prior_mean={prior_mean!r} no es válido: se admite un número finito."
        )
    variance = check_positive_finite(prior_variance, "prior_variance")
    df = prepare_radon(data)
    y = df["log_radon"].to_numpy(dtype=float)
    county = df["county"].cat.codes.to_numpy()
    labels = [str(c) for c in df["county"].cat.categories]
    with pm.Model(coords={COUNTY_DIM: labels}) as model:
        scale = pm.Data(PRIOR_SD, math.sqrt(variance))
        alpha = pm.Normal(COUNTY, mu=mean, sigma=scale, dims=COUNTY_DIM)
        sigma = pm.HalfStudentT(SIGMA, nu=4, sigma=float(np.std(y)))
        pm.Normal("log_radon", mu=alpha[county], sigma=sigma, observed=y)
    return model


def varying_intercepts_model(data: pd.DataFrame, *, priors: Mapping | None = None):
    """Agrupamiento parcial adaptativo: interceptos variables por condado.

    ``log_radon_ij ~ N(μ + u_j, σ²)``, ``u_j ~ N(0, σ_county²)``, con μ
    (``Intercept``) y σ_county (``1|county_sigma``) estimados. Es el modelo
    α_j ~ N(μ, σ_county²) del libro, escrito con los efectos de condado
    u_j = α_j − μ.

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


def county_uranium(data: pd.DataFrame) -> pd.Series:
    """Log-uranio de cada condado (un predictor de nivel de condado).

    Parameters
    ----------
    data : pandas.DataFrame
        Datos de radón con ``county`` y ``log_uranium``.

    Returns
    -------
    pandas.Series
        Índice: nombre del condado (texto, en el orden de las categorías); valor:
        su ``log_uranium``.

    Raises
    ------
    TypeError, ValueError
        Si faltan columnas, hay ausentes o ``log_uranium`` cambia dentro de un
        condado (no sería un predictor del condado).
    """
    df = prepare_radon(require_frame(data, ["county", "log_radon", "floor", "log_uranium"]))
    require_finite_column(df, "log_uranium")
    values = pd.to_numeric(df["log_uranium"], errors="coerce")
    if values.isna().any() or not np.all(np.isfinite(values)):
        raise ValueError(
            "La columna data['log_uranium'] tiene valores ausentes o no numéricos: se admiten "
            "sólo números finitos."
        )
    per_county = values.groupby(df["county"], observed=True)
    varying = per_county.nunique() > 1
    if varying.any():
        raise ValueError(
            f"La columna data['log_uranium'] cambia dentro de {int(varying.sum())} condado(s) "
            f"(p. ej. {varying[varying].index[0]!r}): se admite un único valor por condado."
        )
    uranium = per_county.first()
    uranium.index = uranium.index.astype(str)
    return uranium.rename(URANIUM_TERM)


def uranium_model(data: pd.DataFrame, *, priors: Mapping | None = None):
    """Piso de la casa y log-uranio del condado, con interceptos variables.

    ``log_radon_i ~ N(μ + γ·z_{j[i]} + u_{j[i]} + β·floor_i, σ²)``,
    ``u_j ~ N(0, σ_county²)``, donde ``z_j`` es el log-uranio del condado j
    (:data:`URANIUM_TERM`, un predictor de nivel de condado: el mismo valor en
    todas sus casas). Es el modelo de Gelman y Hill (2007, sección 12.6): el
    intercepto de cada condado es ``α_j = μ + γ·z_j + u_j``, y ``σ_county`` mide
    ahora la variación entre condados que el uranio no explica.

    Parameters
    ----------
    data : pandas.DataFrame
        Datos de radón con ``log_uranium`` (ver :func:`county_uranium`).
    priors : dict, optional
        Previas de Bambi (``"Intercept"``, ``"floor"``, ``"log_uranium"``,
        ``"1|county"``, ``"sigma"``); por omisión las automáticas de Bambi.

    Returns
    -------
    bambi.Model
        Modelo sin ajustar.
    """
    county_uranium(data)  # valida que log_uranium sea un predictor del condado
    return _model(URANIUM, data, priors)


def varying_slopes_model(data: pd.DataFrame, *, priors: Mapping | None = None):
    """Interceptos y pendientes del piso variables por condado.

    ``log_radon_i ~ N(μ + u_{j[i]} + (β + b_{j[i]})·floor_i, σ²)``,
    ``u_j ~ N(0, σ_county²)`` y ``b_j ~ N(0, σ_slope²)``, independientes: el
    efecto de medir en planta baja cambia de un condado a otro, y los datos
    deciden cuánto con ``σ_slope`` (:data:`SLOPE_SIGMA`). Bambi no modela la
    correlación entre ``u_j`` y ``b_j``; el capítulo de corredores la agrega en
    PyMC.

    Parameters
    ----------
    data : pandas.DataFrame
        Datos de radón (ver :func:`prepare_radon`).
    priors : dict, optional
        Previas de Bambi (``"Intercept"``, ``"floor"``, ``"1|county"``,
        ``"floor|county"``, ``"sigma"``); por omisión las automáticas de Bambi.

    Returns
    -------
    bambi.Model
        Modelo sin ajustar; el posterior tiene :data:`COUNTY_TERM`,
        :data:`SLOPE_TERM` y sus desviaciones típicas :data:`COUNTY_SIGMA` y
        :data:`SLOPE_SIGMA`.
    """
    return _model(VARYING_SLOPES, data, priors)


# --------------------------------------------------------------------------- predictivas


def _floor_term(posterior, floor):
    has_floor = FLOOR_TERM in posterior
    if has_floor and floor is None:
        raise ValueError(
            "El argumento floor=None no es válido para un ajuste con piso: se admite "
            "0 (sótano) o 1 (planta baja)."
        )
    if has_floor:
        floor = check_integer(floor, "floor", minimum=0, maximum=1)
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

    ``α_new^(s) = μ^(s) + u_new^(s)`` con ``u_new^(s) ~ N(0, (σ_county^(s))²)``,
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
    rng = np.random.default_rng(check_random_seed(random_seed))
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
    rng = np.random.default_rng(check_random_seed(random_seed))
    floor_part = _floor_term(posterior, floor)
    mu = (
        posterior[INTERCEPT]
        + floor_part
        + group_effect(idata, group_term=COUNTY_TERM, level=county, level_name="county")
    )
    mu = mu.transpose("chain", "draw")
    y = _gaussian(mu, posterior[SIGMA], rng)
    return xr.Dataset({"mu": mu, "log_radon": y})
