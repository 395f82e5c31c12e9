r"""Motor «colapsado» del modelo beta-binomial jerárquico: integra cada :math:`\pi_s`.

Con :math:`\kappa` fija, la grilla sólo hace falta para :math:`\omega`. Para cada
punto :math:`\omega_j` de la grilla,

.. math::

    p(\omega_j \mid y) \propto p(\omega_j) \prod_{s=1}^{S} p(y_s \mid \omega_j),

y se normaliza sobre la grilla con ``logsumexp``. El costo es
:math:`O(S \cdot n_\omega)` en lugar de :math:`O(n_\pi^S \cdot n_\omega)` de la
fuerza bruta, así que escala a miles de sujetos.

Dos maneras de integrar :math:`\pi_s` (argumento ``method``)
------------------------------------------------------------

``method="exact"`` (por defecto)
    Integral analítica: :math:`p(y_s \mid \omega) =
    \operatorname{BetaBinomial}(y_s; N_s, a(\omega), b(\omega))`, con
    :math:`a(\omega) = \omega(\kappa-2)+1` y :math:`b(\omega) = (1-\omega)(\kappa-2)+1`.
    Como :math:`a + b = \kappa` no depende de :math:`\omega`,

    .. math::

        \log p(y_s \mid \omega) = \log\binom{N_s}{y_s}
        + \log\Gamma(y_s + a) + \log\Gamma(N_s - y_s + b) - \log\Gamma(a) - \log\Gamma(b)
        + \log\Gamma(\kappa) - \log\Gamma(N_s + \kappa),

    y la suma sobre sujetos se agrupa por valores distintos de :math:`y_s` y de
    :math:`N_s - y_s` (arreglos 2-D «valor × :math:`\omega`»), lo que la hace muy
    rápida. El único error de discretización es el de la grilla de
    :math:`\omega`. La marginal posterior de cada :math:`\pi_s` es la mezcla
    exacta :math:`\sum_j p(\omega_j \mid y)\,
    \operatorname{Beta}(a(\omega_j) + y_s,\; b(\omega_j) + N_s - y_s)`, con media y
    desviación estándar en forma cerrada.

``method="grid"``
    Reproduce la discretización de la fuerza bruta (:mod:`jerarquicos.grid.brute_force`):
    la integral en :math:`\pi_s` se reemplaza por la suma sobre la grilla
    ``pi_grid`` de la densidad previa cruda por la verosimilitud,

    .. math::

        L_s(\omega_j) = \sum_i \operatorname{Beta}(\pi_i; a(\omega_j), b(\omega_j))\,
        \operatorname{Binomial}(y_s; N_s, \pi_i),

    calculada en escala logarítmica. Como la grilla de la fuerza bruta es un
    producto cartesiano, la suma de la posterior conjunta sobre todos los
    :math:`\pi` se factoriza exactamente en :math:`p(\omega_j)\prod_s L_s(\omega_j)`;
    del mismo modo, la marginal de :math:`\pi_s` de la fuerza bruta es
    :math:`\sum_j p(\omega_j \mid y)\,\operatorname{Beta}(\pi_i; \dots)\,
    \operatorname{Binomial}(y_s; \dots)/L_s(\omega_j)`. Por eso, con las mismas
    grillas, este modo coincide con :func:`jerarquicos.grid.brute_force.grid_posterior` salvo
    por el redondeo (las pruebas exigen ``1e-10``): es una identidad algebraica,
    no un ajuste. Sirve para verificar la fuerza bruta y para explicar de dónde
    sale la diferencia con el modo exacto (la suma de Riemann en :math:`\pi`).

Por qué no se normaliza :math:`p(\pi \mid \omega)` sobre la grilla: la clase (en
R) multiplica densidades crudas, y la fuerza bruta de este paquete hace lo mismo
para reproducir sus figuras; ``method="grid"`` copia esa definición.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import pandas as pd
import xarray as xr
from scipy import special, stats
from scipy.optimize import elementwise

from ..validation import (
    check_choice,
    check_counts,
    check_grid,
    check_kappa,
    check_memory,
    check_positive_finite,
    check_prob,
    check_subject,
    check_unit_interval,
)
from ._logspace import (
    check_max_cells,
    default_grid,
    log_binom,
    log_omega_prior,
    log_pi_prior,
    normalize_log_inplace,
    shape_params,
)
from .brute_force import DEFAULT_MAX_CELLS, pi_names
from .summaries import SUMMARY_COLUMNS, summarize

__all__ = ["METHODS", "CollapsedPosterior", "collapsed_posterior"]

#: Maneras de integrar cada :math:`\pi_s`.
METHODS = ("exact", "grid")

# Pesos de omega por debajo de este valor se omiten al calcular cuantiles de
# mezclas (la masa omitida es a lo sumo len(omega_grid) * 1e-15).
_WEIGHT_CUTOFF = 1e-15
# Elementos por bloque en el modo "grid" (arreglos de bloque x n_omega x n_pi).
_CHUNK_ELEMENTS = 4_000_000


@dataclass(frozen=True)
class CollapsedPosterior:
    """Resultado de :func:`collapsed_posterior`.

    Attributes
    ----------
    omega : xarray.DataArray
        Posterior de :math:`\\omega` como masas sobre la grilla (dimensión
        ``"omega"``, suman 1).
    log_likelihood : xarray.DataArray
        :math:`\\sum_s \\log p(y_s \\mid \\omega)` en cada punto de la grilla
        (en el modo ``"grid"``, el logaritmo de la suma de Riemann
        :math:`\\prod_s L_s(\\omega)`, definida sin el factor del paso).
    y, N : numpy.ndarray
        Datos (``int64``, longitud ``S``).
    A_omega, B_omega, kappa : float
        Hiperparámetros.
    method : {"exact", "grid"}
        Cómo se integró cada :math:`\\pi_s` (ver la documentación del módulo).
    pi_grid : numpy.ndarray or None
        Grilla de :math:`\\pi` del modo ``"grid"``; ``None`` en el modo exacto.
    """

    omega: xr.DataArray
    log_likelihood: xr.DataArray
    y: np.ndarray
    N: np.ndarray
    A_omega: float
    B_omega: float
    kappa: float
    method: str
    pi_grid: np.ndarray | None
    _log_weights: np.ndarray = field(repr=False)
    _pair_y: np.ndarray = field(repr=False)
    _pair_n: np.ndarray = field(repr=False)
    _pair_index: np.ndarray = field(repr=False)
    _pi_masses: np.ndarray | None = field(repr=False)
    _max_cells: float = field(default=DEFAULT_MAX_CELLS, repr=False)

    @property
    def n_subjects(self) -> int:
        """Número de sujetos ``S``."""
        return int(self.y.size)

    @property
    def omega_grid(self) -> np.ndarray:
        """Grilla de :math:`\\omega`."""
        return self.omega["omega"].values

    def _weights(self) -> np.ndarray:
        return self.omega.values

    def _shape_params(self) -> tuple[np.ndarray, np.ndarray]:
        return shape_params(self.omega_grid, self.kappa)

    def pi_density(self, s: int, pi) -> xr.DataArray:
        """Densidad marginal posterior exacta de :math:`\\pi_s` (sólo modo exacto).

        Es la mezcla :math:`\\sum_j p(\\omega_j \\mid y)\\,
        \\operatorname{Beta}(\\pi; a(\\omega_j)+y_s, b(\\omega_j)+N_s-y_s)`.

        Parameters
        ----------
        s : int
            Sujeto, numerado desde 1.
        pi : array_like
            Puntos en ``[0, 1]`` donde evaluar la densidad (escalar o 1-D).

        Returns
        -------
        xarray.DataArray
            Densidades (no masas) con dimensión ``"pi_s"`` (por ejemplo
            ``"pi_2"``) y coordenada ``pi``.

        Raises
        ------
        ValueError
            En el modo ``"grid"``, donde :math:`\\pi_s` sólo toma los valores de
            la grilla (use :meth:`pi_marginal`).
        """
        s = check_subject(s, self.n_subjects)
        if self.method != "exact":
            raise ValueError(
                "pi_density sólo está definida con method='exact'; con method='grid' "
                "la distribución de pi_s vive en la grilla: use pi_marginal(s)."
            )
        points = np.atleast_1d(check_unit_interval(pi, "pi"))
        if points.ndim != 1:
            raise ValueError(
                "El argumento 'pi' debe ser un escalar o un arreglo 1-D; se recibió "
                f"uno de forma {points.shape}."
            )
        self._check_mixture_size(points.size, "pi")
        log_dens = self._log_mixture_density(s, points)
        return xr.DataArray(
            np.exp(log_dens),
            dims=(f"pi_{s}",),
            coords={f"pi_{s}": points},
            name="density",
            attrs={"description": f"densidad posterior marginal exacta de pi_{s}"},
        )

    def _check_mixture_size(self, n_points: int, name: str) -> None:
        components = int(np.count_nonzero(np.isfinite(self._log_weights)))
        check_memory(
            n_points * components,
            name,
            what=f"la matriz de {n_points} puntos de pi × {components} componentes de la mezcla",
            limit=self._max_cells,
            limit_name="el argumento max_cells de collapsed_posterior",
        )

    def _log_mixture_density(self, s: int, points: np.ndarray) -> np.ndarray:
        a, b = self._shape_params()
        ys, ns = int(self.y[s - 1]), int(self.N[s - 1])
        keep = np.isfinite(self._log_weights)
        log_comp = stats.beta.logpdf(points[:, None], a[None, keep] + ys, b[None, keep] + (ns - ys))
        return special.logsumexp(log_comp + self._log_weights[None, keep], axis=1)

    def pi_marginal(self, s: int, pi_grid=None) -> xr.DataArray:
        """Marginal posterior de :math:`\\pi_s` como masas sobre una grilla.

        Se puede comparar directamente con
        ``GridPosterior.marginal("pi_s")`` de la fuerza bruta.

        Parameters
        ----------
        s : int
            Sujeto, numerado desde 1.
        pi_grid : array_like, optional
            Modo exacto: grilla donde se evalúa la densidad de la mezcla, que
            luego se normaliza para que sume 1 (por defecto
            ``np.linspace(0, 1, 101)``). Modo ``"grid"``: debe omitirse (o ser la
            misma grilla de integración).

        Returns
        -------
        xarray.DataArray
            Masas (suman 1) con dimensión ``"pi_s"`` (por ejemplo ``"pi_1"``).
        """
        s = check_subject(s, self.n_subjects)
        dim = f"pi_{s}"
        if self.method == "grid":
            if pi_grid is not None:
                given = check_grid(pi_grid, "pi_grid")
                if given.shape != self.pi_grid.shape or not np.array_equal(given, self.pi_grid):
                    raise ValueError(
                        "Con method='grid' la marginal de pi_s sólo existe en la "
                        "grilla de integración; omita 'pi_grid' o pase la misma "
                        "grilla que a collapsed_posterior."
                    )
            masses = self._pi_masses[self._pair_index[s - 1]]
            points = self.pi_grid
        else:
            points = default_grid() if pi_grid is None else check_grid(pi_grid, "pi_grid")
            self._check_mixture_size(points.size, "pi_grid")
            masses = normalize_log_inplace(
                self._log_mixture_density(s, points), f"marginal posterior de {dim}"
            )
        return xr.DataArray(
            masses.copy(),
            dims=(dim,),
            coords={dim: points},
            name="posterior",
            attrs={"description": f"masas de la marginal posterior de {dim} (suman 1)"},
        )

    def _pi_moments(self) -> tuple[np.ndarray, np.ndarray]:
        """Media y desviación estándar por par único (y, N)."""
        if self.method == "grid":
            x = self.pi_grid
            masses = self._pi_masses
            mean = masses @ x
            var = np.einsum("ui,ui->u", masses, (x[None, :] - mean[:, None]) ** 2)
            return mean, np.sqrt(var)
        w = self._weights()
        a, _ = self._shape_params()
        ea = float(np.dot(w, a))
        va = float(np.dot(w, (a - ea) ** 2))
        total = self.kappa + self._pair_n
        mean = (ea + self._pair_y) / total
        # Varianza total: E[Var(pi | omega)] + Var(E[pi | omega]).
        within = (mean * (1.0 - mean) - va / total**2) / (total + 1.0)
        var = np.maximum(within, 0.0) + va / total**2
        return mean, np.sqrt(var)

    def _per_subject(self, values: np.ndarray, name: str, description: str) -> xr.DataArray:
        subjects = np.arange(1, self.n_subjects + 1)
        return xr.DataArray(
            values[self._pair_index],
            dims=("subject",),
            coords={"subject": subjects},
            name=name,
            attrs={"description": description},
        )

    def pi_mean(self) -> xr.DataArray:
        """Media posterior de cada :math:`\\pi_s`.

        En el modo exacto es la media exacta de la mezcla,
        :math:`(\\operatorname{E}[a(\\omega) \\mid y] + y_s)/(\\kappa + N_s)`; en el
        modo ``"grid"``, la media de las masas sobre la grilla de :math:`\\pi`.

        Returns
        -------
        xarray.DataArray
            Dimensión ``"subject"`` con coordenadas ``1..S``.
        """
        mean, _ = self._pi_moments()
        return self._per_subject(mean, "pi_mean", "media posterior de pi_s")

    def pi_sd(self) -> xr.DataArray:
        """Desviación estándar posterior de cada :math:`\\pi_s`.

        En el modo exacto se usa la ley de la varianza total sobre la mezcla
        (forma cerrada); en el modo ``"grid"``, las masas de la grilla.

        Returns
        -------
        xarray.DataArray
            Dimensión ``"subject"`` con coordenadas ``1..S``.
        """
        _, sd = self._pi_moments()
        return self._per_subject(sd, "pi_sd", "desviación estándar posterior de pi_s")

    def _pi_intervals(self, prob: float) -> tuple[np.ndarray, np.ndarray]:
        """Cuantiles de colas iguales de cada par único (y, N)."""
        tail = 0.5 * (1.0 - prob)
        n_pairs = self._pair_y.size
        if self.method == "grid":
            bounds = np.empty((n_pairs, 2))
            for u in range(n_pairs):
                row = summarize(self.pi_grid, self._pi_masses[u], prob=prob)
                bounds[u] = row["lower"], row["upper"]
            return bounds[:, 0], bounds[:, 1]
        w = self._weights()
        keep = w > _WEIGHT_CUTOFF
        w_keep = w[keep] / w[keep].sum()
        a, b = self._shape_params()
        alpha = a[None, keep] + self._pair_y[:, None]
        beta = b[None, keep] + (self._pair_n - self._pair_y)[:, None]
        targets = np.concatenate([np.full(n_pairs, tail), np.full(n_pairs, 1.0 - tail)])
        rows = np.concatenate([np.arange(n_pairs), np.arange(n_pairs)])

        def excess(x, k):
            k = k.astype(np.intp)
            r = rows[k]
            return special.betainc(alpha[r], beta[r], x[..., None]) @ w_keep - targets[k]

        index = np.arange(targets.size)
        res = elementwise.find_root(
            excess,
            (np.zeros(targets.size), np.ones(targets.size)),
            args=(index,),
            tolerances={"xatol": 1e-12, "xrtol": 1e-12},
        )
        roots = np.asarray(res.x, dtype=float)
        if not np.all(res.success):  # pragma: no cover - salvaguarda
            raise RuntimeError("No se pudieron calcular los cuantiles de la mezcla beta.")
        return roots[:n_pairs], roots[n_pairs:]

    def summary(self, prob: float = 0.95) -> pd.DataFrame:
        """Tabla de resumen de :math:`\\pi_1, \\dots, \\pi_S` y :math:`\\omega`.

        Parameters
        ----------
        prob : float, optional
            Probabilidad de los intervalos de colas iguales (por defecto 0.95).

        Returns
        -------
        pandas.DataFrame
            Índice ``pi_1, ..., pi_S, omega``; columnas ``mean``, ``sd``,
            ``lower``, ``upper``. Para :math:`\\omega` se usa
            :func:`jerarquicos.grid.summaries.summarize` sobre la grilla. Para cada
            :math:`\\pi_s`, en el modo exacto la media y la desviación estándar
            son las de la mezcla (forma cerrada) y los cuantiles se obtienen
            resolviendo :math:`F(x) = q` para la función de distribución de la
            mezcla (tolerancia ``1e-12``; se omiten pesos de :math:`\\omega`
            menores que ``1e-15``); en el modo ``"grid"`` todo sale de las masas
            de la grilla de :math:`\\pi`.
        """
        prob = check_prob(prob)
        mean, sd = self._pi_moments()
        lower, upper = self._pi_intervals(prob)
        idx = self._pair_index
        table = pd.DataFrame(
            {"mean": mean[idx], "sd": sd[idx], "lower": lower[idx], "upper": upper[idx]},
            index=list(pi_names(self.n_subjects)),
            columns=list(SUMMARY_COLUMNS),
        )
        omega_row = summarize(self.omega, prob=prob, name="omega")
        table = pd.concat([table, omega_row.to_frame().T])
        table.index.name = "parameter"
        return table


def _exact_log_likelihood(
    y: np.ndarray, n: np.ndarray, omega_grid: np.ndarray, kappa: float
) -> np.ndarray:
    """:math:`\\sum_s \\log \\operatorname{BetaBinomial}(y_s; N_s, a(\\omega), b(\\omega))`."""
    a, b = shape_params(omega_grid, kappa)
    m = n - y
    uy, cy = np.unique(y, return_counts=True)
    um, cm = np.unique(m, return_counts=True)
    varying = cy.astype(float) @ special.gammaln(uy[:, None] + a[None, :])
    varying += cm.astype(float) @ special.gammaln(um[:, None] + b[None, :])
    varying -= y.size * (special.gammaln(a) + special.gammaln(b))
    constant = np.sum(
        special.gammaln(n + 1.0)
        - special.gammaln(y + 1.0)
        - special.gammaln(m + 1.0)
        + special.gammaln(kappa)
        - special.gammaln(n + kappa)
    )
    return varying + constant


def _grid_log_likelihood(
    pair_y: np.ndarray,
    pair_n: np.ndarray,
    pi_grid: np.ndarray,
    omega_grid: np.ndarray,
    kappa: float,
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Log de las sumas de Riemann ``L_u(omega_j)`` por par único.

    Devuelve ``(log_L, log_prior_pi, log_binom)`` con formas ``(U, J)``,
    ``(J, I)`` y ``(U, I)``.
    """
    log_p = log_pi_prior(pi_grid, omega_grid, kappa).T  # (J, I)
    log_l = log_binom(pair_y, pair_n, pi_grid)  # (U, I)
    n_pairs = pair_y.size
    chunk = max(1, _CHUNK_ELEMENTS // log_p.size)
    log_big_l = np.empty((n_pairs, omega_grid.size))
    for start in range(0, n_pairs, chunk):
        stop = min(start + chunk, n_pairs)
        terms = log_p[None, :, :] + log_l[start:stop, None, :]
        log_big_l[start:stop] = special.logsumexp(terms, axis=-1)
    return log_big_l, log_p, log_l


def _grid_pi_masses(
    log_big_l: np.ndarray, log_p: np.ndarray, log_l: np.ndarray, weights: np.ndarray
) -> np.ndarray:
    """Masas de la marginal de cada :math:`\\pi` (modo ``"grid"``), forma ``(U, I)``."""
    n_pairs = log_l.shape[0]
    keep = weights > 0
    w = weights[keep]
    log_p = log_p[keep]
    masses = np.empty_like(log_l)
    chunk = max(1, _CHUNK_ELEMENTS // max(log_p.size, 1))
    for start in range(0, n_pairs, chunk):
        stop = min(start + chunk, n_pairs)
        # Donde los pesos son positivos, L_u(omega_j) > 0 (log finito).
        terms = log_p[None, :, :] + log_l[start:stop, None, :]
        terms -= log_big_l[start:stop, keep][:, :, None]
        np.exp(terms, out=terms)
        masses[start:stop] = np.einsum("j,uji->ui", w, terms)
    masses /= masses.sum(axis=1, keepdims=True)
    return masses


def _check_work_size(
    y: np.ndarray,
    n: np.ndarray,
    n_pairs: int,
    n_omega: int,
    pi_grid: np.ndarray | None,
    limit: float,
) -> None:
    """Rechaza, antes de reservar memoria, grillas cuyos arreglos no cabrían.

    Cada candidato es (elementos, argumento que más pesa, descripción); se
    compara el más grande con ``limit``.
    """
    if pi_grid is None:
        rows = max(np.unique(y).size, np.unique(n - y).size)
        candidates = [
            (
                rows * n_omega,
                "omega_grid" if n_omega >= rows else "y",
                f"la matriz de {rows} valores distintos de y × {n_omega} puntos de omega",
            )
        ]
    else:
        n_pi = pi_grid.size
        candidates = [
            (
                n_omega * n_pi,
                "omega_grid" if n_omega >= n_pi else "pi_grid",
                f"la matriz de {n_omega} puntos de omega × {n_pi} de pi",
            ),
            (
                n_pairs * n_pi,
                "pi_grid" if n_pi >= n_pairs else "y",
                f"la matriz de {n_pairs} pares (y, N) distintos × {n_pi} puntos de pi",
            ),
            (
                n_pairs * n_omega,
                "omega_grid" if n_omega >= n_pairs else "y",
                f"la matriz de {n_pairs} pares (y, N) distintos × {n_omega} puntos de omega",
            ),
        ]
    elements, name, what = max(candidates, key=lambda c: c[0])
    check_memory(elements, name, what=what, limit=limit, limit_name="max_cells")


def collapsed_posterior(
    y,
    N,
    A_omega: float,
    B_omega: float,
    kappa: float,
    omega_grid=None,
    *,
    method: str = "exact",
    pi_grid=None,
    max_cells: int = DEFAULT_MAX_CELLS,
) -> CollapsedPosterior:
    """Posterior de :math:`\\omega` (y de cada :math:`\\pi_s`) integrando las :math:`\\pi_s`.

    Parameters
    ----------
    y : int or sequence of int
        Éxitos de cada sujeto (un escalar equivale a ``S = 1``).
    N : int or sequence of int
        Ensayos de cada sujeto, misma longitud que ``y`` y ``y_s <= N_s``.
    A_omega, B_omega : float
        Parámetros de la previa ``Beta(A_omega, B_omega)`` de :math:`\\omega`
        (finitos, mayores que 0). Si ``A_omega < 1`` (``B_omega < 1``) la grilla
        de :math:`\\omega` no puede incluir el 0 (el 1).
    kappa : float
        Concentración fija, finita y ``>= 2``.
    omega_grid : array_like, optional
        Grilla de :math:`\\omega`. Por defecto ``np.linspace(0, 1, 101)``.
    method : {"exact", "grid"}, optional
        ``"exact"`` integra cada :math:`\\pi_s` de forma analítica (beta-binomial);
        ``"grid"`` reproduce la suma de Riemann de la fuerza bruta sobre
        ``pi_grid``. Ver la documentación del módulo.
    pi_grid : array_like, optional
        Sólo con ``method="grid"``: grilla de :math:`\\pi` (por defecto
        ``np.linspace(0, 1, 101)``).
    max_cells : int, optional
        Máximo de elementos de los arreglos intermedios (por defecto
        :data:`~jerarquicos.grid.brute_force.DEFAULT_MAX_CELLS` = 2·10⁷, unos
        160 MB por arreglo ``float64``): con el modo exacto, (valores distintos
        de :math:`y_s`) × ``len(omega_grid)``; con ``method="grid"``,
        ``len(omega_grid) × len(pi_grid)`` y (pares distintos :math:`(y_s, N_s)`)
        × ``len(pi_grid)``. También limita :meth:`CollapsedPosterior.pi_density`
        y :meth:`CollapsedPosterior.pi_marginal`.

    Returns
    -------
    CollapsedPosterior
        Con ``omega`` (masas en la grilla) y métodos ``pi_marginal``,
        ``pi_density``, ``pi_mean``, ``pi_sd`` y ``summary``.

    Raises
    ------
    TypeError, ValueError
        Si algún argumento no es válido o la posterior es cero en toda la grilla.

    Examples
    --------
    >>> res = collapsed_posterior([5, 4], [20, 8], 2, 2, kappa=5)
    >>> round(float(res.omega.sum()), 12)
    1.0
    """
    y_arr, n_arr = check_counts(y, N)
    A = check_positive_finite(A_omega, "A_omega")
    B = check_positive_finite(B_omega, "B_omega")
    k = check_kappa(kappa)
    omega_g = default_grid() if omega_grid is None else check_grid(omega_grid, "omega_grid")
    method = check_choice(method, "method", METHODS)
    if method == "exact":
        if pi_grid is not None:
            raise ValueError(
                "El argumento 'pi_grid' sólo se usa con method='grid'; con "
                "method='exact' cada pi_s se integra de forma analítica. Pase "
                "method='grid' para reproducir la fuerza bruta, o evalúe la "
                "marginal en una grilla con pi_marginal(s, pi_grid)."
            )
        pi_g = None
    else:
        pi_g = default_grid() if pi_grid is None else check_grid(pi_grid, "pi_grid")
    limit = check_max_cells(max_cells)

    pairs, pair_index = np.unique(np.stack([y_arr, n_arr], axis=1), axis=0, return_inverse=True)
    pair_index = np.asarray(pair_index).reshape(-1)
    pair_y, pair_n = pairs[:, 0], pairs[:, 1]
    _check_work_size(y_arr, n_arr, pair_y.size, omega_g.size, pi_g, limit)
    log_prior = log_omega_prior(omega_g, A, B)

    pi_masses = None
    if method == "exact":
        log_lik = _exact_log_likelihood(y_arr, n_arr, omega_g, k)
    else:
        log_big_l, log_p, log_l = _grid_log_likelihood(pair_y, pair_n, pi_g, omega_g, k)
        counts = np.bincount(pair_index, minlength=pair_y.size).astype(float)
        log_lik = np.sum(counts[:, None] * log_big_l, axis=0)

    log_post = log_prior + log_lik
    top = np.max(log_post)
    if not np.isfinite(top):
        raise ValueError(
            "La posterior de omega es cero en todos los puntos de la grilla, así que "
            "no se puede normalizar. Revise 'omega_grid' (por ejemplo, con "
            "A_omega > 1 y B_omega > 1 la previa vale cero en 0 y en 1) y, con "
            "method='grid', 'pi_grid'."
        )
    log_weights = log_post - special.logsumexp(log_post)
    weights = np.exp(log_weights)
    if method == "grid":
        pi_masses = _grid_pi_masses(log_big_l, log_p, log_l, weights)

    omega_da = xr.DataArray(
        weights,
        dims=("omega",),
        coords={"omega": omega_g},
        name="posterior",
        attrs={"description": "masas de la posterior marginal de omega (suman 1)"},
    )
    log_lik_da = xr.DataArray(
        log_lik,
        dims=("omega",),
        coords={"omega": omega_g},
        name="log_likelihood",
        attrs={"description": "suma sobre sujetos de log p(y_s | omega)"},
    )
    return CollapsedPosterior(
        omega=omega_da,
        log_likelihood=log_lik_da,
        y=y_arr,
        N=n_arr,
        A_omega=A,
        B_omega=B,
        kappa=k,
        method=method,
        pi_grid=pi_g,
        _log_weights=log_weights,
        _pair_y=pair_y,
        _pair_n=pair_n,
        _pair_index=pair_index,
        _pi_masses=pi_masses,
        _max_cells=limit,
    )
