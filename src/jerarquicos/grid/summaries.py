r"""Resúmenes de una distribución discreta sobre una grilla 1-D.

Una *distribución de grilla* es un par (valores :math:`x_1 < \dots < x_n`,
masas :math:`p_1, \dots, p_n \ge 0`). Puede darse de dos formas:

* un ``xarray.DataArray`` 1-D cuyos datos son las masas y cuya coordenada es la
  grilla (lo que devuelven ``GridPosterior.marginal`` y
  ``CollapsedPosterior.omega``), o
* dos arreglos: ``dist`` con los valores y ``masses`` con las masas.

Las masas no necesitan sumar exactamente 1: se dividen por su suma (que debe
ser positiva). Estas funciones las usan los dos motores (fuerza bruta y
colapsado) para construir sus tablas ``summary()``.

Método del intervalo
--------------------
:func:`grid_interval` calcula un intervalo de colas iguales invirtiendo, por
interpolación lineal, la *función de distribución en los puntos medios*

.. math::

    F_i = \sum_{k < i} p_k + \tfrac12 p_i ,

es decir, cada masa :math:`p_i` se reparte uniformemente en una celda centrada
en :math:`x_i` (la regla del punto medio) y el cuantil :math:`q` es el valor
:math:`x` donde la interpolación lineal de los puntos :math:`(x_i, F_i)` vale
:math:`q`. Para una densidad suave sobre una grilla uniforme de paso
:math:`h`, el error del cuantil es :math:`O(h^2)`, y el intervalo de una
distribución simétrica sobre una grilla simétrica es simétrico. Los puntos con
masa cero se omiten; si :math:`q` cae antes del primer :math:`F_i` (o después
del último) se devuelve el primer (o último) punto con masa positiva.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import xarray as xr

from ..validation import check_prob, check_real_array, format_value

__all__ = ["SUMMARY_COLUMNS", "grid_interval", "grid_mean", "grid_sd", "summarize"]

#: Columnas de las tablas de resumen de ambos motores.
SUMMARY_COLUMNS = ("mean", "sd", "lower", "upper")


def _as_distribution(dist, masses) -> tuple[np.ndarray, np.ndarray]:
    """Valida una distribución de grilla y devuelve (valores, masas normalizadas)."""
    if masses is None:
        if not isinstance(dist, xr.DataArray):
            raise TypeError(
                "El argumento 'dist' debe ser un xarray.DataArray 1-D (masas con la "
                "grilla como coordenada) o bien deben darse 'dist' (valores) y "
                f"'masses' (masas); se recibió dist de tipo {type(dist).__name__} y "
                "masses=None."
            )
        if dist.ndim != 1:
            raise ValueError(
                "El argumento 'dist' debe ser un DataArray 1-D; se recibió uno con "
                f"dimensiones {dist.dims}."
            )
        dim = dist.dims[0]
        values = check_real_array(dist[dim].values, "dist")
        probs = check_real_array(dist.values, "dist")
    else:
        values = check_real_array(dist.values if isinstance(dist, xr.DataArray) else dist, "dist")
        probs = check_real_array(masses, "masses")
    if values.ndim != 1 or values.size < 1:
        raise ValueError(
            "Los valores de la grilla ('dist') deben formar un arreglo 1-D no vacío; "
            f"se recibió uno de forma {values.shape}."
        )
    if probs.shape != values.shape:
        raise ValueError(
            "Los argumentos 'dist' (valores) y 'masses' (masas) deben tener la misma "
            f"longitud; se recibió len(dist)={values.size} y "
            f"len(masses)={probs.size}."
        )
    if not np.all(np.isfinite(values)):
        i = int(np.argmax(~np.isfinite(values)))
        raise ValueError(
            "Los valores de la grilla ('dist') deben ser finitos; se recibió "
            f"dist[{i}]={format_value(values[i])}."
        )
    if values.size > 1 and np.any(np.diff(values) <= 0):
        i = int(np.argmax(np.diff(values) <= 0))
        raise ValueError(
            "Los valores de la grilla ('dist') deben ser estrictamente crecientes; se "
            f"recibió dist[{i}]={format_value(values[i])} seguido de "
            f"dist[{i + 1}]={format_value(values[i + 1])}."
        )
    bad = ~(np.isfinite(probs) & (probs >= 0))
    if np.any(bad):
        i = int(np.argmax(bad))
        raise ValueError(
            "Las masas de probabilidad ('masses') deben ser números finitos no "
            f"negativos; se recibió masses[{i}]={format_value(probs[i])}."
        )
    total = probs.sum()
    if not total > 0:
        raise ValueError(
            "Las masas de probabilidad ('masses') deben tener suma positiva; todas son cero."
        )
    return values, probs / total


def grid_mean(dist, masses=None) -> float:
    r"""Media :math:`\sum_i p_i x_i` de una distribución de grilla.

    Parameters
    ----------
    dist : xarray.DataArray or array_like
        ``DataArray`` 1-D de masas con la grilla como coordenada, o los valores
        de la grilla si se da ``masses``.
    masses : array_like, optional
        Masas (no negativas, suma positiva; se normalizan).

    Returns
    -------
    float
        La media.

    Raises
    ------
    TypeError, ValueError
        Si la distribución no es válida.
    """
    values, probs = _as_distribution(dist, masses)
    return float(np.dot(probs, values))


def grid_sd(dist, masses=None) -> float:
    r"""Desviación estándar :math:`\sqrt{\sum_i p_i (x_i - \mu)^2}`.

    Parameters
    ----------
    dist : xarray.DataArray or array_like
        Igual que en :func:`grid_mean`.
    masses : array_like, optional
        Igual que en :func:`grid_mean`.

    Returns
    -------
    float
        La desviación estándar (calculada con la fórmula centrada).
    """
    values, probs = _as_distribution(dist, masses)
    return _sd(values, probs)


def _sd(values: np.ndarray, probs: np.ndarray) -> float:
    mu = np.dot(probs, values)
    return float(np.sqrt(np.dot(probs, (values - mu) ** 2)))


def grid_interval(dist, masses=None, prob: float = 0.95) -> tuple[float, float]:
    """Intervalo de colas iguales con probabilidad ``prob``.

    Usa la interpolación lineal de la función de distribución en los puntos
    medios descrita en la documentación del módulo.

    Parameters
    ----------
    dist : xarray.DataArray or array_like
        Igual que en :func:`grid_mean`.
    masses : array_like, optional
        Igual que en :func:`grid_mean`.
    prob : float, optional
        Probabilidad del intervalo, en (0, 1). Por defecto 0.95 (cuantiles
        0.025 y 0.975).

    Returns
    -------
    lower, upper : float
        Extremos del intervalo.
    """
    prob = check_prob(prob)
    values, probs = _as_distribution(dist, masses)
    return _interval(values, probs, prob)


def _interval(values: np.ndarray, probs: np.ndarray, prob: float) -> tuple[float, float]:
    keep = probs > 0
    x = values[keep]
    p = probs[keep]
    if x.size == 1:
        return float(x[0]), float(x[0])
    mid_cdf = np.cumsum(p) - 0.5 * p
    tail = 0.5 * (1.0 - prob)
    lower, upper = np.interp([tail, 1.0 - tail], mid_cdf, x)
    return float(lower), float(upper)


def summarize(dist, masses=None, prob: float = 0.95, name: str | None = None) -> pd.Series:
    """Media, desviación estándar e intervalo de colas iguales.

    Parameters
    ----------
    dist : xarray.DataArray or array_like
        Igual que en :func:`grid_mean`.
    masses : array_like, optional
        Igual que en :func:`grid_mean`.
    prob : float, optional
        Probabilidad del intervalo (por defecto 0.95).
    name : str, optional
        Nombre de la serie devuelta; por defecto, la dimensión del ``DataArray``
        (por ejemplo ``"omega"``) o ``None``.

    Returns
    -------
    pandas.Series
        Serie con índice ``("mean", "sd", "lower", "upper")``.

    Raises
    ------
    TypeError, ValueError
        Si la distribución, ``prob`` o ``name`` no son válidos.
    """
    prob = check_prob(prob)
    if name is not None and not isinstance(name, str):
        raise TypeError(
            "El argumento 'name' debe ser una cadena o None; se recibió "
            f"name={format_value(name)} (de tipo {type(name).__name__})."
        )
    values, probs = _as_distribution(dist, masses)
    if name is None and isinstance(dist, xr.DataArray) and masses is None:
        name = str(dist.dims[0])
    lower, upper = _interval(values, probs, prob)
    row = [float(np.dot(probs, values)), _sd(values, probs), lower, upper]
    return pd.Series(row, index=list(SUMMARY_COLUMNS), name=name, dtype=float)
