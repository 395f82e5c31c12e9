r"""Pooling parcial con :math:`\omega` y :math:`\kappa` desconocidos, y su beneficio simulado.

En los capítulos de grilla :math:`\kappa` está fija. Aquí se la aprende de los
datos junto con :math:`\omega`, como hace un modelo jerárquico completo: el
centro de la población *y* la intensidad del pooling salen de los grupos.

El modelo es el beta-binomial jerárquico del libro,

.. math::

    y_j \mid \pi_j \sim \operatorname{Binomial}(N_j, \pi_j), \qquad
    \pi_j \mid \omega, \kappa \sim \operatorname{Beta}\bigl(a, b\bigr), \qquad
    a = \omega(\kappa-2)+1,\; b = (1-\omega)(\kappa-2)+1,

con :math:`\omega \sim \operatorname{Beta}(A_\omega, B_\omega)` y, para
:math:`\kappa`, masas iguales en los puntos de una grilla geométrica (una
previa uniforme en :math:`\log\kappa`). Cada :math:`\pi_j` se integra en forma
cerrada (la verosimilitud marginal de un grupo es beta-binomial), así que sólo
hace falta una grilla 2-D de :math:`(\omega, \kappa)`, y la media a posteriori
de cada grupo es

.. math::

    \operatorname{E}[\pi_j \mid y] = \sum_{\omega, \kappa}
    p(\omega, \kappa \mid y)\, \frac{a(\omega, \kappa) + y_j}{\kappa + N_j}.

:func:`simulate_pooling` repite el experimento muchas veces con valores
verdaderos conocidos y compara, contra ellos, tres estimaciones de cada
:math:`\pi_j`: sin pooling (:math:`y_j/N_j`), pooling completo
(:math:`\sum_j y_j / \sum_j N_j`) y pooling parcial (la media a posteriori de
arriba). No hay MCMC: todos los pares posibles :math:`(y, N)` se evalúan una
sola vez en la grilla y cada repetición es un producto de matrices.
"""

from __future__ import annotations

import numbers

import numpy as np
import pandas as pd
import xarray as xr
from scipy import special

from ..validation import (
    check_counts,
    check_grid,
    check_kappa,
    check_memory,
    check_positive_finite,
    check_real_array,
    check_unit_interval,
    format_value,
)
from ._logspace import default_grid, log_omega_prior

__all__ = [
    "METHODS",
    "default_kappa_grid",
    "hyper_posterior",
    "mse_by_size",
    "pooling_estimates",
    "simulate_pooling",
]

#: Las tres estimaciones que se comparan, en el orden de las columnas.
METHODS = ("sin pooling", "pooling parcial", "pooling completo")


def default_kappa_grid() -> np.ndarray:
    r"""Grilla de :math:`\kappa` por omisión: 61 puntos geométricos entre 2 y 2000.

    Returns
    -------
    numpy.ndarray
        ``np.geomspace(2, 2000, 61)``.
    """
    return np.geomspace(2.0, 2000.0, 61)


def _check_kappa_grid(kappa_grid) -> np.ndarray:
    if kappa_grid is None:
        return default_kappa_grid()
    if isinstance(kappa_grid, str | bytes):
        raise TypeError(
            "El argumento 'kappa_grid' debe ser una secuencia 1-D de números >= 2; se "
            f"recibió kappa_grid={kappa_grid!r}."
        )
    arr = check_real_array(kappa_grid, "kappa_grid")
    if arr.ndim != 1 or arr.size < 1:
        raise ValueError(
            "El argumento 'kappa_grid' debe ser una secuencia 1-D con al menos un valor; "
            f"se recibió uno de forma {arr.shape}."
        )
    for value in arr:
        check_kappa(value, "kappa_grid")
    if np.any(np.diff(arr) <= 0):
        raise ValueError(
            "El argumento 'kappa_grid' debe ser estrictamente creciente; se recibió "
            f"kappa_grid={format_value(arr)}."
        )
    return arr


def _grids(omega_grid, kappa_grid, A_omega, B_omega):
    omega = default_grid() if omega_grid is None else check_grid(omega_grid, "omega_grid")
    kappa = _check_kappa_grid(kappa_grid)
    a_w = check_positive_finite(A_omega, "A_omega")
    b_w = check_positive_finite(B_omega, "B_omega")
    # log p(omega) + log p(kappa) (masas iguales en la grilla de kappa).
    log_prior = log_omega_prior(omega, a_w, b_w)[:, None] - np.log(kappa.size)
    log_prior = np.broadcast_to(log_prior, (omega.size, kappa.size))
    return omega, kappa, log_prior


def _shapes(omega: np.ndarray, kappa: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    a = omega[:, None] * (kappa[None, :] - 2.0) + 1.0
    return a, kappa[None, :] - a


def _log_marginal(y: np.ndarray, n: np.ndarray, omega: np.ndarray, kappa: np.ndarray):
    """``log BetaBinomial(y; n, a, b)`` en la grilla: forma ``(len(y), n_omega, n_kappa)``."""
    a, b = _shapes(omega, kappa)
    yy = y[:, None, None].astype(float)
    nn = n[:, None, None].astype(float)
    return (
        special.gammaln(nn + 1)
        - special.gammaln(yy + 1)
        - special.gammaln(nn - yy + 1)
        + special.gammaln(yy + a)
        + special.gammaln(nn - yy + b)
        - special.gammaln(a)
        - special.gammaln(b)
        + special.gammaln(kappa)[None, None, :]
        - special.gammaln(nn + kappa[None, None, :])
    )


def _shrunk_means(y: np.ndarray, n: np.ndarray, omega: np.ndarray, kappa: np.ndarray):
    """``E[pi | omega, kappa, y]`` en la grilla: forma ``(len(y), n_omega, n_kappa)``."""
    a, _ = _shapes(omega, kappa)
    return (a[None] + y[:, None, None]) / (kappa[None, None, :] + n[:, None, None])


def _normalize(log_post: np.ndarray) -> np.ndarray:
    """Normaliza log-masas sobre los dos últimos ejes (en escala logarítmica)."""
    flat = log_post.reshape(*log_post.shape[:-2], -1)
    total = special.logsumexp(flat, axis=-1, keepdims=True)
    return np.exp(flat - total).reshape(log_post.shape)


def hyper_posterior(y, N, A_omega=2.0, B_omega=2.0, *, omega_grid=None, kappa_grid=None):
    r"""Distribución a posteriori de :math:`(\omega, \kappa)` en una grilla 2-D.

    Parameters
    ----------
    y, N : sequence of int
        Éxitos y ensayos de cada grupo (misma longitud).
    A_omega, B_omega : float, optional
        Parámetros de la previa :math:`\operatorname{Beta}(A_\omega, B_\omega)` de
        :math:`\omega` (por omisión 2 y 2, como en el libro).
    omega_grid : array_like, optional
        Grilla de :math:`\omega` en ``[0, 1]`` (por omisión ``np.linspace(0, 1, 101)``).
    kappa_grid : array_like, optional
        Grilla creciente de :math:`\kappa \ge 2` con masas a priori iguales (por
        omisión :func:`default_kappa_grid`).

    Returns
    -------
    xarray.DataArray
        Masas a posteriori (suman 1) con dimensiones ``("omega", "kappa")``.

    Raises
    ------
    TypeError
        Si un conteo no es entero o una grilla no es numérica.
    ValueError
        Si los conteos, las grillas o los parámetros de la previa no son válidos.

    Examples
    --------
    >>> post = hyper_posterior([5, 4], [20, 8], kappa_grid=[5.0])
    >>> float(post.sum())
    1.0
    """
    y_arr, n_arr = check_counts(y, N)
    omega, kappa, log_prior = _grids(omega_grid, kappa_grid, A_omega, B_omega)
    log_post = log_prior + _log_marginal(y_arr, n_arr, omega, kappa).sum(axis=0)
    return xr.DataArray(
        _normalize(log_post),
        dims=("omega", "kappa"),
        coords={"omega": omega, "kappa": kappa},
        name="posterior",
    )


def pooling_estimates(y, N, A_omega=2.0, B_omega=2.0, *, omega_grid=None, kappa_grid=None):
    r"""Estimaciones de cada :math:`\pi_j` sin pooling, con pooling parcial y completo.

    Parameters
    ----------
    y, N, A_omega, B_omega, omega_grid, kappa_grid
        Ver :func:`hyper_posterior`.

    Returns
    -------
    pandas.DataFrame
        Una fila por grupo y las columnas de :data:`METHODS`: ``y_j/N_j``, la media
        a posteriori con :math:`\omega` y :math:`\kappa` aprendidos, y
        :math:`\sum_j y_j / \sum_j N_j`.

    Raises
    ------
    TypeError, ValueError
        Ver :func:`hyper_posterior`; además, ``ValueError`` si algún :math:`N_j` es 0.
    """
    y_arr, n_arr = check_counts(y, N)
    _check_positive_sizes(n_arr, "N")
    post = hyper_posterior(
        y_arr, n_arr, A_omega, B_omega, omega_grid=omega_grid, kappa_grid=kappa_grid
    )
    omega, kappa = post["omega"].values, post["kappa"].values
    means = np.einsum("jwk,wk->j", _shrunk_means(y_arr, n_arr, omega, kappa), post.values)
    table = pd.DataFrame(
        {
            METHODS[0]: y_arr / n_arr,
            METHODS[1]: means,
            METHODS[2]: np.full(y_arr.size, y_arr.sum() / n_arr.sum()),
        }
    )
    return table.rename_axis("grupo")


def _check_positive_sizes(sizes: np.ndarray, name: str) -> None:
    if np.any(sizes < 1):
        j = int(np.argmax(sizes < 1))
        raise ValueError(
            f"Cada tamaño de grupo '{name}' debe ser un entero positivo; se recibió "
            f"{name}[{j}]={int(sizes[j])}."
        )


def _check_sizes(sizes) -> np.ndarray:
    if isinstance(sizes, str | bytes):
        raise TypeError(
            f"El argumento 'sizes' debe ser una secuencia de enteros positivos; se recibió "
            f"sizes={sizes!r}."
        )
    arr = np.asarray(sizes)
    if arr.dtype == bool or not np.issubdtype(arr.dtype, np.integer):
        raise TypeError(
            "El argumento 'sizes' debe ser una secuencia de enteros positivos (los "
            f"ensayos de cada grupo); se recibió sizes={format_value(sizes)} (de tipo "
            f"{arr.dtype})."
        )
    if arr.ndim != 1 or arr.size < 2:
        raise ValueError(
            "El argumento 'sizes' debe ser una secuencia 1-D con al menos dos grupos; se "
            f"recibió uno de forma {arr.shape}."
        )
    arr = arr.astype(np.int64)
    _check_positive_sizes(arr, "sizes")
    return arr


def simulate_pooling(
    sizes,
    n_sims: int,
    rng,
    *,
    omega: float = 0.7,
    kappa: float = 10.0,
    A_omega: float = 2.0,
    B_omega: float = 2.0,
    omega_grid=None,
    kappa_grid=None,
) -> pd.DataFrame:
    r"""Simula grupos con valores verdaderos conocidos y estima cada uno de tres maneras.

    En cada repetición se sortean los valores verdaderos
    :math:`\pi_j \sim \operatorname{Beta}` (con moda ``omega`` y concentración
    ``kappa``), los datos :math:`y_j \sim \operatorname{Binomial}(N_j, \pi_j)` con
    :math:`N_j` = ``sizes[j]``, y se calculan las tres estimaciones de
    :func:`pooling_estimates`.

    Parameters
    ----------
    sizes : sequence of int
        Ensayos :math:`N_j` de cada grupo (al menos dos grupos).
    n_sims : int
        Número de repeticiones (entero positivo).
    rng : numpy.random.Generator
        Generador de números aleatorios (``np.random.default_rng(semilla)``).
    omega : float, optional
        Moda de la población verdadera, en ``[0, 1]``.
    kappa : float, optional
        Concentración de la población verdadera (``>= 2``).
    A_omega, B_omega, omega_grid, kappa_grid
        Previas y grillas del modelo con que se estima (ver :func:`hyper_posterior`).

    Returns
    -------
    pandas.DataFrame
        Una fila por repetición y grupo, con las columnas ``sim``, ``group``,
        ``size``, ``true`` (el :math:`\pi_j` verdadero), ``y`` y las de
        :data:`METHODS`.

    Raises
    ------
    TypeError
        Si ``sizes`` no son enteros, ``n_sims`` no es entero o ``rng`` no es un
        ``numpy.random.Generator``.
    ValueError
        Si algún valor está fuera de lo permitido.
    """
    n = _check_sizes(sizes)
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
    true_omega = float(check_unit_interval(omega, "omega"))
    true_kappa = check_kappa(kappa, "kappa")
    grid_omega, grid_kappa, log_prior = _grids(omega_grid, kappa_grid, A_omega, B_omega)
    n_cells = grid_omega.size * grid_kappa.size
    n_pairs = int(np.sum(np.unique(n).astype(float) + 1))
    check_memory(
        n_pairs * n_cells, "sizes", what="la tabla de verosimilitudes de todos los pares (y, N)"
    )
    check_memory(
        int(n_sims) * max(n_pairs, n_cells, 8 * n.size),
        "n_sims",
        what="la tabla de conteos y pesos de las simulaciones",
    )

    # Todos los pares (y, N) posibles, evaluados una sola vez en la grilla.
    distinct = np.unique(n)
    pair_y = np.concatenate([np.arange(m + 1) for m in distinct])
    pair_n = np.concatenate([np.full(m + 1, m) for m in distinct])
    starts = np.cumsum([0, *(distinct[:-1] + 1)])
    offset = dict(zip(distinct.tolist(), starts.tolist(), strict=True))
    log_lik = _log_marginal(pair_y, pair_n, grid_omega, grid_kappa).reshape(pair_y.size, -1)
    shrunk = _shrunk_means(pair_y, pair_n, grid_omega, grid_kappa).reshape(pair_y.size, -1)

    a = true_omega * (true_kappa - 2.0) + 1.0
    b = true_kappa - a
    n_groups = n.size
    truth = rng.beta(a, b, size=(int(n_sims), n_groups))
    y = rng.binomial(n, truth)
    pair = np.array([offset[m] for m in n.tolist()])[None, :] + y  # (R, J)
    counts = np.zeros((int(n_sims), pair_y.size))
    np.add.at(counts, (np.repeat(np.arange(int(n_sims)), n_groups), pair.ravel()), 1.0)
    log_post = log_prior.reshape(1, -1) + counts @ log_lik
    weights = np.exp(log_post - log_post.max(axis=1, keepdims=True))
    weights /= weights.sum(axis=1, keepdims=True)
    means_by_pair = weights @ shrunk.T  # (R, pares)
    partial = np.take_along_axis(means_by_pair, pair, axis=1)
    complete = y.sum(axis=1, keepdims=True) / n.sum()

    return pd.DataFrame(
        {
            "sim": np.repeat(np.arange(int(n_sims)), n_groups),
            "group": np.tile(np.arange(n_groups), int(n_sims)),
            "size": np.tile(n, int(n_sims)),
            "true": truth.ravel(),
            "y": y.ravel(),
            METHODS[0]: (y / n).ravel(),
            METHODS[1]: partial.ravel(),
            METHODS[2]: np.broadcast_to(complete, y.shape).ravel(),
        }
    )


def mse_by_size(simulation: pd.DataFrame) -> pd.DataFrame:
    """Error cuadrático medio de cada estimación contra el valor verdadero, por tamaño.

    Parameters
    ----------
    simulation : pandas.DataFrame
        Lo que devuelve :func:`simulate_pooling` (columnas ``size``, ``true`` y las
        de :data:`METHODS`).

    Returns
    -------
    pandas.DataFrame
        Índice ``size`` (tamaño del grupo) y una columna por estimación.

    Raises
    ------
    TypeError
        Si ``simulation`` no es un ``pandas.DataFrame``.
    ValueError
        Si le faltan columnas.
    """
    if not isinstance(simulation, pd.DataFrame):
        raise TypeError(
            "El argumento 'simulation' debe ser el pandas.DataFrame de simulate_pooling; "
            f"se recibió un objeto de tipo {type(simulation).__name__}."
        )
    missing = [c for c in ("size", "true", *METHODS) if c not in simulation.columns]
    if missing:
        raise ValueError(
            f"Al argumento 'simulation' le faltan las columnas {missing}; se esperan las "
            "de simulate_pooling."
        )
    errors = simulation[list(METHODS)].sub(simulation["true"], axis=0) ** 2
    return errors.groupby(simulation["size"]).mean().rename_axis("size")
