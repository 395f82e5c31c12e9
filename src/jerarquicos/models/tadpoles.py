"""Renacuajos de Vonesh y Bolker (2005): supervivencia por tanque, binomial.

``S_i ~ Binomial(N_i, p_i)``, ``logit(p_i) = μ + u_i``, ``u_i ~ N(0, σ²)``,
con ``S_i = surv`` y ``N_i = density`` de cada uno de los 48 tanques.
En Bambi: ``p(surv, density) ~ 1 + (1|tank)`` con familia binomial.
"""

from __future__ import annotations

import math

import pandas as pd

from .._warnings import ignore_pandas4_in_bambi
from ._data import as_categorical, require_frame

__all__ = ["prepare_tadpoles", "varying_intercepts_model"]

VARYING_INTERCEPTS = "p(surv, density) ~ 1 + (1|tank)"


def prepare_tadpoles(data: pd.DataFrame) -> pd.DataFrame:
    """Valida y prepara los datos de renacuajos.

    Parameters
    ----------
    data : pandas.DataFrame
        Con columnas ``tank``, ``surv`` y ``density`` (como
        ``load_dataset("reedfrogs")``).

    Returns
    -------
    pandas.DataFrame
        Copia con ``tank`` categórica y ``surv``, ``density`` enteros.

    Raises
    ------
    TypeError, ValueError
        Si faltan columnas, hay ausentes, valores no enteros o
        ``surv > density``.
    """
    df = require_frame(data, ["tank", "surv", "density"])
    for column in ("surv", "density"):
        values = pd.to_numeric(df[column], errors="coerce")
        if values.isna().any() or (values % 1 != 0).any() or (values < 0).any():
            raise ValueError(
                f"La columna data[{column!r}] tiene valores no válidos: se admiten sólo enteros "
                "no negativos sin ausentes."
            )
        df[column] = values.astype("int64")
    bad = df["surv"] > df["density"]
    if bad.any():
        raise ValueError(
            f"La columna data['surv'] supera a data['density'] en {int(bad.sum())} fila(s): "
            "se admite 0 <= surv <= density."
        )
    if df["tank"].isna().any():
        raise ValueError("La columna data['tank'] tiene valores ausentes: no se admiten.")
    df["tank"] = as_categorical(df["tank"])
    return df


def varying_intercepts_model(
    data: pd.DataFrame,
    *,
    intercept_prior: tuple[float, float] = (0.0, 1.5),
    sigma_rate: float = 1.0,
):
    """Interceptos variables por tanque en escala logit.

    ``logit(p_i) = μ + u_i``, ``μ ~ N(intercept_prior)``,
    ``u_i ~ N(0, σ²)``, ``σ ~ Exponencial(sigma_rate)``; es el modelo
    α_i ~ N(μ, σ²) de la clase escrito como desvíos u_i = α_i − μ (las previas
    por omisión son las de McElreath, *Statistical Rethinking*, 2.ª ed., m13.2).

    Parameters
    ----------
    data : pandas.DataFrame
        Datos de renacuajos (ver :func:`prepare_tadpoles`).
    intercept_prior : (float, float), default (0.0, 1.5)
        Media y desviación típica de la previa normal de μ (escala logit).
    sigma_rate : float, default 1.0
        Tasa λ de la previa exponencial de σ (media 1/λ).

    Returns
    -------
    bambi.Model
        Modelo sin ajustar, familia ``binomial`` con enlace logit.
    """
    import bambi as bmb

    try:
        mean, sd = (float(v) for v in intercept_prior)
    except (TypeError, ValueError):
        mean, sd = float("nan"), float("nan")
    if not (math.isfinite(mean) and math.isfinite(sd) and sd > 0):
        raise ValueError(
            f"El argumento intercept_prior={intercept_prior!r} no es válido: se admite un par "
            "(media, desviación típica) con desviación típica positiva."
        )
    try:
        rate = float(sigma_rate)
    except (TypeError, ValueError):
        rate = float("nan")
    if not (math.isfinite(rate) and rate > 0):
        raise ValueError(
            f"El argumento sigma_rate={sigma_rate!r} no es válido: se admite un número positivo."
        )
    priors = {
        "Intercept": bmb.Prior("Normal", mu=mean, sigma=sd),
        "1|tank": bmb.Prior("Normal", mu=0.0, sigma=bmb.Prior("Exponential", lam=rate)),
    }
    df = prepare_tadpoles(data)
    with ignore_pandas4_in_bambi():
        return bmb.Model(VARYING_INTERCEPTS, df, family="binomial", priors=priors)
