r"""Aproximación por grilla («fuerza bruta») del modelo beta-binomial jerárquico.

Modelo (con :math:`\kappa` fija y conocida):

.. math::

    y_s \mid \pi_s &\sim \operatorname{Binomial}(N_s, \pi_s), \quad s = 1, \dots, S,\\
    \pi_s \mid \omega &\sim \operatorname{Beta}\bigl(\omega(\kappa-2)+1,\;
        (1-\omega)(\kappa-2)+1\bigr),\\
    \omega &\sim \operatorname{Beta}(A_\omega, B_\omega).

:func:`grid_posterior` evalúa la previa, la verosimilitud y la posterior en
*todas* las combinaciones de la grilla :math:`(\pi_1, \dots, \pi_S, \omega)`,
como el código en R de la clase (``expand_grid`` + ``mutate`` +
``inner_join``): multiplica las densidades *crudas* en los puntos de la grilla
y normaliza para que las masas sumen 1. Por eso la suma sobre la grilla de
:math:`\pi` es una suma de Riemann y no la integral exacta; el motor
:mod:`jerarquicos.grid.collapsed` (con ``method="grid"``) reproduce exactamente esta
discretización, y con ``method="exact"`` hace la integral en :math:`\pi` de forma
analítica.

Todo se calcula en escala logarítmica (``scipy.stats.beta.logpdf``,
``scipy.stats.binom.logpmf`` y normalización con ``scipy.special.logsumexp``),
así que :math:`N_s` de miles no produce desbordamientos por abajo. Como la
densidad conjunta es un producto :math:`p(\omega)\prod_s f_s(\pi_s, \omega)`,
cada factor se reescala por su máximo en escala log (el truco de
``logsumexp`` factor por factor) y el arreglo completo se arma con productos de
arreglos pequeños; la constante de normalización también se factoriza. Así no
hace falta exponenciar todas las celdas y el motor es unas cien veces más
rápido que la traducción literal del código en R (ver
``benchmarks/bench_grid.py``).

El número de celdas crece como :math:`n_\pi^S \, n_\omega`; antes de reservar
memoria se compara con ``max_cells`` (por defecto :data:`DEFAULT_MAX_CELLS`) y,
si se excede, se recomienda :func:`jerarquicos.grid.collapsed.collapsed_posterior`.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field

import numpy as np
import pandas as pd
import xarray as xr

from ..validation import (
    DEFAULT_MAX_ELEMENTS,
    check_choice,
    check_counts,
    check_grid,
    check_integer,
    check_kappa,
    check_memory,
    check_positive_finite,
    check_prob,
    check_real_scalar,
    format_value,
)
from ._logspace import (
    FactorisedGrid,
    check_max_cells,
    default_grid,
    factorise,
    log_binom,
    log_omega_prior,
    log_pi_prior,
)
from .summaries import summarize

__all__ = ["DEFAULT_MAX_CELLS", "WHICH", "GridPosterior", "grid_posterior", "pi_names"]

#: Máximo de celdas por defecto: 2·10⁷ celdas son unos 160 MB por arreglo
#: ``float64``; la previa y la posterior completas (que se arman al pedirlas)
#: ocupan uno cada una, unos 320 MB en total. Alcanza de sobra para dos sujetos con grillas de 101
#: puntos (101³ ≈ 1,03·10⁶ celdas), pero no para tres (101⁴ ≈ 1,04·10⁸).
DEFAULT_MAX_CELLS = DEFAULT_MAX_ELEMENTS

#: Distribuciones disponibles en un :class:`GridPosterior`.
WHICH = ("prior", "likelihood", "posterior")

_BYTES_PER_CELL = 8

#: Máximo de nombres que arma :func:`pi_names` (unos 64 bytes por nombre).
MAX_SUBJECT_NAMES = 10_000_000


def pi_names(n_subjects: int) -> tuple[str, ...]:
    """Nombres de las dimensiones de los sujetos: ``("pi_1", ..., "pi_S")``.

    Parameters
    ----------
    n_subjects : int
        Número de sujetos ``S``: un entero entre 1 y :data:`MAX_SUBJECT_NAMES`.

    Returns
    -------
    tuple of str

    Raises
    ------
    TypeError
        Si ``n_subjects`` no es un entero (``2.0``, ``True``, ``"2"``).
    ValueError
        Si es menor que 1 o tan grande que la tupla no cabría en memoria.
    """
    n = check_integer(n_subjects, "n_subjects", minimum=1)
    check_memory(
        n,
        "n_subjects",
        what="la tupla de nombres",
        limit=MAX_SUBJECT_NAMES,
        bytes_per_element=64,
    )
    return tuple(f"pi_{s}" for s in range(1, n + 1))


def _format_count(n: int) -> str:
    return f"{n:,}".replace(",", ".")


def _format_bytes(n: float) -> str:
    for unit, size in (("TB", 1e12), ("GB", 1e9), ("MB", 1e6)):
        if n >= size:
            return f"{n / size:.1f} {unit}"
    return f"{n / 1e3:.1f} kB"


@dataclass(frozen=True, eq=False)
class GridPosterior:
    """Resultado de :func:`grid_posterior`.

    Los tres arreglos tienen dimensiones ``("pi_1", ..., "pi_S", "omega")`` y
    las grillas como coordenadas. Se arman al primer acceso (a partir de la
    factorización que calcula :func:`grid_posterior`) y quedan guardados; los
    métodos :meth:`marginal`, :meth:`joint`, :meth:`conditional` y
    :meth:`summary` no necesitan los arreglos completos.

    Attributes
    ----------
    prior : xarray.DataArray
        Previa conjunta :math:`p(\\pi_1, \\dots, \\pi_S, \\omega)` como masas de
        probabilidad en la grilla (suman 1).
    likelihood : xarray.DataArray
        Verosimilitud cruda :math:`p(y \\mid \\pi) = \\prod_s
        \\operatorname{Binomial}(y_s; N_s, \\pi_s)`, **sin normalizar**. No
        depende de :math:`\\omega`: se guarda una vez y se extiende (vista de
        sólo lectura de ``numpy.broadcast_to``) a lo largo de ``omega`` para que
        se pueda graficar como las otras dos.
    posterior : xarray.DataArray
        Posterior conjunta como masas de probabilidad en la grilla (suman 1).
    y, N : numpy.ndarray
        Datos (``int64``, longitud ``S``).
    A_omega, B_omega, kappa : float
        Hiperparámetros.
    pi_grid : numpy.ndarray
        Grilla de cada :math:`\\pi_s` (la misma para todos los sujetos).
    omega_grid : numpy.ndarray
        Grilla de :math:`\\omega`.

    Notes
    -----
    Las marginales también se obtienen directamente con xarray, por ejemplo
    ``res.posterior.sum(["pi_2", "omega"])`` para :math:`\\pi_1`; los métodos
    :meth:`marginal` y :meth:`joint` dan los mismos números más rápido.
    """

    y: np.ndarray
    N: np.ndarray
    A_omega: float
    B_omega: float
    kappa: float
    pi_grid: np.ndarray = field(repr=False)
    omega_grid: np.ndarray = field(repr=False)
    _factors: dict[str, FactorisedGrid] = field(repr=False)
    _log_lik: np.ndarray = field(repr=False)
    _coords: xr.Coordinates = field(repr=False)

    def _wrap(self, values: np.ndarray, name: str, description: str) -> xr.DataArray:
        return xr.DataArray(
            values,
            dims=self.names,
            coords=self._coords,
            name=name,
            attrs={"description": description},
        )

    @functools.cached_property
    def prior(self) -> xr.DataArray:
        """Previa conjunta como masas en la grilla (suman 1)."""
        return self._wrap(
            self._factors["prior"].full(), "prior", "masas de la previa conjunta (suman 1)"
        )

    @functools.cached_property
    def posterior(self) -> xr.DataArray:
        """Posterior conjunta como masas en la grilla (suman 1)."""
        return self._wrap(
            self._factors["posterior"].full(),
            "posterior",
            "masas de la posterior conjunta (suman 1)",
        )

    @functools.cached_property
    def likelihood(self) -> xr.DataArray:
        """Verosimilitud cruda ``p(y | pi)``, sin normalizar, extendida a lo largo de omega."""
        shape = self._log_lik.shape + (self.omega_grid.size,)
        values = np.broadcast_to(np.exp(self._log_lik)[..., None], shape)
        return self._wrap(
            values,
            "likelihood",
            "verosimilitud cruda p(y | pi), sin normalizar; no depende de omega",
        )

    @property
    def n_subjects(self) -> int:
        """Número de sujetos ``S``."""
        return int(self.y.size)

    @property
    def pi_names(self) -> tuple[str, ...]:
        """Nombres de las dimensiones de los sujetos, ``("pi_1", ..., "pi_S")``."""
        return pi_names(self.n_subjects)

    @property
    def names(self) -> tuple[str, ...]:
        """Todas las dimensiones: ``("pi_1", ..., "pi_S", "omega")``."""
        return (*self.pi_names, "omega")

    def _check_name(self, name: object, allowed: tuple[str, ...]) -> str:
        return check_choice(name, "name", allowed)

    def marginal(self, name: str, which: str = "posterior") -> xr.DataArray:
        """Distribución marginal 1-D de un parámetro.

        Parameters
        ----------
        name : str
            ``"pi_1"``, ..., ``"pi_S"`` u ``"omega"``.
        which : {"posterior", "prior", "likelihood"}, optional
            Distribución de la que se toma la marginal.

        Returns
        -------
        xarray.DataArray
            Masas (suman 1) con dimensión ``name``. Para la previa y la posterior
            es la suma sobre las demás dimensiones. Para ``"likelihood"`` la suma
            de valores crudos no tiene escala interpretable, así que se
            normaliza para que sume 1 (la forma es la de la verosimilitud de
            :math:`\\pi_s`, o constante en :math:`\\omega`).

        Notes
        -----
        Da lo mismo (salvo redondeo) que ``res.posterior.sum([...])``, pero se
        calcula con la factorización
        :math:`p(\\omega_j)\\prod_s f_s(\\pi_{i_s}, \\omega_j)` de la grilla, en
        :math:`O(S\\,n_\\pi n_\\omega)` operaciones en lugar de recorrer las
        :math:`n_\\pi^S n_\\omega` celdas.
        """
        name = self._check_name(name, self.names)
        check_choice(which, "which", WHICH)
        fact = self._factors[which]
        if name == "omega":
            values = fact.omega_marginal()
        else:
            values = fact.joint(self.pi_names.index(name)).sum(axis=1)
        if which == "likelihood":
            values = values / values.sum()
        return xr.DataArray(values, dims=(name,), coords={name: self._coords[name]}, name=which)

    def joint(self, name: str, which: str = "posterior") -> xr.DataArray:
        """Distribución conjunta 2-D de :math:`(\\pi_s, \\omega)`.

        Es la que se grafica como ráster en la clase (previa, verosimilitud y
        posterior de :math:`(\\pi_s, \\omega)`).

        Parameters
        ----------
        name : str
            ``"pi_1"``, ..., ``"pi_S"``.
        which : {"posterior", "prior", "likelihood"}, optional
            Distribución de la que se toma la conjunta.

        Returns
        -------
        xarray.DataArray
            Arreglo con dimensiones ``(name, "omega")``, suma sobre los demás
            :math:`\\pi` (calculada con la factorización, como en
            :meth:`marginal`). Para ``"likelihood"`` se normaliza para que sume 1.
        """
        name = self._check_name(name, self.pi_names)
        check_choice(which, "which", WHICH)
        values = self._factors[which].joint(self.pi_names.index(name))
        if which == "likelihood":
            values = values / values.sum()
        return xr.DataArray(
            values,
            dims=(name, "omega"),
            coords={name: self._coords[name], "omega": self._coords["omega"]},
            name=which,
        )

    def conditional(self, name: str, omega: float = 0.6, which: str = "prior") -> xr.DataArray:
        """Distribución de :math:`\\pi_s` dado :math:`\\omega` en la grilla.

        Se usa el punto de la grilla de :math:`\\omega` más cercano a ``omega``;
        se rechaza el valor si está a más de medio paso de la grilla de ese
        punto (con la grilla por defecto, cualquier valor en ``[0, 1]`` es
        aceptable). El valor usado queda en la coordenada escalar ``omega`` del
        resultado.

        Parameters
        ----------
        name : str
            ``"pi_1"``, ..., ``"pi_S"``.
        omega : float, optional
            Valor de :math:`\\omega` en ``[0, 1]`` (por defecto 0.6, como en la
            clase).
        which : {"prior", "posterior", "likelihood"}, optional
            Distribución que se condiciona (por defecto la previa).

        Returns
        -------
        xarray.DataArray
            Masas sobre la grilla de :math:`\\pi_s` que suman 1.

        Raises
        ------
        ValueError
            Si ``omega`` está fuera de ``[0, 1]`` o lejos de la grilla, o si la
            distribución es cero en ese :math:`\\omega`.
        """
        name = self._check_name(name, self.pi_names)
        w = check_real_scalar(omega, "omega")
        if not (np.isfinite(w) and 0 <= w <= 1):
            raise ValueError(
                "El argumento 'omega' debe ser un número finito entre 0 y 1; se "
                f"recibió omega={format_value(w)}."
            )
        grid = self.omega_grid
        j = int(np.argmin(np.abs(grid - w)))
        if w >= grid[j]:
            step = grid[j + 1] - grid[j] if j + 1 < grid.size else grid[j] - grid[j - 1]
        else:
            step = grid[j] - grid[j - 1] if j > 0 else grid[1] - grid[0]
        if abs(w - grid[j]) > 0.5 * step * (1 + 1e-9):
            raise ValueError(
                f"El argumento 'omega' debe estar a menos de medio paso de un punto de "
                f"la grilla de omega; se recibió omega={format_value(w)} y el punto "
                f"más cercano es {format_value(grid[j])} (paso "
                f"{format_value(step)}). Use un valor dentro de "
                f"[{format_value(grid[0])}, {format_value(grid[-1])}] o amplíe la grilla."
            )
        slab = self.joint(name, which).isel(omega=j)
        total = float(slab.sum())
        if not total > 0:
            raise ValueError(
                f"La distribución '{which}' es cero en todos los puntos con "
                f"omega={format_value(grid[j])}; no se puede condicionar en ese valor."
            )
        out = slab / total
        out.name = which
        return out

    def summary(self, which: str = "posterior", prob: float = 0.95) -> pd.DataFrame:
        """Tabla de resumen de las marginales de todos los parámetros.

        Parameters
        ----------
        which : {"posterior", "prior", "likelihood"}, optional
            Distribución a resumir (la verosimilitud se normaliza en la grilla).
        prob : float, optional
            Probabilidad del intervalo de colas iguales (por defecto 0.95); ver
            :func:`jerarquicos.grid.summaries.grid_interval`.

        Returns
        -------
        pandas.DataFrame
            Índice ``pi_1, ..., pi_S, omega`` y columnas ``mean``, ``sd``,
            ``lower``, ``upper``.
        """
        check_choice(which, "which", WHICH)
        prob = check_prob(prob)
        rows = [summarize(self.marginal(n, which), prob=prob, name=n) for n in self.names]
        table = pd.DataFrame(rows)
        table.index.name = "parameter"
        return table


def grid_posterior(
    y,
    N,
    A_omega: float,
    B_omega: float,
    kappa: float,
    pi_grid=None,
    omega_grid=None,
    max_cells: int = DEFAULT_MAX_CELLS,
) -> GridPosterior:
    """Previa, verosimilitud y posterior en la grilla completa (fuerza bruta).

    Parameters
    ----------
    y : int or sequence of int
        Éxitos de cada sujeto (un escalar equivale a ``S = 1``).
    N : int or sequence of int
        Ensayos de cada sujeto, misma longitud que ``y`` y ``y_s <= N_s``.
    A_omega, B_omega : float
        Parámetros de la previa ``Beta(A_omega, B_omega)`` de :math:`\\omega`
        (finitos, mayores que 0). Si ``A_omega < 1`` (``B_omega < 1``), la
        densidad es infinita en 0 (en 1) y la grilla de :math:`\\omega` no puede
        incluir ese extremo: se lanza ``ValueError``.
    kappa : float
        Concentración fija, finita y ``>= 2``.
    pi_grid : array_like, optional
        Grilla de cada :math:`\\pi_s` (la misma para todos). Por defecto
        ``np.linspace(0, 1, 101)``, como en la clase.
    omega_grid : array_like, optional
        Grilla de :math:`\\omega`. Por defecto ``np.linspace(0, 1, 101)``.
    max_cells : int, optional
        Máximo de celdas ``len(pi_grid)**S * len(omega_grid)`` permitido (por
        defecto :data:`DEFAULT_MAX_CELLS` = 2·10⁷, unos 160 MB por arreglo).

    Returns
    -------
    GridPosterior
        Con ``prior``, ``likelihood`` y ``posterior`` como ``xarray.DataArray``
        de dimensiones ``("pi_1", ..., "pi_S", "omega")``. La previa y la
        posterior son masas que suman 1; la verosimilitud son los valores
        crudos de :math:`p(y \\mid \\pi)`, sin normalizar.

    Raises
    ------
    TypeError, ValueError
        Si algún argumento no es válido, si la grilla excede ``max_cells`` o si
        la previa o la posterior son cero en toda la grilla.

    Examples
    --------
    >>> res = grid_posterior([5, 4], [20, 8], 2, 2, kappa=5)
    >>> res.posterior.dims
    ('pi_1', 'pi_2', 'omega')
    >>> round(float(res.posterior.sum()), 12)
    1.0
    """
    y_arr, n_arr = check_counts(y, N)
    A = check_positive_finite(A_omega, "A_omega")
    B = check_positive_finite(B_omega, "B_omega")
    k = check_kappa(kappa)
    pi_g = default_grid() if pi_grid is None else check_grid(pi_grid, "pi_grid")
    omega_g = default_grid() if omega_grid is None else check_grid(omega_grid, "omega_grid")
    limit = check_max_cells(max_cells)

    n_subj = int(y_arr.size)
    n_pi, n_omega = int(pi_g.size), int(omega_g.size)
    cells = n_pi**n_subj * n_omega
    if cells > limit:
        size = _format_bytes(cells * _BYTES_PER_CELL)
        raise ValueError(
            f"La grilla completa tendría {_format_count(cells)} celdas "
            f"({n_pi}^{n_subj} valores de pi × {n_omega} de omega), unos {size} por "
            "cada arreglo float64 (la previa y la posterior ocupan uno cada una), y el "
            "límite es "
            f"max_cells={_format_count(int(limit))}. Para muchos sujetos use "
            "jerarquicos.grid.collapsed.collapsed_posterior, que integra cada pi_s de "
            "forma analítica; o use grillas más gruesas, o aumente max_cells si "
            "tiene memoria suficiente."
        )

    log_w = log_omega_prior(omega_g, A, B)  # (J,)
    log_p = log_pi_prior(pi_g, omega_g, k)  # (I, J)
    log_l = log_binom(y_arr, n_arr, pi_g)  # (S, I)

    prior = factorise(log_w, [log_p] * n_subj, "previa")
    posterior = factorise(log_w, [log_p + log_l[s][:, None] for s in range(n_subj)], "posterior")
    # La verosimilitud no depende de omega: se guarda en (pi_1, ..., pi_S) y el
    # DataArray la extiende como vista de sólo lectura.
    log_lik = np.zeros((n_pi,) * n_subj)
    for s in range(n_subj):
        view = [1] * n_subj
        view[s] = n_pi
        log_lik = log_lik + log_l[s].reshape(view)
    # Para las marginales de la verosimilitud (que se normalizan) basta su forma.
    lik_factors = FactorisedGrid(
        weights=np.ones(n_omega),
        factors=tuple(
            np.broadcast_to(np.exp(row - np.max(row))[:, None], (n_pi, n_omega)) for row in log_l
        ),
    )

    dims = (*pi_names(n_subj), "omega")
    coords = xr.Coordinates({**{d: pi_g for d in dims[:-1]}, "omega": omega_g})

    return GridPosterior(
        y=y_arr,
        N=n_arr,
        A_omega=A,
        B_omega=B,
        kappa=k,
        pi_grid=pi_g,
        omega_grid=omega_g,
        _factors={"prior": prior, "likelihood": lik_factors, "posterior": posterior},
        _log_lik=log_lik,
        _coords=coords,
    )
