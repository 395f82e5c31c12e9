r"""Distribuciones predictivas a posteriori del modelo de monedas de una fábrica.

El modelo es el de los capítulos de la grilla:

.. math::

    y_s \mid \pi_s \sim \operatorname{Binomial}(N_s, \pi_s), \quad
    \pi_s \mid \omega \sim \operatorname{Beta}(a(\omega), b(\omega)), \quad
    \omega \sim \operatorname{Beta}(A_\omega, B_\omega),

con :math:`a(\omega) = \omega(\kappa-2)+1` y :math:`b(\omega) = (1-\omega)(\kappa-2)+1`.
Después de observar los datos hay dos preguntas de predicción distintas:

Moneda EXISTENTE *s* (:func:`existing_coin_predictive`, :func:`existing_coin_pmf`)
    ¿Cuántas caras saldrán en ``n`` tiradas nuevas de una moneda que ya se
    tiró? Se extrae :math:`\pi_s` de su posterior y
    :math:`\tilde y \sim \operatorname{Binomial}(n, \pi_s)`. Con el motor
    colapsado exacto, :math:`\pi_s` se extrae en dos pasos,
    :math:`\omega \sim p(\omega \mid y)` en la grilla y
    :math:`\pi_s \mid \omega, y \sim \operatorname{Beta}(a(\omega) + y_s,\,
    b(\omega) + N_s - y_s)`; con una posterior en grilla (fuerza bruta, o el
    motor colapsado con ``method="grid"``), de las masas de la marginal de
    :math:`\pi_s` sobre la grilla.

Moneda NUEVA de la misma fábrica (:func:`new_coin_predictive`, :func:`new_coin_pmf`)
    ¿Cuántas caras saldrán en ``n`` tiradas de una moneda que todavía no se
    tiró nunca? Se extrae :math:`\omega \sim p(\omega \mid y)` en la grilla,
    luego :math:`\pi_{\text{nueva}} \sim \operatorname{Beta}(a(\omega), b(\omega))`
    (la distribución poblacional, *sin* datos de esa moneda) y
    :math:`\tilde y \sim \operatorname{Binomial}(n, \pi_{\text{nueva}})`.

Las funciones ``*_pmf`` dan las probabilidades exactas de :math:`\tilde y = 0,
\dots, n` (mezclas de beta-binomiales sobre la grilla de :math:`\omega`), útiles
para dibujar y para comprobar las simulaciones. Por ejemplo, la media de la
predictiva de una moneda nueva es
:math:`n\,\operatorname{E}[a(\omega)/\kappa \mid y]`, porque :math:`a + b = \kappa`.
"""

from __future__ import annotations

import numpy as np
import xarray as xr
from scipy import stats

from ..validation import check_integer, check_memory, check_random_seed, check_subject
from ._logspace import shape_params
from .brute_force import DEFAULT_MAX_CELLS, GridPosterior
from .collapsed import CollapsedPosterior

__all__ = [
    "existing_coin_predictive",
    "new_coin_predictive",
    "existing_coin_pmf",
    "new_coin_pmf",
]


# --------------------------------------------------------------------------- validación


def _check_posterior(post) -> None:
    if not isinstance(post, (CollapsedPosterior, GridPosterior)):
        raise TypeError(
            "El argumento 'post' debe ser el resultado de collapsed_posterior() o de "
            f"grid_posterior(); se recibió un objeto de tipo {type(post).__name__}."
        )


def _check_count(value, name: str, minimum: int) -> int:
    return check_integer(value, name, minimum=minimum)


def _check_size(size) -> int:
    """Extracciones: un entero positivo que quepa en memoria (tres arreglos de ``size``)."""
    size = check_integer(size, "size", minimum=1)
    check_memory(size, "size", what="cada arreglo de extracciones", limit=DEFAULT_MAX_CELLS)
    return size


def _check_pmf_size(n: int, post, s: int | None = None) -> None:
    """La tabla de probabilidades tiene ``(n + 1)`` filas por punto de la grilla."""
    if s is not None and not _is_exact(post):
        points = post.pi_grid.size
        what = f"la tabla de {n + 1} valores de y_new × {points} puntos de pi"
    else:
        points = post.omega_grid.size
        what = f"la tabla de {n + 1} valores de y_new × {points} puntos de omega"
    check_memory((n + 1) * points, "n", what=what, limit=DEFAULT_MAX_CELLS)


def _rng(random_seed) -> np.random.Generator:
    return np.random.default_rng(check_random_seed(random_seed))


# --------------------------------------------------------------------------- piezas comunes


def _omega_weights(post) -> tuple[np.ndarray, np.ndarray]:
    """Grilla de omega y masas de p(omega | y) (suman 1)."""
    if isinstance(post, CollapsedPosterior):
        masses = post.omega
    else:
        masses = post.marginal("omega")
    grid = np.asarray(masses["omega"].to_numpy(), dtype=float)
    weights = np.clip(np.asarray(masses.to_numpy(), dtype=float), 0.0, None)
    return grid, weights / weights.sum()


def _is_exact(post) -> bool:
    return isinstance(post, CollapsedPosterior) and post.method == "exact"


def _pi_masses(post, s: int) -> tuple[np.ndarray, np.ndarray]:
    """Grilla de pi_s y masas de su marginal posterior (caso en grilla)."""
    if isinstance(post, GridPosterior):
        masses = post.marginal(f"pi_{s}")
    else:  # CollapsedPosterior con method="grid"
        masses = post.pi_marginal(s)
    grid = np.asarray(masses[f"pi_{s}"].to_numpy(), dtype=float)
    weights = np.clip(np.asarray(masses.to_numpy(), dtype=float), 0.0, None)
    return grid, weights / weights.sum()


def _dataset(values: dict[str, np.ndarray], description: str) -> xr.Dataset:
    size = next(iter(values.values())).size
    coords = {"draw": np.arange(size)}
    data = {name: ("draw", array) for name, array in values.items()}
    return xr.Dataset(data, coords=coords, attrs={"description": description})


def _pmf(n: int, weights: np.ndarray, a: np.ndarray, b: np.ndarray) -> np.ndarray:
    keep = weights > 0
    k = np.arange(n + 1)
    table = stats.betabinom.pmf(k[:, None], n, a[None, keep], b[None, keep])
    return table @ weights[keep]


def _pmf_dataarray(values: np.ndarray, description: str) -> xr.DataArray:
    values = values / values.sum()
    return xr.DataArray(
        values,
        dims=("y_new",),
        coords={"y_new": np.arange(values.size)},
        name="pmf",
        attrs={"description": description},
    )


# --------------------------------------------------------------------------- simulación


def existing_coin_predictive(post, s: int, n: int, *, size: int = 4000, random_seed=None):
    r"""Simula caras en ``n`` tiradas nuevas de la moneda EXISTENTE ``s``.

    Parameters
    ----------
    post : CollapsedPosterior or GridPosterior
        Posterior de :func:`jerarquicos.grid.collapsed.collapsed_posterior` o de
        :func:`jerarquicos.grid.brute_force.grid_posterior`.
    s : int
        Moneda (sujeto) ya observada, numerada desde 1.
    n : int
        Número de tiradas nuevas (``n >= 1``).
    size : int, optional
        Número de extracciones (por defecto 4000; como mucho
        :data:`~jerarquicos.grid.brute_force.DEFAULT_MAX_CELLS`).
    random_seed : int, numpy.random.Generator or None, optional
        Semilla (un entero entre 0 y 2**32 - 1) o generador.

    Returns
    -------
    xarray.Dataset
        Variables ``pi`` (extracciones de :math:`\pi_s`) e ``y_new`` (caras en
        las ``n`` tiradas), con dimensión ``draw``. Con el motor colapsado
        exacto incluye también ``omega``.

    Raises
    ------
    TypeError, ValueError
        Si algún argumento no es válido.

    Examples
    --------
    >>> from jerarquicos.grid.collapsed import collapsed_posterior
    >>> post = collapsed_posterior([5, 4], [20, 8], 2, 2, kappa=5)
    >>> sim = existing_coin_predictive(post, 1, 20, size=1000, random_seed=1)
    >>> int(sim["y_new"].max()) <= 20
    True
    """
    _check_posterior(post)
    s = check_subject(s, post.n_subjects)
    n = _check_count(n, "n", 1)
    size = _check_size(size)
    rng = _rng(random_seed)
    if _is_exact(post):
        grid, weights = _omega_weights(post)
        omega = rng.choice(grid, size=size, p=weights)
        a, b = shape_params(omega, post.kappa)
        ys, ns = int(post.y[s - 1]), int(post.N[s - 1])
        pi = rng.beta(a + ys, b + (ns - ys))
        values = {"omega": omega, "pi": pi}
    else:
        grid, weights = _pi_masses(post, s)
        pi = rng.choice(grid, size=size, p=weights)
        values = {"pi": pi}
    values["y_new"] = rng.binomial(n, pi)
    return _dataset(values, f"predictiva de {n} tiradas nuevas de la moneda existente {s}")


def new_coin_predictive(post, n: int, *, size: int = 4000, random_seed=None):
    r"""Simula caras en ``n`` tiradas de una moneda NUEVA de la misma fábrica.

    Para cada extracción: :math:`\omega \sim p(\omega \mid y)` en la grilla,
    :math:`\pi_{\text{nueva}} \sim \operatorname{Beta}(a(\omega), b(\omega))` y
    :math:`\tilde y \sim \operatorname{Binomial}(n, \pi_{\text{nueva}})`.

    Parameters
    ----------
    post : CollapsedPosterior or GridPosterior
        Posterior de :func:`jerarquicos.grid.collapsed.collapsed_posterior` o de
        :func:`jerarquicos.grid.brute_force.grid_posterior`.
    n : int
        Número de tiradas de la moneda nueva (``n >= 1``).
    size : int, optional
        Número de extracciones (por defecto 4000; como mucho
        :data:`~jerarquicos.grid.brute_force.DEFAULT_MAX_CELLS`).
    random_seed : int, numpy.random.Generator or None, optional
        Semilla (un entero entre 0 y 2**32 - 1) o generador.

    Returns
    -------
    xarray.Dataset
        Variables ``omega``, ``pi`` (la :math:`\pi` de la moneda nueva) e
        ``y_new``, con dimensión ``draw``.

    Raises
    ------
    TypeError, ValueError
        Si algún argumento no es válido.

    Examples
    --------
    >>> from jerarquicos.grid.collapsed import collapsed_posterior
    >>> post = collapsed_posterior([5, 4], [20, 8], 2, 2, kappa=5)
    >>> sim = new_coin_predictive(post, 20, size=1000, random_seed=1)
    >>> sorted(sim.data_vars)
    ['omega', 'pi', 'y_new']
    """
    _check_posterior(post)
    n = _check_count(n, "n", 1)
    size = _check_size(size)
    rng = _rng(random_seed)
    grid, weights = _omega_weights(post)
    omega = rng.choice(grid, size=size, p=weights)
    a, b = shape_params(omega, post.kappa)
    pi = rng.beta(a, b)
    y_new = rng.binomial(n, pi)
    return _dataset(
        {"omega": omega, "pi": pi, "y_new": y_new},
        f"predictiva de {n} tiradas de una moneda nueva de la fábrica",
    )


# --------------------------------------------------------------------------- probabilidades exactas


def existing_coin_pmf(post, s: int, n: int) -> xr.DataArray:
    r"""Probabilidades exactas de :math:`\tilde y = 0, \dots, n` para la moneda existente ``s``.

    Con el motor colapsado exacto es la mezcla
    :math:`\sum_j p(\omega_j \mid y)\,\operatorname{BetaBinomial}(\tilde y;\, n,\,
    a(\omega_j) + y_s,\, b(\omega_j) + N_s - y_s)`; con una posterior en grilla,
    :math:`\sum_i p(\pi_i \mid y)\,\operatorname{Binomial}(\tilde y;\, n, \pi_i)`.

    Parameters
    ----------
    post : CollapsedPosterior or GridPosterior
        Posterior del modelo.
    s : int
        Moneda ya observada, numerada desde 1.
    n : int
        Número de tiradas nuevas (``n >= 1``); la tabla ``(n + 1)`` × puntos de
        la grilla debe tener como mucho
        :data:`~jerarquicos.grid.brute_force.DEFAULT_MAX_CELLS` elementos.

    Returns
    -------
    xarray.DataArray
        Probabilidades (suman 1) con dimensión ``y_new`` (``0..n``).

    Raises
    ------
    TypeError, ValueError
        Si algún argumento no es válido o la tabla no cabría en memoria.
    """
    _check_posterior(post)
    s = check_subject(s, post.n_subjects)
    n = _check_count(n, "n", 1)
    _check_pmf_size(n, post, s)
    if _is_exact(post):
        grid, weights = _omega_weights(post)
        a, b = shape_params(grid, post.kappa)
        ys, ns = int(post.y[s - 1]), int(post.N[s - 1])
        values = _pmf(n, weights, a + ys, b + (ns - ys))
    else:
        grid, weights = _pi_masses(post, s)
        values = stats.binom.pmf(np.arange(n + 1)[:, None], n, grid[None, :]) @ weights
    return _pmf_dataarray(values, f"predictiva de {n} tiradas nuevas de la moneda {s}")


def new_coin_pmf(post, n: int) -> xr.DataArray:
    r"""Probabilidades exactas de :math:`\tilde y = 0, \dots, n` para una moneda NUEVA.

    Es la mezcla :math:`\sum_j p(\omega_j \mid y)\,
    \operatorname{BetaBinomial}(\tilde y;\, n,\, a(\omega_j),\, b(\omega_j))`.

    Parameters
    ----------
    post : CollapsedPosterior or GridPosterior
        Posterior del modelo.
    n : int
        Número de tiradas de la moneda nueva (``n >= 1``); la tabla ``(n + 1)``
        × puntos de la grilla de :math:`\\omega` debe tener como mucho
        :data:`~jerarquicos.grid.brute_force.DEFAULT_MAX_CELLS` elementos.

    Returns
    -------
    xarray.DataArray
        Probabilidades (suman 1) con dimensión ``y_new`` (``0..n``).

    Raises
    ------
    TypeError, ValueError
        Si algún argumento no es válido o la tabla no cabría en memoria.
    """
    _check_posterior(post)
    n = _check_count(n, "n", 1)
    _check_pmf_size(n, post)
    grid, weights = _omega_weights(post)
    a, b = shape_params(grid, post.kappa)
    return _pmf_dataarray(_pmf(n, weights, a, b), f"predictiva de {n} tiradas de una moneda nueva")
