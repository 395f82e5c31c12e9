"""Renacuajos de Vonesh y Bolker (2005): supervivencia por tanque, binomial.

``S_i ~ Binomial(N_i, p_i)``, ``logit(p_i) = μ + u_i``, ``u_i ~ N(0, σ²)``,
con ``S_i = surv`` y ``N_i = density`` de cada uno de los 48 tanques.
En Bambi: ``p(surv, density) ~ 1 + (1|tank)`` con familia binomial.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd
import xarray as xr

from ..validation import (
    check_finite_scalar,
    check_integer,
    check_positive_finite,
    check_random_seed,
    format_value,
)
from ._data import as_categorical, bambi_model, require_frame, require_rows
from .groups import group_effect, new_group_effects, posterior_group, require_vars

__all__ = [
    "predict_tadpoles_new_tank",
    "predict_tadpoles_tank",
    "prepare_tadpoles",
    "varying_intercepts_model",
]

#: Nombres de las variables que Bambi da a los términos del modelo.
INTERCEPT = "Intercept"
TANK_TERM = "1|tank"
TANK_SIGMA = "1|tank_sigma"

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
    require_rows(df)
    for column in ("surv", "density"):
        if df[column].dtype.kind not in "iuf":
            raise TypeError(
                f"La columna data[{column!r}] debe tener números enteros no negativos; se "
                f"recibió una columna de tipo {df[column].dtype}."
            )
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
    α_i ~ N(μ, σ²) del libro escrito con los efectos de tanque u_i = α_i − μ (las previas
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

    if isinstance(intercept_prior, str | bytes) or not isinstance(intercept_prior, Sequence):
        raise TypeError(
            "El argumento 'intercept_prior' debe ser un par (media, desviación típica); se "
            f"recibió intercept_prior={format_value(intercept_prior)} (de tipo "
            f"{type(intercept_prior).__name__})."
        )
    if len(intercept_prior) != 2:
        raise ValueError(
            "El argumento 'intercept_prior' debe ser un par (media, desviación típica); se "
            f"recibió intercept_prior={format_value(intercept_prior)}."
        )
    mean = check_finite_scalar(intercept_prior[0], "intercept_prior[0]")
    sd = check_positive_finite(intercept_prior[1], "intercept_prior[1]")
    rate = check_positive_finite(sigma_rate, "sigma_rate")
    priors = {
        "Intercept": bmb.Prior("Normal", mu=mean, sigma=sd),
        "1|tank": bmb.Prior("Normal", mu=0.0, sigma=bmb.Prior("Exponential", lam=rate)),
    }
    return bambi_model(VARYING_INTERCEPTS, prepare_tadpoles(data), priors, family="binomial")


# --------------------------------------------------------------------------- predictivas


def _check_density(density) -> int:
    return check_integer(density, "density", minimum=1)


def _binomial(logit_p: xr.DataArray, density: int, rng) -> xr.Dataset:
    p = 1.0 / (1.0 + np.exp(-logit_p))
    surv = xr.DataArray(rng.binomial(density, p.to_numpy()), dims=p.dims, coords=p.coords)
    return xr.Dataset({"logit_p": logit_p, "p": p, "surv": surv})


def predict_tadpoles_new_tank(
    idata,
    *,
    density: int,
    n_new_groups: int = 1,
    random_seed=None,
) -> xr.Dataset:
    """Predictiva de sobrevivientes en un tanque NUEVO.

    ``logit p_new^(s) = μ^(s) + u_new^(s)``, ``u_new^(s) ~ N(0, (σ^(s))²)``, y
    ``S^(s) ~ Binomial(density, p_new^(s))``.

    Parameters
    ----------
    idata : arviz.InferenceData
        Ajuste de :func:`jerarquicos.models.tadpoles.varying_intercepts_model`.
    density : int
        Renacuajos iniciales del tanque nuevo.
    n_new_groups : int, default 1
        Número de tanques nuevos independientes.
    random_seed : int or numpy.random.Generator, optional
        Semilla o generador.

    Returns
    -------
    xarray.Dataset
        ``logit_p``, ``p`` y ``surv``, con dims ``(chain, draw, new_group)``.
    """
    posterior = posterior_group(idata)
    require_vars(posterior, [INTERCEPT, TANK_SIGMA], "tadpoles.varying_intercepts_model()")
    density = _check_density(density)
    rng = np.random.default_rng(check_random_seed(random_seed))
    u_new = new_group_effects(
        idata, group_sigma=TANK_SIGMA, n_new_groups=n_new_groups, random_seed=rng
    )
    logit_p = (posterior[INTERCEPT] + u_new).transpose("chain", "draw", "new_group")
    return _binomial(logit_p, density, rng)


def predict_tadpoles_tank(
    idata,
    tank,
    *,
    density: int,
    random_seed=None,
) -> xr.Dataset:
    """Predictiva de sobrevivientes al repetir un tanque EXISTENTE.

    ``logit p_i^(s) = μ^(s) + u_i^(s)`` (posterior del tanque i) y
    ``S^(s) ~ Binomial(density, p_i^(s))``.

    Parameters
    ----------
    idata : arviz.InferenceData
        Ajuste de :func:`jerarquicos.models.tadpoles.varying_intercepts_model`.
    tank : int or str
        Tanque existente (1..48).
    density : int
        Renacuajos iniciales de la repetición (normalmente los del tanque).
    random_seed : int or numpy.random.Generator, optional
        Semilla o generador.

    Returns
    -------
    xarray.Dataset
        ``logit_p``, ``p`` y ``surv``, con dims ``(chain, draw)``.
    """
    posterior = posterior_group(idata)
    require_vars(posterior, [INTERCEPT, TANK_TERM], "tadpoles.varying_intercepts_model()")
    density = _check_density(density)
    rng = np.random.default_rng(check_random_seed(random_seed))
    logit_p = posterior[INTERCEPT] + group_effect(
        idata, group_term=TANK_TERM, level=tank, level_name="tank"
    )
    return _binomial(logit_p.transpose("chain", "draw"), density, rng)
