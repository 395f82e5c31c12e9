r"""La geometría del muestreo: interceptos variables del radón, centrados y no centrados.

El modelo es el de interceptos variables de :mod:`jerarquicos.models.radon`,

.. math::

    Y_i \sim \mathcal{N}(\alpha_{j[i]}, \sigma^2), \qquad
    \alpha_j \sim \mathcal{N}(\mu, \sigma_{\text{county}}^2),

escrito en PyMC de una manera que permite comparar parametrizaciones
compilando una sola vez:

* **La verosimilitud por estadísticos suficientes.** Dado
  :math:`(\alpha_j, \sigma)`, las casas de un condado sólo entran a través de
  cuántas son (:math:`n_j`), su promedio (:math:`\bar y_j`) y su suma de
  cuadrados alrededor del promedio (:math:`SS_j`):

  .. math::

      \sum_{i: j[i] = j} \log \mathcal{N}(Y_i \mid \alpha_j, \sigma^2)
      = -n_j \log\sigma - \frac{SS_j + n_j(\bar y_j - \alpha_j)^2}{2\sigma^2}
      + \text{cte}.

  Esos tres números por condado son un ``pm.Data`` (``county_stats``), así
  que el mismo modelo compilado sirve para los datos completos, para un
  subconjunto con pocas casas por condado, para datos simulados con muchas y
  hasta para ninguna casa (:math:`n_j = 0`: la posterior es la previa).
* **Una perilla de centrado** :math:`w \in [0, 1]` (``centering``, otro
  ``pm.Data``): el muestreador recorre
  :math:`\tilde\alpha_j \sim \mathcal{N}(w\mu, \sigma_{\text{county}}^{2w})` y
  :math:`\alpha_j = \mu + \sigma_{\text{county}}^{1-w}(\tilde\alpha_j - w\mu)`.
  Con :math:`w = 1`, :math:`\tilde\alpha_j = \alpha_j` (la parametrización
  **centrada**); con :math:`w = 0`, :math:`\tilde\alpha_j = z_j \sim
  \mathcal{N}(0, 1)` y :math:`\alpha_j = \mu + \sigma_{\text{county}} z_j` (la
  **no centrada**). Para todo :math:`w` la distribución de :math:`\alpha_j`
  es la misma (Papaspiliopoulos, Roberts y Sköld 2007); sólo cambia el
  espacio que recorre NUTS.
* **La escala de la previa de** :math:`\sigma_{\text{county}}`
  (``sigma_county_scale``, un tercer ``pm.Data``), para estudiar la
  sensibilidad a la previa sin recompilar.

:func:`jerarquicos.models.variants.fit_variants` compila el modelo una vez y
lo muestrea con cada combinación de esos datos;
:func:`jerarquicos.models.variants.efficiency_table` resume divergencias,
tamaño efectivo de muestra y costo. :math:`\alpha_j` no es una variable del
modelo (sin ``Deterministic`` nutpie compila más rápido): :func:`add_alpha` la
agrega al posterior.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from ..validation import (
    check_finite_array,
    check_finite_scalar,
    check_integer,
    check_normal_prior,
    check_positive_finite,
    check_random_seed,
)
from ._data import as_categorical, require_frame

__all__ = [
    "CENTERED",
    "NON_CENTERED",
    "HYPERPARAMETERS",
    "TARGET_VARS",
    "add_alpha",
    "county_statistics",
    "intercepts_model",
    "simulate_county_statistics",
]

#: Valores de la perilla ``centering``.
CENTERED = 1.0
NON_CENTERED = 0.0

#: Nombres de las variables del modelo.
MU = "mu"
SIGMA = "sigma"
SIGMA_COUNTY = "sigma_county"
ALPHA = "alpha"
ALPHA_RAW = "alpha_raw"
COUNTY = "county"
STATS_COLUMNS = ("n", "mean", "ss")
#: Variables cuya convergencia se revisa (las del modelo, no la auxiliar ``alpha_raw``).
TARGET_VARS = (MU, SIGMA_COUNTY, SIGMA, ALPHA)
#: Los hiperparámetros y la desviación típica residual: los más lentos de muestrear.
HYPERPARAMETERS = (MU, SIGMA_COUNTY, SIGMA)


def county_statistics(data: pd.DataFrame, *, max_houses: int | None = None) -> pd.DataFrame:
    """Estadísticos suficientes del log-radón por condado: ``n``, ``mean`` y ``ss``.

    Parameters
    ----------
    data : pandas.DataFrame
        Con columnas ``county`` y ``log_radon`` (como ``load_dataset("radon")``).
    max_houses : int, optional
        Si se da, sólo se usan las primeras ``max_houses`` casas de cada condado
        (en el orden de los datos): un subconjunto con pocas casas por condado.

    Returns
    -------
    pandas.DataFrame
        Una fila por condado (todos los de ``data``, en el orden de sus
        categorías) y columnas ``n`` (casas), ``mean`` (promedio; 0 si no hay
        casas) y ``ss`` (suma de cuadrados alrededor del promedio).

    Raises
    ------
    TypeError, ValueError
        Si faltan columnas, hay ausentes o ``max_houses`` no es un entero positivo.
    """
    df = require_frame(data, [COUNTY, "log_radon"])
    if df[[COUNTY, "log_radon"]].isna().any().any():
        raise ValueError(
            "Las columnas data['county'] y data['log_radon'] tienen valores ausentes: se "
            "admiten sólo datos completos."
        )
    df[COUNTY] = as_categorical(df[COUNTY])
    if max_houses is not None:
        max_houses = check_integer(max_houses, "max_houses", minimum=1)
        df = df.groupby(COUNTY, observed=True, sort=False).head(int(max_houses))
    grouped = df.groupby(COUNTY, observed=False)["log_radon"]
    n = grouped.size()
    mean = grouped.mean().fillna(0.0)
    ss = grouped.apply(lambda v: float(np.sum((v - v.mean()) ** 2)) if len(v) else 0.0)
    table = pd.DataFrame({"n": n.astype(float), "mean": mean, "ss": ss.astype(float)})
    table.index = table.index.astype(str)
    table.index.name = COUNTY
    return table


def simulate_county_statistics(
    county_means, sigma: float, n_per_county: int, *, random_seed=None
) -> pd.DataFrame:
    r"""Estadísticos suficientes de datos simulados con ``n_per_county`` casas por condado.

    Para cada condado, :math:`\bar y_j \sim \mathcal{N}(\alpha_j, \sigma^2/n)` y
    :math:`SS_j \sim \sigma^2 \chi^2_{n-1}`, que es exactamente la distribución
    de los estadísticos de :math:`n` casas normales independientes.

    Parameters
    ----------
    county_means : pandas.Series or array_like
        Medias verdaderas :math:`\alpha_j` (con el nombre del condado como índice,
        si es una serie).
    sigma : float
        Desviación típica residual :math:`\sigma`, positivo.
    n_per_county : int
        Casas por condado (al menos 2).
    random_seed : int or numpy.random.Generator, optional

    Returns
    -------
    pandas.DataFrame
        Como :func:`county_statistics`.
    """
    sigma = check_positive_finite(sigma, "sigma")
    n_per_county = check_integer(n_per_county, "n_per_county", minimum=2)
    index = getattr(county_means, "index", None)
    means = check_finite_array(county_means, "county_means", min_size=1).ravel()
    rng = np.random.default_rng(check_random_seed(random_seed))
    n = int(n_per_county)
    table = pd.DataFrame(
        {
            "n": np.full(means.size, float(n)),
            "mean": means + sigma / np.sqrt(n) * rng.standard_normal(means.size),
            "ss": sigma**2 * rng.chisquare(n - 1, size=means.size),
        },
        index=pd.Index(index if index is not None else np.arange(means.size), name=COUNTY),
    )
    return table


def _stats_array(stats) -> np.ndarray:
    if not isinstance(stats, pd.DataFrame) or list(stats.columns) != list(STATS_COLUMNS):
        raise TypeError(
            "El argumento stats debe ser un pandas.DataFrame con columnas "
            f"{list(STATS_COLUMNS)} (lo que devuelve county_statistics); se recibió "
            f"{type(stats).__name__}."
        )
    arr = stats.to_numpy(dtype=float)
    if not np.all(np.isfinite(arr)) or np.any(arr[:, 0] < 0) or np.any(arr[:, 2] < 0):
        raise ValueError(
            "El argumento stats tiene valores no válidos: n y ss deben ser finitos y no "
            "negativos, y mean finito."
        )
    return arr


def intercepts_model(
    stats: pd.DataFrame,
    *,
    centering: float = CENTERED,
    sigma_county_scale: float = 1.0,
    mu_prior: tuple[float, float] = (1.0, 2.0),
    sigma_scale: float = 1.0,
):
    r"""Interceptos variables por condado, con la perilla de centrado (ver el módulo).

    Previas: :math:`\mu \sim \mathcal{N}(m, s^2)` (``mu_prior`` = (m, s)),
    :math:`\sigma_{\text{county}} \sim \text{HalfNormal}(\text{sigma\_county\_scale})`
    y :math:`\sigma \sim \text{HalfNormal}(\text{sigma\_scale})`.

    Parameters
    ----------
    stats : pandas.DataFrame
        Estadísticos por condado (:func:`county_statistics`); define los condados.
    centering : float, default 1.0
        :data:`CENTERED` (1), :data:`NON_CENTERED` (0) o un valor intermedio.
    sigma_county_scale : float, default 1.0
        Escala de la previa semi-normal de :math:`\sigma_{\text{county}}`.
    mu_prior : (float, float), default (1.0, 2.0)
        Media y desviación típica de la previa normal de :math:`\mu`.
    sigma_scale : float, default 1.0
        Escala de la previa semi-normal de :math:`\sigma`.

    Returns
    -------
    pymc.Model
        Modelo sin ajustar con los ``pm.Data`` ``county_stats``, ``centering`` y
        ``sigma_county_scale``; variables ``mu``, ``sigma_county``, ``sigma`` y
        ``alpha_raw`` (la que recorre el muestreador; :func:`add_alpha` calcula
        ``alpha``).
    """
    import pymc as pm
    import pytensor.tensor as pt

    arr = _stats_array(stats)
    w = check_finite_scalar(centering, "centering")
    if not 0.0 <= w <= 1.0:
        raise ValueError(
            f"El argumento centering={centering!r} no es válido: se admite un número entre 0 "
            "(no centrada) y 1 (centrada)."
        )
    scale = check_positive_finite(sigma_county_scale, "sigma_county_scale")
    m, s = check_normal_prior(mu_prior, "mu_prior")
    sigma_scale = check_positive_finite(sigma_scale, "sigma_scale")
    coords = {COUNTY: [str(c) for c in stats.index]}
    # check_bounds=False: las transformaciones ya garantizan escalas positivas, y sin los
    # controles nutpie compila bastante más rápido.
    with pm.Model(coords=coords, check_bounds=False) as model:
        data = pm.Data("county_stats", arr)
        knob = pm.Data("centering", w)
        prior_scale = pm.Data("sigma_county_scale", scale)
        mu = pm.Normal(MU, m, s)
        sigma_county = pm.HalfNormal(SIGMA_COUNTY, prior_scale)
        sigma = pm.HalfNormal(SIGMA, sigma_scale)
        raw = pm.Normal(ALPHA_RAW, knob * mu, sigma_county**knob, dims=COUNTY)
        alpha = mu + sigma_county ** (1.0 - knob) * (raw - knob * mu)
        n, ybar, ss = data[:, 0], data[:, 1], data[:, 2]
        pm.Potential(
            "log_likelihood",
            pt.sum(-n * pt.log(sigma) - (ss + n * (ybar - alpha) ** 2) / (2.0 * sigma**2)),
        )
    return model


def add_alpha(idata, centering: float):
    r"""Agrega :math:`\alpha_j = \mu + \sigma_{\text{county}}^{1-w}(\tilde\alpha_j - w\mu)`.

    Parameters
    ----------
    idata : arviz.InferenceData
        Ajuste de :func:`intercepts_model`.
    centering : float
        El valor de la perilla :math:`w` con que se muestreó ese ajuste.

    Returns
    -------
    arviz.InferenceData
        El mismo objeto, con ``alpha`` (dimensiones ``chain, draw, county``).
    """
    from .groups import posterior_group, require_vars

    posterior = posterior_group(idata)
    require_vars(posterior, [MU, SIGMA_COUNTY, ALPHA_RAW], "intercepts_model()")
    w = check_finite_scalar(centering, "centering")
    if not 0.0 <= w <= 1.0:
        raise ValueError(
            f"El argumento centering={centering!r} no es válido: se admite un número entre 0 "
            "y 1 (el mismo con que se muestreó)."
        )
    mu, scale = posterior[MU], posterior[SIGMA_COUNTY]
    idata.posterior[ALPHA] = mu + scale ** (1.0 - w) * (posterior[ALPHA_RAW] - w * mu)
    return idata
