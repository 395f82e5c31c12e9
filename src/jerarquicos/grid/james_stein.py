r"""El estimador de James–Stein: *shrinkage* sin inferencia bayesiana.

Se observan :math:`K` valores :math:`x_k \sim \mathcal{N}(\theta_k, \sigma^2)`,
independientes, con :math:`\sigma` conocida, y se quiere estimar el vector de
medias :math:`\theta = (\theta_1, \dots, \theta_K)` con el error cuadrático total
:math:`\sum_k (\hat\theta_k - \theta_k)^2`. El estimador de máxima verosimilitud
es :math:`\hat\theta_k = x_k`. James y Stein (1961) mostraron que, para
:math:`K \ge 3`, el estimador

.. math::

    \hat\theta^{\mathrm{JS}} = c
    + \Bigl(1 - \frac{(K-2)\,\sigma^2}{\lVert x - c\rVert^2}\Bigr)(x - c)

(que contrae todas las observaciones hacia un punto fijo :math:`c`) tiene un error
cuadrático esperado menor para *cualquier* :math:`\theta`. Si el centro es el
promedio :math:`\bar x` de las observaciones, se pierde un grado de libertad:

.. math::

    \hat\theta^{\mathrm{JS}} = \bar x
    + \Bigl(1 - \frac{(K-3)\,\sigma^2}{\lVert x - \bar x\rVert^2}\Bigr)(x - \bar x),

que domina al de máxima verosimilitud para :math:`K \ge 4`. La versión de «parte
positiva» recorta el factor en 0 para que nunca cambie el signo de
:math:`x - c`; es aún mejor.

No hay distribución a priori: es un estimador clásico. El *shrinkage* aparece
porque las :math:`K` medias se estiman juntas, como si provinieran de una misma
población, que es la idea de un modelo jerárquico.
"""

from __future__ import annotations

import numbers

import numpy as np

from ..validation import check_memory, check_positive_finite, check_real_array, format_value

__all__ = ["CENTERS", "james_stein", "squared_errors"]

#: Centros simbólicos admitidos por :func:`james_stein` (además de un número).
CENTERS = ("mean", "zero")


def _min_size(center) -> int:
    return 4 if isinstance(center, str) and center == "mean" else 3


def _check_center(center) -> str | float:
    if isinstance(center, str):
        if center not in CENTERS:
            raise ValueError(
                "El argumento 'center' debe ser 'mean', 'zero' o un número real finito; "
                f"se recibió center={center!r}."
            )
        return center
    if isinstance(center, bool | np.bool_) or not isinstance(center, numbers.Real):
        raise TypeError(
            "El argumento 'center' debe ser 'mean', 'zero' o un número real finito; "
            f"se recibió center={format_value(center)} (de tipo {type(center).__name__})."
        )
    value = float(center)
    if not np.isfinite(value):
        raise ValueError(
            "El argumento 'center' debe ser 'mean', 'zero' o un número real finito; "
            f"se recibió center={format_value(value)}."
        )
    return value


def james_stein(x, sigma: float = 1.0, *, center="mean", positive_part: bool = True):
    r"""Estimador de James–Stein de :math:`K` medias normales con varianza conocida.

    Parameters
    ----------
    x : array_like
        Observaciones, una por media. Si es un arreglo de más de una dimensión,
        cada fila (el último eje) es un conjunto de :math:`K` observaciones y se
        contrae por separado; así se evalúan muchas simulaciones a la vez.
    sigma : float, optional
        Desviación estándar conocida de cada observación (finita y positiva).
    center : {"mean", "zero"} or float, optional
        Hacia dónde se contrae: ``"mean"`` (por defecto), el promedio de las
        observaciones de la fila (requiere :math:`K \ge 4`); ``"zero"``, el 0; o
        un número fijo (requieren :math:`K \ge 3`).
    positive_part : bool, optional
        Si es ``True`` (por defecto) el factor de contracción se recorta en 0.

    Returns
    -------
    numpy.ndarray
        Estimaciones, con la forma de ``x``.

    Raises
    ------
    TypeError
        Si ``x`` no es numérico, si ``center`` no es una cadena ni un número o
        si ``positive_part`` no es booleano.
    ValueError
        Si ``x`` tiene valores no finitos o menos medias de las necesarias, o si
        ``sigma`` o ``center`` no son válidos.

    Examples
    --------
    >>> james_stein([1.0, -1.0, 2.0, 0.0], center="zero").round(3)
    array([ 0.667, -0.667,  1.333,  0.   ])
    """
    arr = check_real_array(x, "x")
    s = check_positive_finite(sigma, "sigma")
    c = _check_center(center)
    if not isinstance(positive_part, bool | np.bool_):
        raise TypeError(
            "El argumento 'positive_part' debe ser True o False; se recibió "
            f"positive_part={format_value(positive_part)} (de tipo "
            f"{type(positive_part).__name__})."
        )
    if arr.ndim == 0:
        raise ValueError(
            "El argumento 'x' debe ser un arreglo con al menos una dimensión (una "
            "observación por media); se recibió un escalar."
        )
    k = arr.shape[-1]
    needed = _min_size(c)
    if k < needed:
        where = "el promedio" if c == "mean" else "un punto fijo"
        raise ValueError(
            f"El estimador de James–Stein hacia {where} necesita al menos {needed} "
            f"medias (el último eje de 'x'); se recibieron {k}."
        )
    bad = ~np.isfinite(arr)
    if np.any(bad):
        idx = tuple(int(i) for i in np.argwhere(bad)[0])
        where = idx[0] if len(idx) == 1 else idx
        raise ValueError(
            "Cada valor del argumento 'x' debe ser un número finito; se recibió "
            f"x[{where}]={format_value(arr[idx])}."
        )
    if c == "mean":
        origin = arr.mean(axis=-1, keepdims=True)
        dof = k - 3
    else:
        origin = np.zeros_like(arr[..., :1]) + (0.0 if c == "zero" else c)
        dof = k - 2
    dev = arr - origin
    norm2 = np.sum(dev**2, axis=-1, keepdims=True)
    # Si todas las observaciones coinciden con el centro, la estimación es el centro.
    safe = np.where(norm2 > 0, norm2, 1.0)
    factor = np.where(norm2 > 0, 1.0 - dof * s**2 / safe, 0.0)
    if positive_part:
        factor = np.maximum(factor, 0.0)
    return origin + factor * dev


def squared_errors(
    theta, n_sims: int, rng, sigma: float = 1.0, *, center="mean", positive_part: bool = True
):
    r"""Error cuadrático total de máxima verosimilitud y de James–Stein en simulaciones.

    En cada una de ``n_sims`` repeticiones se simula :math:`x_k = \theta_k +
    \sigma\,\varepsilon_k` con :math:`\varepsilon_k \sim \mathcal{N}(0, 1)` y se
    calcula :math:`\sum_k (\hat\theta_k - \theta_k)^2` para :math:`\hat\theta = x`
    (máxima verosimilitud) y para :func:`james_stein`.

    Parameters
    ----------
    theta : array_like
        Medias verdaderas, 1-D, de longitud :math:`K`.
    n_sims : int
        Número de repeticiones (entero positivo).
    rng : numpy.random.Generator
        Generador de números aleatorios (por ejemplo
        ``np.random.default_rng(semilla)``), para que el resultado sea
        reproducible.
    sigma : float, optional
        Desviación estándar de las observaciones.
    center, positive_part
        Se pasan a :func:`james_stein`.

    Returns
    -------
    mle, js : numpy.ndarray
        Errores cuadráticos totales de cada repetición (longitud ``n_sims``).

    Raises
    ------
    TypeError, ValueError
        Si algún argumento no es válido.
    """
    t = check_real_array(theta, "theta")
    if t.ndim != 1 or not np.all(np.isfinite(t)):
        raise ValueError(
            "El argumento 'theta' debe ser un arreglo 1-D de números finitos; se "
            f"recibió theta={format_value(t)}."
        )
    if isinstance(n_sims, bool | np.bool_) or not isinstance(n_sims, numbers.Integral):
        raise TypeError(
            "El argumento 'n_sims' debe ser un número entero positivo; se recibió "
            f"n_sims={format_value(n_sims)} (de tipo {type(n_sims).__name__})."
        )
    if n_sims < 1:
        raise ValueError(
            f"El argumento 'n_sims' debe ser un número entero positivo; se recibió n_sims={n_sims}."
        )
    if not isinstance(rng, np.random.Generator):
        raise TypeError(
            "El argumento 'rng' debe ser un numpy.random.Generator (por ejemplo "
            f"np.random.default_rng(1)); se recibió un objeto de tipo {type(rng).__name__}."
        )
    s = check_positive_finite(sigma, "sigma")
    check_memory(int(n_sims) * t.size, "n_sims", what="las simulaciones de x")
    x = t + s * rng.standard_normal((int(n_sims), t.size))
    js = james_stein(x, s, center=center, positive_part=positive_part)
    mle_error = np.sum((x - t) ** 2, axis=-1)
    js_error = np.sum((js - t) ** 2, axis=-1)
    return mle_error, js_error
