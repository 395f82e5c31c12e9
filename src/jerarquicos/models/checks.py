r"""Verificar y comparar modelos: predictivas a priori y a posteriori, y LOO, para el radón.

Un solo modelo de PyMC cubre los tres agrupamientos del capítulo del radón,
con un ``pm.Data`` de tres números (``pooling`` = :math:`(c, e, \tau_0)`) que
elige cuál:

.. math::

    Y_i \sim \mathcal{N}(\alpha_{j[i]}, \sigma^2), \qquad
    \alpha_j = c\,\mu + \bigl(e\,\sigma_{\text{county}} + (1 - e)\,\tau_0\bigr) z_j,
    \qquad z_j \sim \mathcal{N}(0, 1),

* :data:`COMPLETE` :math:`(1, 0, 0)`: :math:`\alpha_j = \mu` (pooling completo);
* :data:`NO_POOLING` :math:`(0, 0, 10)`: :math:`\alpha_j = 10 z_j`, es decir,
  :math:`\alpha_j \sim \mathcal{N}(0, 10^2)` independientes (sin pooling);
* :data:`PARTIAL` :math:`(1, 1, 0)`: :math:`\alpha_j = \mu + \sigma_{\text{county}} z_j`
  (pooling parcial, no centrado).

Con :math:`\mu \sim \mathcal{N}(1, 2^2)`, :math:`\sigma_{\text{county}},
\sigma \sim \text{HalfNormal}(1)` (los parámetros que una variante no usa se
muestrean de su previa y no afectan nada). La verosimilitud entra por los
estadísticos suficientes de cada condado (ver :mod:`jerarquicos.models.geometry`),
así que el muestreo es el mismo que con las 919 casas; lo que necesita cada
casa (la log-verosimilitud de cada observación para LOO y las réplicas de la
predictiva a posteriori) se calcula después, con las extracciones, en
:func:`add_log_likelihood` y :func:`add_posterior_predictive`.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import xarray as xr

from ..validation import (
    check_finite_array,
    check_idata,
    check_integer,
    check_memory,
    check_normal_prior,
    check_positive_finite,
    check_random_seed,
    check_real_array,
    format_value,
    raise_first_invalid,
)
from ._data import require_frame
from .geometry import _stats_array
from .groups import posterior_group, require_vars

__all__ = [
    "COMPLETE",
    "NO_POOLING",
    "PARTIAL",
    "POOLINGS",
    "add_alpha",
    "add_log_likelihood",
    "add_posterior_predictive",
    "county_mean_spread",
    "pooling_model",
    "ppc_densities",
    "prior_predictive_log_radon",
    "replicated_statistic",
]

#: Valores del ``pm.Data`` ``pooling`` para cada agrupamiento.
COMPLETE = (1.0, 0.0, 0.0)
NO_POOLING = (0.0, 0.0, 10.0)
PARTIAL = (1.0, 1.0, 0.0)
#: Los tres, con sus nombres en el libro.
POOLINGS = {"pooling completo": COMPLETE, "sin pooling": NO_POOLING, "pooling parcial": PARTIAL}

MU = "mu"
SIGMA = "sigma"
SIGMA_COUNTY = "sigma_county"
Z = "z"
ALPHA = "alpha"
COUNTY = "county"
HOUSE = "house"
OBSERVED = "log_radon"


def pooling_model(
    stats: pd.DataFrame,
    *,
    pooling=PARTIAL,
    mu_prior: tuple[float, float] = (1.0, 2.0),
    sigma_county_scale: float = 1.0,
    sigma_scale: float = 1.0,
):
    r"""Radón con el agrupamiento elegido por el ``pm.Data`` ``pooling`` (ver el módulo).

    Parameters
    ----------
    stats : pandas.DataFrame
        Estadísticos por condado (:func:`jerarquicos.models.geometry.county_statistics`).
    pooling : (float, float, float), default PARTIAL
        :data:`COMPLETE`, :data:`NO_POOLING` o :data:`PARTIAL`.
    mu_prior : (float, float), default (1.0, 2.0)
        Media y desviación típica de la previa normal de :math:`\mu`.
    sigma_county_scale, sigma_scale : float, default 1.0
        Escalas de las previas semi-normales de :math:`\sigma_{\text{county}}` y
        :math:`\sigma`.

    Returns
    -------
    pymc.Model
        Modelo sin ajustar con ``pm.Data`` ``county_stats`` y ``pooling``; variables
        ``mu``, ``sigma_county``, ``sigma`` y ``z`` (:func:`add_alpha` calcula
        ``alpha``).
    """
    import pymc as pm
    import pytensor.tensor as pt

    arr = _stats_array(stats)
    knobs = _check_pooling(pooling)
    m, s = check_normal_prior(mu_prior, "mu_prior")
    county_scale = check_positive_finite(sigma_county_scale, "sigma_county_scale")
    sigma_scale = check_positive_finite(sigma_scale, "sigma_scale")
    coords = {COUNTY: [str(c) for c in stats.index]}
    with pm.Model(coords=coords, check_bounds=False) as model:
        data = pm.Data("county_stats", arr)
        knob = pm.Data("pooling", knobs)
        mu = pm.Normal(MU, m, s)
        sigma_county = pm.HalfNormal(SIGMA_COUNTY, county_scale)
        sigma = pm.HalfNormal(SIGMA, sigma_scale)
        z = pm.Normal(Z, 0.0, 1.0, dims=COUNTY)
        scale = knob[1] * sigma_county + (1.0 - knob[1]) * knob[2]
        alpha = knob[0] * mu + scale * z
        n, ybar, ss = data[:, 0], data[:, 1], data[:, 2]
        pm.Potential(
            "log_likelihood",
            pt.sum(-n * pt.log(sigma) - (ss + n * (ybar - alpha) ** 2) / (2.0 * sigma**2)),
        )
    return model


def _check_pooling(pooling) -> np.ndarray:
    if isinstance(pooling, str | bytes):
        raise TypeError(
            "El argumento 'pooling' debe ser una terna de números (c, e, tau_0), como "
            f"COMPLETE, NO_POOLING o PARTIAL; se recibió la cadena pooling={pooling!r}."
        )
    arr = check_real_array(pooling, "pooling")
    if arr.shape != (3,) or not np.all(np.isfinite(arr)) or arr[2] < 0:
        raise ValueError(
            f"El argumento pooling={pooling!r} no es válido: se admite COMPLETE, NO_POOLING, "
            "PARTIAL o una terna (c, e, tau_0) con tau_0 >= 0."
        )
    return arr


def add_alpha(idata, pooling):
    """Agrega :math:`\\alpha_j` al posterior de un ajuste de :func:`pooling_model`.

    Parameters
    ----------
    idata : arviz.InferenceData
        Ajuste de :func:`pooling_model`.
    pooling : (float, float, float)
        La terna con que se muestreó (:data:`COMPLETE`, ...).

    Returns
    -------
    arviz.InferenceData
        El mismo objeto, con ``alpha`` (dimensiones ``chain, draw, county``).
    """
    posterior = posterior_group(idata)
    require_vars(posterior, [MU, SIGMA_COUNTY, Z], "pooling_model()")
    c, e, tau0 = _check_pooling(pooling)
    scale = e * posterior[SIGMA_COUNTY] + (1.0 - e) * tau0
    idata.posterior[ALPHA] = c * posterior[MU] + scale * posterior[Z]
    return idata


def _houses(data: pd.DataFrame, posterior) -> tuple[np.ndarray, np.ndarray]:
    """Índice de condado de cada casa (en el orden de ``posterior.county``) y su log-radón."""
    df = require_frame(data, [COUNTY, OBSERVED])
    counties = [str(c) for c in posterior[COUNTY].values]
    codes = pd.Index(counties).get_indexer(df[COUNTY].astype(str))
    if np.any(codes < 0):
        missing = sorted(set(df[COUNTY].astype(str)) - set(counties))[:3]
        raise ValueError(
            f"El argumento data tiene condados que el ajuste no conoce ({missing}, ...): se "
            "admiten los datos con que se calcularon los estadísticos del modelo."
        )
    return codes.astype(np.intp), df[OBSERVED].to_numpy(dtype=float)


def add_log_likelihood(idata, data: pd.DataFrame):
    r"""Agrega el grupo ``log_likelihood``: :math:`\log\mathcal{N}(y_i \mid \alpha_{j[i]}, \sigma)`.

    Es lo que necesitan ``arviz.loo`` y ``arviz.compare``: una log-densidad por
    casa y por extracción.

    Parameters
    ----------
    idata : arviz.InferenceData
        Ajuste con ``alpha`` (ver :func:`add_alpha`) y ``sigma``.
    data : pandas.DataFrame
        Los datos de radón con que se calcularon los estadísticos.

    Returns
    -------
    arviz.InferenceData
        El mismo objeto, con ``log_likelihood["log_radon"]`` (dimensiones
        ``chain, draw, house``).
    """
    posterior = posterior_group(idata)
    require_vars(posterior, [ALPHA, SIGMA], "pooling_model() con add_alpha()")
    codes, y = _houses(data, posterior)
    alpha = posterior[ALPHA].values[:, :, codes]
    sigma = posterior[SIGMA].values[:, :, None]
    values = -0.5 * ((y - alpha) / sigma) ** 2 - np.log(sigma) - 0.5 * np.log(2 * np.pi)
    group = xr.Dataset(
        {OBSERVED: (("chain", "draw", HOUSE), values)},
        coords={
            "chain": posterior["chain"].values,
            "draw": posterior["draw"].values,
            HOUSE: np.arange(y.size),
        },
    )
    if "log_likelihood" in idata.groups():
        del idata.log_likelihood
    idata.add_groups(log_likelihood=group)
    return idata


def add_posterior_predictive(idata, data: pd.DataFrame, *, random_seed=None):
    r"""Agrega ``posterior_predictive``: una réplica de cada casa por extracción.

    :math:`y_i^{\text{rep}} \sim \mathcal{N}(\alpha_{j[i]}, \sigma^2)` con los
    :math:`\alpha_j` y :math:`\sigma` de cada extracción; también agrega
    ``observed_data`` con los datos.

    Parameters
    ----------
    idata : arviz.InferenceData
        Ajuste con ``alpha`` (ver :func:`add_alpha`) y ``sigma``.
    data : pandas.DataFrame
        Los datos de radón.
    random_seed : int or numpy.random.Generator, optional

    Returns
    -------
    arviz.InferenceData
    """
    posterior = posterior_group(idata)
    require_vars(posterior, [ALPHA, SIGMA], "pooling_model() con add_alpha()")
    codes, y = _houses(data, posterior)
    n_draws = posterior.sizes.get("chain", 1) * posterior.sizes.get("draw", 1)
    check_memory(n_draws * y.size, "data", what="las réplicas de la predictiva a posteriori")
    rng = np.random.default_rng(check_random_seed(random_seed))
    alpha = posterior[ALPHA].values[:, :, codes]
    sigma = posterior[SIGMA].values[:, :, None]
    replicas = alpha + sigma * rng.standard_normal(alpha.shape)
    coords = {"chain": posterior["chain"].values, "draw": posterior["draw"].values}
    for name in ("posterior_predictive", "observed_data"):
        if name in idata.groups():
            delattr(idata, name)
    idata.add_groups(
        posterior_predictive=xr.Dataset(
            {OBSERVED: (("chain", "draw", HOUSE), replicas)},
            coords={**coords, HOUSE: np.arange(y.size)},
        ),
        observed_data=xr.Dataset({OBSERVED: ((HOUSE,), y)}, coords={HOUSE: np.arange(y.size)}),
    )
    return idata


def county_mean_spread(values, county_codes) -> np.ndarray:
    """Desviación típica (``ddof=0``) de los promedios por condado, para cada fila de ``values``.

    Parameters
    ----------
    values : array_like
        Log-radón de las casas: 1-D (los datos) o 2-D (una réplica por fila).
    county_codes : array_like of int
        Condado de cada casa, de ``0`` a ``J - 1``.

    Returns
    -------
    numpy.ndarray
        Una desviación típica por fila (un escalar de dimensión 0 si ``values`` es 1-D).
    """
    if isinstance(values, str | bytes):
        raise TypeError(
            f"El argumento 'values' debe contener números reales; se recibió values={values!r}."
        )
    y = np.atleast_2d(check_real_array(values, "values"))
    if y.ndim != 2 or y.shape[1] == 0:
        raise ValueError(
            "El argumento 'values' debe ser un arreglo 1-D o 2-D no vacío; se recibió uno de "
            f"forma {np.shape(values)}."
        )
    if isinstance(county_codes, str | bytes):
        raise TypeError(
            "El argumento 'county_codes' debe contener enteros de 0 a J - 1; se recibió "
            f"county_codes={county_codes!r}."
        )
    codes = np.asarray(county_codes)
    if codes.dtype.kind not in "iu":
        raise TypeError(
            "El argumento 'county_codes' debe contener enteros de 0 a J - 1; se recibió un "
            f"arreglo de tipo {codes.dtype}."
        )
    if codes.ndim != 1 or codes.size != y.shape[1]:
        raise ValueError(
            f"El argumento 'county_codes' debe tener un código por casa ({y.shape[1]}); se "
            f"recibió uno de forma {codes.shape}."
        )
    if np.any(codes < 0):
        raise_first_invalid(codes, codes < 0, "county_codes", "un entero no negativo")
    codes = codes.astype(np.intp)
    n_groups = int(codes.max()) + 1
    counts = np.bincount(codes, minlength=n_groups)
    sums = np.zeros((y.shape[0], n_groups))
    np.add.at(sums, (slice(None), codes), y)
    means = sums[:, counts > 0] / counts[counts > 0]
    spread = means.std(axis=1)
    return spread[0] if np.ndim(values) == 1 else spread


def replicated_statistic(idata, statistic) -> tuple[float, np.ndarray]:
    """El estadístico en los datos y en cada réplica de la predictiva a posteriori.

    Parameters
    ----------
    idata : arviz.InferenceData
        Con ``observed_data`` y ``posterior_predictive`` (ver
        :func:`add_posterior_predictive`).
    statistic : callable
        Recibe un arreglo 1-D (los datos) o 2-D (una réplica por fila) y devuelve
        un número por fila.

    Returns
    -------
    observed : float
        El estadístico en los datos.
    replicated : numpy.ndarray
        Un valor por extracción (cadenas concatenadas).
    """
    check_idata(idata, "idata", groups=())
    if not callable(statistic):
        raise TypeError(
            "El argumento 'statistic' debe ser una función (p. ej. np.mean); se recibió "
            f"statistic={format_value(statistic)} (de tipo {type(statistic).__name__})."
        )
    for group in ("observed_data", "posterior_predictive"):
        if group not in idata.groups():
            raise ValueError(
                f"El argumento idata no tiene el grupo {group!r}: llame antes a "
                "add_posterior_predictive()."
            )
    y = idata.observed_data[OBSERVED].values
    replicas = idata.posterior_predictive[OBSERVED].values.reshape(-1, y.size)
    return float(statistic(y)), np.asarray(statistic(replicas), dtype=float)


def prior_predictive_log_radon(
    *,
    mu_prior: tuple[float, float],
    sigma_county_scale: float,
    sigma_scale: float,
    n_draws: int,
    random_seed=None,
) -> np.ndarray:
    r"""Log-radón de una casa de un condado cualquiera, simulado sólo con las previas.

    Para cada extracción: :math:`\mu \sim \mathcal{N}(m, s^2)`,
    :math:`\sigma_{\text{county}} \sim \text{HalfNormal}`, :math:`\sigma \sim
    \text{HalfNormal}`, :math:`\alpha \sim \mathcal{N}(\mu, \sigma_{\text{county}}^2)`
    y :math:`y \sim \mathcal{N}(\alpha, \sigma^2)`: la predictiva a priori del
    modelo de pooling parcial.

    Parameters
    ----------
    mu_prior : (float, float)
        Media y desviación típica de la previa de :math:`\mu`.
    sigma_county_scale, sigma_scale : float
        Escalas de las previas semi-normales.
    n_draws : int
        Extracciones.
    random_seed : int or numpy.random.Generator, optional

    Returns
    -------
    numpy.ndarray
        ``n_draws`` valores simulados de log-radón.
    """
    m, s = check_normal_prior(mu_prior, "mu_prior")
    county_scale = check_positive_finite(sigma_county_scale, "sigma_county_scale")
    scale = check_positive_finite(sigma_scale, "sigma_scale")
    n_draws = check_integer(n_draws, "n_draws", minimum=1)
    check_memory(n_draws, "n_draws", what="las extracciones de la predictiva a priori")
    rng = np.random.default_rng(check_random_seed(random_seed))
    mu = rng.normal(m, s, n_draws)
    sigma_county = np.abs(rng.normal(0.0, county_scale, n_draws))
    sigma = np.abs(rng.normal(0.0, scale, n_draws))
    alpha = rng.normal(mu, sigma_county)
    return rng.normal(alpha, sigma)


def ppc_densities(idata, grid, *, n_replicas: int = 40, random_seed=None) -> xr.Dataset:
    """Densidades (KDE) de los datos y de algunas réplicas de la predictiva a posteriori.

    Es la cuenta detrás de ``arviz.plot_ppc``: cada réplica es un conjunto de
    datos completo simulado con una extracción, y su densidad se compara con la
    de los datos.

    Parameters
    ----------
    idata : arviz.InferenceData
        Con ``observed_data`` y ``posterior_predictive`` (ver
        :func:`add_posterior_predictive`).
    grid : array_like
        Puntos donde se evalúan las densidades.
    n_replicas : int, default 40
        Réplicas elegidas al azar entre las extracciones.
    random_seed : int or numpy.random.Generator, optional

    Returns
    -------
    xarray.Dataset
        ``observed`` (dimensión ``x``) y ``replicated`` (``replica, x``).
    """
    from scipy.stats import gaussian_kde

    check_idata(idata, "idata", groups=())
    for group in ("observed_data", "posterior_predictive"):
        if group not in idata.groups():
            raise ValueError(
                f"El argumento idata no tiene el grupo {group!r}: llame antes a "
                "add_posterior_predictive()."
            )
    x = check_finite_array(grid, "grid", min_size=1)
    if x.ndim != 1:
        raise ValueError(
            f"El argumento 'grid' debe ser 1-D; se recibió un arreglo de forma {x.shape}."
        )
    y = idata.observed_data[OBSERVED].values
    replicas = idata.posterior_predictive[OBSERVED].values.reshape(-1, y.size)
    n_replicas = check_integer(n_replicas, "n_replicas")
    if not 1 <= n_replicas <= replicas.shape[0]:
        raise ValueError(
            f"El argumento n_replicas={n_replicas!r} no es válido: se admite un entero entre 1 "
            f"y {replicas.shape[0]} (las extracciones)."
        )
    rng = np.random.default_rng(check_random_seed(random_seed))
    chosen = rng.choice(replicas.shape[0], size=int(n_replicas), replace=False)
    return xr.Dataset(
        {
            "observed": (("x",), gaussian_kde(y)(x)),
            "replicated": (
                ("replica", "x"),
                np.stack([gaussian_kde(r)(x) for r in replicas[chosen]]),
            ),
        },
        coords={"x": x, "replica": np.arange(int(n_replicas))},
    )
